package org.oncocds.fairness.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Sha256ReaderTest {

    /** A UTF-8 file with a byte-order mark, CRLF line ends, a two-byte letter and a four-byte (surrogate pair) one. */
    private static final String CSV = "\uFEFFlabel,score,sex\r\n1,0.25,f\u00e9\r\n0,0.5,\uD83D\uDE00\r\n";

    private static String sha256OfUtf8(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                StandardCharsets.UTF_8)));
    }

    @Test
    void hashesTheUtf8FileWhateverTheReadSizes() throws Exception {
        for (int chunk = 1; chunk <= CSV.length(); chunk++) {
            Sha256Reader reader = new Sha256Reader(new StringReader(CSV));
            StringBuilder passedThrough = new StringBuilder();
            char[] buffer = new char[chunk];
            for (int n = reader.read(buffer, 0, chunk); n != -1; n = reader.read(buffer, 0, chunk)) {
                passedThrough.append(buffer, 0, n);
            }
            assertEquals(CSV, passedThrough.toString());
            assertEquals(sha256OfUtf8(CSV), reader.finishHex(), "reading " + chunk + " characters at a time");
        }
    }

    @Test
    void singleCharacterReadsAreHashedToo() throws Exception {
        Reader reader = new Sha256Reader(new StringReader(CSV));
        while (reader.read() != -1) {
            // read to the end
        }
        assertEquals(sha256OfUtf8(CSV), ((Sha256Reader) reader).finishHex());
    }

    @Test
    void skippingIsRefusedSoNothingEscapesTheHash() {
        Reader reader = new Sha256Reader(new StringReader(CSV));
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> reader.skip(3));
    }
}
