package org.oncocds.portal.cases;

import java.time.Instant;
import java.util.List;
import org.oncocds.prediction.boundary.Driver;
import org.oncocds.prediction.boundary.InputValue;
import org.oncocds.prediction.boundary.OptionRisk;
import org.oncocds.prediction.boundary.TreatmentComparison;

/** Treatment comparisons of the colon task as the prediction module returns them, with intervals and drivers. */
final class Comparisons {

    static final long RECORD = 42;

    private Comparisons() {
    }

    /** Lev+5FU has the lowest risk (30 %); Obs is the reference. */
    static TreatmentComparison colon() {
        return new TreatmentComparison(ColonTask.ID, ColonTask.TASK.activeModel(), "Obs", List.of(new OptionRisk(
                "Obs", 0.4, 0, 0.35, 0.452, 0, 0), new OptionRisk("Lev", 0.38, 0.02, 0.33, 0.43, -0.01, 0.051),
                new OptionRisk("Lev+5FU", 0.3, 0.1, 0.251, 0.352, 0.06, 0.14)), "pseudo-abc", RECORD,
                Instant.parse(
                        "2026-11-25T04:00:00Z"),
                List.of(new InputValue("age", "63", false), new InputValue("differ",
                        "2", true)),
                List.of(new Driver("nodes", "7", "3.6596", 0.081), new Driver("differ", "3", "2", 0.03),
                        new Driver("age", "63", "59.754", -0.012), new Driver("sex", "1", "1", -0.00001)));
    }

    static CaseResult colonResult() {
        return CaseResult.of(ColonTask.TASK, colon());
    }
}
