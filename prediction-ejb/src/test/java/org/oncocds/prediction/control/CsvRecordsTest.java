package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CSV as a spreadsheet writes it: quoted fields with commas, quotes and line breaks, CRLF, blank lines. */
class CsvRecordsTest {

    @Test
    void aQuotedFieldMaySpanLinesAndEachRecordKeepsTheLineItStartsOn() {
        CsvRecords.Read read = CsvRecords.read("id,notes,nodes\r\n1,\"seen twice,\r\nsee \"\"letter\"\"\",3\r\n\r\n"
                + "2,,4\r\n");

        assertEquals(Optional.empty(), read.unreadable());
        assertEquals(List.of(new CsvRecords.Record(1, List.of("id", "notes", "nodes")), new CsvRecords.Record(2, List
                .of("1", "seen twice,\r\nsee \"letter\"", "3")), new CsvRecords.Record(5, List.of("2", "", "4"))),
                read.records());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnsName() {
        assertEquals(List.of("id", "age"), CsvRecords.read("\uFEFFid,age\n1,61\n").records().get(0).fields());
    }

    @Test
    void anUnclosedQuoteStopsTheReadingAtTheLineItOpensOn() {
        CsvRecords.Read read = CsvRecords.read("id,notes\n1,fine\n2,\"never closed\n3,lost\n");

        assertEquals(2, read.records().size(), "the rows before it are read");
        CsvRecords.Unreadable unreadable = read.unreadable().orElseThrow();
        assertEquals(3, unreadable.line());
        assertEquals("line 3: a quoted field is not closed: no closing double quote before the end of the file",
                unreadable.message());
    }

    @Test
    void textAfterAClosingQuoteIsRefusedWithTheLine() {
        CsvRecords.Unreadable unreadable = CsvRecords.read("id,rx\n1,\"Lev\"+5FU\n").unreadable().orElseThrow();

        assertEquals(2, unreadable.line());
        assertTrue(unreadable.problem().startsWith("a quoted field is followed by other characters"), unreadable
                .problem());
    }

    @Test
    void aSpaceAfterTheCommaDoesNotHideTheQuotes() {
        assertEquals(List.of("1", "a,b", "3"), CsvRecords.read("id,rx,nodes\n1, \"a,b\" ,3\n").records().get(1)
                .fields());
    }
}
