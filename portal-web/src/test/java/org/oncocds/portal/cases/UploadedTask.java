package org.oncocds.portal.cases;

import java.util.List;
import org.oncocds.prediction.boundary.FeatureDescription;
import org.oncocds.prediction.boundary.FeatureType;
import org.oncocds.prediction.boundary.TaskDescription;

/**
 * A task as an administrator would add it from the VA lung cancer trial's columns (veteran.csv): no message keys in the
 * portal, a column name with a dot, no active version yet.
 */
public final class UploadedTask {

    public static final String ID = "veteran-death-1y";

    public static final TaskDescription TASK = new TaskDescription(ID, "death within 1 year",
            "VA lung cancer trial (survival::veteran)", "trt", List.of("1", "2"), "1", true, List.of(
                    new FeatureDescription("age", FeatureType.WHOLE_NUMBER, "years", 18.0, 100.0, List.of(), true),
                    new FeatureDescription("karno", FeatureType.WHOLE_NUMBER, "", 0.0, 100.0, List.of(), true),
                    new FeatureDescription("ph.ecog", FeatureType.CATEGORY, "", null, null, List.of("0", "1", "2"),
                            false),
                    new FeatureDescription("celltype", FeatureType.CATEGORY, "", null, null, List.of("squamous",
                            "smallcell", "adeno", "large"), true)),
            null, 365.25, List.of("celltype", "age"), true);

    private UploadedTask() {
    }
}
