package org.oncocds.prediction.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oncocds.prediction.control.ColonRecurrence;
import org.oncocds.prediction.control.ValueKind;

class DescriptionsTest {

    @Test
    void everyValueKindHasAFeatureType() {
        for (ValueKind kind : ValueKind.values()) {
            assertEquals(kind.name(), FeatureType.valueOf(kind.name()).name());
        }
    }

    @Test
    void describesTheColonFeaturesAsTheContractStates() {
        List<FeatureDescription> features = ColonRecurrence.TASK.features().stream().map(Descriptions::feature)
                .toList();
        assertEquals(new FeatureDescription("age", FeatureType.WHOLE_NUMBER, "years", 18.0, 100.0, List.of(), true),
                features.get(1));
        assertEquals(new FeatureDescription("sex", FeatureType.CATEGORY, "", null, null, List.of("0", "1"), true),
                features.get(0));
        assertEquals(new FeatureDescription("nodes", FeatureType.WHOLE_NUMBER, "positive lymph nodes", 0.0, 40.0,
                List.of(), false), features.get(5));
        assertEquals(new FeatureDescription("differ", FeatureType.CATEGORY, "", null, null, List.of("1", "2", "3"),
                false), features.get(6));
    }
}
