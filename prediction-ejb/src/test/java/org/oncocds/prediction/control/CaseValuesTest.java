package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseValuesTest {

    @Test
    void completesOnlyWhatIsMissing() {
        CaseValues given = new CaseValues(Map.of("age", 60.0), Map.of("differ", "3"));
        CaseValues defaults = new CaseValues(Map.of("nodes", 3.5, "age", 99.0), Map.of("differ", "2"));
        CaseValues complete = given.completedWith(defaults);
        assertEquals(Map.of("age", 60.0, "nodes", 3.5), complete.numbers());
        assertEquals(Map.of("differ", "3"), complete.categories());
    }

    @Test
    void replacesOneFeatureWhateverItsKind() {
        CaseValues given = new CaseValues(Map.of("size", 35.0, "age", 60.0), Map.of("sex", "1"));
        CaseValues binned = given.withValue("size", "20-50");
        assertEquals(Map.of("age", 60.0), binned.numbers());
        assertEquals(Map.of("sex", "1", "size", "20-50"), binned.categories());
        assertEquals(Map.of("age", 61.5, "size", 35.0), given.withValue("age", 61.5).numbers());
    }
}
