package org.oncocds.prediction.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The task {@code rotterdam-rfs-5y}: relapse or death within five years after surgery for primary breast cancer,
 * learnt from the Rotterdam tumour bank (rotterdam.csv). Treatment was not randomised: the options' differences are
 * confounded by indication (who was given hormonal or chemotherapy), so they are not treatment effects.
 */
public final class RotterdamRelapseFree {

    static final double HORIZON_DAYS = TaskDefinition.FIVE_YEARS;
    static final String RESOURCE = "/datasets/rotterdam.csv";

    static final String NONE = "none";
    static final String HORMONAL = "hormonal";
    static final String CHEMOTHERAPY = "chemotherapy";
    static final String BOTH = "hormonal+chemotherapy";

    public static final TaskDefinition TASK = new TaskDefinition("rotterdam-rfs-5y",
            "relapse or death within 5 years (1826.25 days)",
            "Rotterdam tumour bank, primary breast cancer (R survival::rotterdam); relapse-free survival, patients"
                    + " censored before 5 years excluded; treatment not randomised",
            "therapy", List.of(NONE, HORMONAL, CHEMOTHERAPY, BOTH), NONE, false,
            List.of(FeatureSpec.wholeNumber("age", "years", 18, 100, true), FeatureSpec.category("meno", true, "0",
                    "1"),
                    FeatureSpec.binnedNumber("size", "mm", 1, 250, List.of(20.0, 50.0), List.of("<=20",
                            "20-50", ">50")),
                    FeatureSpec.category("grade", true, "2", "3"),
                    FeatureSpec.wholeNumber("nodes", "positive lymph nodes", 0, 60, true),
                    FeatureSpec.number("pgr", "fmol/l", 0, 10000, true),
                    FeatureSpec.number("er", "fmol/l", 0, 10000, true)),
            TaskDefinition.FIVE_YEARS, List.of("meno", "age", "therapy"));

    private RotterdamRelapseFree() {
    }

    /** The labelled patients of the shipped rotterdam.csv. */
    static List<LabelledCase> cohort() {
        return cohort(TrainingRows.read(RESOURCE));
    }

    static List<LabelledCase> cohort(List<Map<String, String>> rows) {
        List<LabelledCase> cases = new ArrayList<>();
        for (Map<String, String> row : rows) {
            label(row).ifPresent(label -> cases.add(new LabelledCase(TrainingRows.values(TASK, row, therapy(row)),
                    label)));
        }
        return cases;
    }

    /** Relapse-free survival as in the survival package's example: relapse or death, at the relapse time if any. */
    static Optional<Integer> label(Map<String, String> row) {
        boolean relapse = "1".equals(row.get("recur"));
        boolean event = relapse || "1".equals(row.get("death"));
        double time = Double.parseDouble(row.get(relapse ? "rtime" : "dtime"));
        return SurvivalLabel.of(time, event, HORIZON_DAYS);
    }

    /** The recorded {@code hormon} and {@code chemo} flags as one option. */
    static String therapy(Map<String, String> row) {
        boolean hormonal = "1".equals(row.get("hormon"));
        boolean chemotherapy = "1".equals(row.get("chemo"));
        if (hormonal && chemotherapy) {
            return BOTH;
        }
        return hormonal ? HORMONAL : chemotherapy ? CHEMOTHERAPY : NONE;
    }
}
