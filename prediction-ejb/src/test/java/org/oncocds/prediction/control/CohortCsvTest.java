package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A cohort file read and written back with its risk column. */
class CohortCsvTest {

    @Test
    void aFieldWithALineBreakIsWrittenBackQuotedSoEachRiskStaysOnItsPatientsRow() {
        CohortCsv cohort = CohortCsv.parse("id,notes,age\r\n1,\"seen twice\r\nsee letter\",61\r\n2,,70\r\n");

        String scored = cohort.withColumn("risk", List.of(0.25, 0.5));
        CohortCsv readBack = CohortCsv.parse(scored);

        assertEquals(List.of(), readBack.problems());
        assertEquals(List.of("id", "notes", "age", "risk"), readBack.header());
        assertEquals(List.of("1", "seen twice\r\nsee letter", "61", "0.25"), readBack.rows().get(0).fields());
        assertEquals(List.of("2", "", "70", "0.5"), readBack.rows().get(1).fields());
    }

    @Test
    void anUnclosedQuoteComesFirstAmongTheProblems() {
        CohortCsv cohort = CohortCsv.parse("id,age\n1,2,3\n2,\"70\n");

        assertEquals(List.of("line 3: a quoted field is not closed: no closing double quote before the end of the file",
                "line 2: 3 fields, the header has 2"), cohort.problems());
    }
}
