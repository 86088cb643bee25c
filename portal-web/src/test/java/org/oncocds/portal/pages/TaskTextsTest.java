package org.oncocds.portal.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oncocds.portal.cases.UploadedTask;
import org.oncocds.prediction.boundary.TaskDescription;

/** The texts of an uploaded task come from its definition; keys of other things are not answered. */
class TaskTextsTest {

    private final List<String> asked = new ArrayList<>();
    private final TaskTexts texts = new TaskTexts(id -> {
        asked.add(id);
        return UploadedTask.ID.equals(id) ? Optional.of(UploadedTask.TASK) : Optional.<TaskDescription>empty();
    });

    @Test
    void theTitleIsTheOutcome() {
        assertEquals(Optional.of("Death within 1 year"), texts.text("task.veteran-death-1y"));
    }

    @Test
    void anInputIsItsNameWithItsUnitAndACodeOrOptionIsShownAsInTheData() {
        assertEquals(Optional.of("age (years)"), texts.text("task.veteran-death-1y.feature.age"));
        assertEquals(Optional.of("karno"), texts.text("task.veteran-death-1y.feature.karno"));
        assertEquals(Optional.of("adeno"), texts.text("task.veteran-death-1y.feature.celltype.adeno"));
        assertEquals(Optional.of("2"), texts.text("task.veteran-death-1y.option.2"));
        assertEquals(Optional.of("trt"), texts.text("task.veteran-death-1y.feature.trt"));
    }

    @Test
    void anInputWhoseNameHasADotIsFoundWholeWithItsCodes() {
        assertEquals(Optional.of("ph.ecog"), texts.text("task.veteran-death-1y.feature.ph.ecog"));
        assertEquals(Optional.of("1"), texts.text("task.veteran-death-1y.feature.ph.ecog.1"));
    }

    @Test
    void otherKeysAndUnknownTasksAreLeftToTheMessages() {
        assertEquals(Optional.empty(), texts.text("case.title"));
        assertEquals(Optional.empty(), texts.text("task.unknown-task"));
        assertEquals(Optional.empty(), texts.text("task.veteran-death-1y.feature.nothing"));
        assertEquals(Optional.empty(), texts.text("task.veteran-death-1y.other"));
    }

    @Test
    void aTaskIsAskedForOnce() {
        texts.text("task.veteran-death-1y");
        texts.text("task.veteran-death-1y.feature.age");

        assertEquals(List.of(UploadedTask.ID), asked);
    }
}
