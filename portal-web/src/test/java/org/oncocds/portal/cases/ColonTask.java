package org.oncocds.portal.cases;

import java.time.Instant;
import java.util.List;
import org.oncocds.prediction.boundary.FeatureDescription;
import org.oncocds.prediction.boundary.FeatureType;
import org.oncocds.prediction.boundary.ModelDescription;
import org.oncocds.prediction.boundary.TaskDescription;

/** The task {@code colon-recurrence-5y} as the team brief fixes its inputs, codes and options. */
public final class ColonTask {

    public static final String ID = "colon-recurrence-5y";

    public static final TaskDescription TASK = new TaskDescription(ID, "recurrence within 5 years", "colon.csv", "rx",
            List
                    .of("Obs", "Lev", "Lev+5FU"),
            "Obs", true,
            List.of(category("sex", true, "0", "1"), new FeatureDescription(
                    "age", FeatureType.WHOLE_NUMBER, "years", 18.0, 100.0, List.of(), true),
                    category("obstruct",
                            true, "0", "1"),
                    category("perfor", true, "0", "1"), category("adhere", true, "0", "1"),
                    category("surg", true, "0", "1"), new FeatureDescription("nodes", FeatureType.WHOLE_NUMBER,
                            "positive lymph nodes", 0.0, 40.0, List.of(), false),
                    category("differ", false, "1", "2",
                            "3"),
                    category("extent", true, "1", "2", "3", "4")),
            new ModelDescription(
                    "colon-recurrence-5y/1", "Logistic", "ab12", Instant.parse(
                            "2026-11-25T00:00:00Z"),
                    800));

    private ColonTask() {
    }

    private static FeatureDescription category(String name, boolean required, String... codes) {
        return new FeatureDescription(name, FeatureType.CATEGORY, "", null, null, List.of(codes), required);
    }
}
