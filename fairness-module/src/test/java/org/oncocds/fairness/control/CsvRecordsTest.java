package org.oncocds.fairness.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() throws IOException {
        CsvRecords records = new CsvRecords(new StringReader("a,\"b,\"\"c\"\"\nd\",e\r\nf,,g\n"), 1000);
        assertEquals(List.of("a", "b,\"c\"\nd", "e"), records.next());
        assertEquals(1, records.recordLine());
        assertEquals(List.of("f", "", "g"), records.next());
        assertEquals(3, records.recordLine()); // the quoted line break counts
        assertNull(records.next());
    }

    @Test
    void inputBeyondTheLimitIsRefused() throws IOException {
        CsvRecords records = new CsvRecords(new StringReader("a,b\n1,2\n3,4\n"), 10);
        records.next();
        records.next();
        RowRefusedException refused = assertThrows(RowRefusedException.class, records::next);
        assertEquals("line 3, column '(upload)': the upload is longer than 10 characters", refused.getMessage());
    }
}
