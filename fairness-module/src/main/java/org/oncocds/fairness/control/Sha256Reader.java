package org.oncocds.fairness.control;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes an upload through unchanged while hashing what was read: SHA-256 of the characters encoded as UTF-8, which is
 * the SHA-256 of the uploaded file itself when the file is UTF-8 (a byte-order mark included). A surrogate pair split
 * between two reads is encoded whole.
 */
public final class Sha256Reader extends FilterReader {

    private final MessageDigest digest;
    private char pendingHighSurrogate;
    private boolean pending;

    public Sha256Reader(Reader in) {
        super(in);
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) == -1 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            hash(buffer, offset, read);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping would leave characters out of the hash");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Lower-case hex of everything read so far; call once, after the last read. */
    public String finishHex() {
        if (pending) {
            digest.update(String.valueOf(pendingHighSurrogate).getBytes(StandardCharsets.UTF_8));
            pending = false;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void hash(char[] buffer, int offset, int count) {
        StringBuilder chunk = new StringBuilder(count + 1);
        if (pending) {
            chunk.append(pendingHighSurrogate);
            pending = false;
        }
        chunk.append(buffer, offset, count);
        char last = chunk.charAt(chunk.length() - 1);
        if (Character.isHighSurrogate(last)) {
            pendingHighSurrogate = last;
            pending = true;
            chunk.setLength(chunk.length() - 1);
        }
        digest.update(chunk.toString().getBytes(StandardCharsets.UTF_8));
    }
}
