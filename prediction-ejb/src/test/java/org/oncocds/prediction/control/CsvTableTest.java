package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void readsQuotedFieldsAndEmptyFieldsAsMissing() {
        List<Map<String, String>> rows = read("\"id\",\"rx\",\"nodes\"\n1,\"Lev+5FU\",\n2,\"a,\"\"b\"\"\",3\n");
        assertEquals(2, rows.size());
        assertEquals("Lev+5FU", rows.get(0).get("rx"));
        assertEquals("", rows.get(0).get("nodes"));
        assertEquals("a,\"b\"", rows.get(1).get("rx"));
        assertEquals("3", rows.get(1).get("nodes"));
    }

    @Test
    void refusesARowWithTheWrongNumberOfFields() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> read("a,b\n1,2,3\n"));
        assertEquals("line 2 has 3 fields, the header 2", error.getMessage());
    }

    @Test
    void refusesAnUnclosedQuoteNamingItsLine() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> read("a,b\n1,\"2\n"));
        assertEquals("line 2: a quoted field is not closed: no closing double quote before the end of the file", error
                .getMessage());
    }

    private static List<Map<String, String>> read(String csv) {
        return CsvTable.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }
}
