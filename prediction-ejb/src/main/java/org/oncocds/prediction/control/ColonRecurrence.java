package org.oncocds.prediction.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The task {@code colon-recurrence-5y}: recurrence within five years after adjuvant therapy for stage B/C colon cancer,
 * learnt from the NCCTG trial's recurrence records (colon.csv, {@code etype == 1}).
 */
public final class ColonRecurrence {

    /** Five years in days, as the data README defines the horizon. */
    static final double HORIZON_DAYS = TaskDefinition.FIVE_YEARS;

    static final String RESOURCE = "/datasets/colon.csv";

    public static final TaskDefinition TASK = new TaskDefinition("colon-recurrence-5y",
            "recurrence within 5 years (1826.25 days)",
            "NCCTG adjuvant colon cancer trial (R survival::colon), recurrence records; patients censored before 5 years"
                    + " excluded",
            "rx", List.of("Obs", "Lev", "Lev+5FU"), "Obs", true,
            List.of(FeatureSpec.category("sex", true, "0", "1"), FeatureSpec.wholeNumber("age", "years", 18, 100, true),
                    FeatureSpec.category("obstruct", true, "0", "1"), FeatureSpec.category("perfor", true, "0", "1"),
                    FeatureSpec.category("adhere", true, "0", "1"),
                    FeatureSpec.wholeNumber("nodes", "positive lymph nodes", 0, 40, false),
                    FeatureSpec.category("differ", false, "1", "2", "3"),
                    FeatureSpec.category("extent", true, "1", "2", "3", "4"),
                    FeatureSpec.category("surg", true, "0", "1")),
            TaskDefinition.FIVE_YEARS, List.of("sex", "age", "rx"));

    private ColonRecurrence() {
    }

    /** The labelled patients of the shipped colon.csv. */
    static List<LabelledCase> cohort() {
        return cohort(TrainingRows.read(RESOURCE));
    }

    static List<LabelledCase> cohort(List<Map<String, String>> rows) {
        List<LabelledCase> cases = new ArrayList<>();
        for (Map<String, String> row : rows) {
            if ("1".equals(row.get("etype"))) {
                labelled(row).ifPresent(cases::add);
            }
        }
        return cases;
    }

    private static Optional<LabelledCase> labelled(Map<String, String> row) {
        Optional<Integer> label = SurvivalLabel.of(Double.parseDouble(row.get("time")), "1".equals(row.get("status")),
                HORIZON_DAYS);
        return label.map(value -> new LabelledCase(values(row), value));
    }

    private static CaseValues values(Map<String, String> row) {
        return TrainingRows.values(TASK, row, row.get(TASK.treatmentFeature()));
    }
}
