package org.oncocds.fairness.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FollowUpTest {

    private static final double FIVE_YEARS = 1826.25;

    @Test
    void anEventByTheHorizonIsOneFollowUpBeyondItIsZeroEventFreeBeforeItIsCensored() {
        assertEquals(OptionalInt.of(1), FollowUp.label(true, 0, FIVE_YEARS));
        assertEquals(OptionalInt.of(1), FollowUp.label(true, 1826, FIVE_YEARS));
        assertEquals(OptionalInt.of(0), FollowUp.label(true, 1827, FIVE_YEARS), "an event after the horizon");
        assertEquals(OptionalInt.empty(), FollowUp.label(false, 400, FIVE_YEARS));
        assertEquals(OptionalInt.empty(), FollowUp.label(false, 1826, FIVE_YEARS));
        assertEquals(OptionalInt.of(0), FollowUp.label(false, 1827, FIVE_YEARS));
    }

    @Test
    void aRecordedCaseKeepsEnteredValuesAndTheRiskPerOption() {
        RecordedCase recorded = RecordedCase.of("{\"features\":{\"age\":{\"imputed\":false,\"value\":63.0},"
                + "\"nodes\":{\"imputed\":true,\"value\":3.66},\"sex\":{\"imputed\":false,\"value\":\"1\"},"
                + "\"size\":{\"imputed\":false,\"value\":17.5}},\"referenceOption\":\"Obs\",\"taskId\":\"t\"}",
                "{\"drivers\":[],\"options\":[{\"absoluteBenefit\":0,\"option\":\"Obs\",\"risk\":0.52},"
                        + "{\"absoluteBenefit\":0.1,\"option\":\"Lev\",\"risk\":0.42}],\"recommendedOption\":\"Lev\","
                        + "\"referenceOption\":\"Obs\"}");
        assertEquals(Map.of("age", "63", "sex", "1", "size", "17.5"), recorded.entered());
        assertEquals(Map.of("Obs", 0.52, "Lev", 0.42), recorded.risks());
        assertEquals(Optional.of("Lev"), recorded.recommendedOption());
        assertEquals(Optional.empty(), RecordedCase.of("{\"features\":{}}", "{\"options\":[]}")
                .recommendedOption());
        for (List<String> bad : List.of(List.of("not json", "{\"options\":[]}"), List.of("{}", "{\"options\":[]}"),
                List.of("{\"features\":{}}", "{\"options\":[{\"option\":\"Obs\"}]}"))) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> RecordedCase.of(bad
                    .get(0), bad.get(1)));
        }
    }
}
