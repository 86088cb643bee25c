package org.oncocds.portal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oncocds.prediction.boundary.CaseRequest;

class CaseFormTest {

    @Test
    void mapsEveryInputOfTheTaskToTheRequestAsTyped() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("mrn", "MRN-0042");
        parameters.put("age", " 67 ");
        parameters.put("sex", "1");
        parameters.put("nodes", "");
        parameters.put("referenceOption", "Lev");

        CaseRequest request = CaseForm.read(ColonTask.TASK, parameters::get).toRequest();

        assertEquals(ColonTask.ID, request.taskId());
        assertEquals("MRN-0042", request.mrn());
        assertEquals("Lev", request.referenceOption());
        assertEquals(" 67 ", request.values().get("age"), "the prediction module alone interprets the text");
        assertEquals("1", request.values().get("sex"));
        assertEquals("", request.values().get("nodes"));
        assertEquals(ColonTask.TASK.features().size(), request.values().size());
    }

    @Test
    void missingInputsBecomeBlankAndForeignParametersAreIgnored() {
        Map<String, String> parameters = Map.of("_csrf", "token", "rx", "Lev", "status", "1");

        CaseRequest request = CaseForm.read(ColonTask.TASK, parameters::get).toRequest();

        assertEquals("", request.mrn());
        assertEquals("", request.referenceOption());
        assertEquals("", request.values().get("extent"));
        assertFalse(request.values().containsKey("_csrf"));
        assertFalse(request.values().containsKey("rx"), "the treatment is chosen by the comparison, not typed");
        assertFalse(request.values().containsKey("status"));
    }

    @Test
    void aBlankFormComparesAgainstTheTasksReferenceOption() {
        CaseForm form = CaseForm.blank(ColonTask.TASK);

        assertEquals("Obs", form.referenceOption());
        assertEquals("", form.mrn());
        assertEquals("", form.valueOf("age"));
    }

    @Test
    void neverPrintsTheMrn() {
        CaseForm form = CaseForm.read(ColonTask.TASK, Map.of("mrn", "MRN-SECRET-7")::get);

        assertFalse(form.toString().contains("MRN-SECRET-7"));
    }
}
