package org.oncocds.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecommendedOptionTest {

    @Test
    void theTopLevelRecommendedOptionIsRead() {
        assertEquals(Optional.of("Lev+5FU"),
                RecommendedOption.in("{\"options\":[{\"option\":\"Obs\"}],\"recommendedOption\":\"Lev+5FU\"}"));
    }

    @Test
    void outputsWithoutOneNameNone() {
        assertEquals(Optional.empty(), RecommendedOption.in("{\"options\":[],\"referenceOption\":\"Obs\"}"));
        assertEquals(Optional.empty(), RecommendedOption.in("{\"recommendedOption\":7}"));
        assertEquals(Optional.empty(), RecommendedOption.in("{\"recommendedOption\":\" \"}"));
        assertEquals(Optional.empty(), RecommendedOption.in("[\"recommendedOption\"]"));
        assertEquals(Optional.empty(), RecommendedOption.in("not json"));
        assertEquals(Optional.empty(), RecommendedOption.in(null));
    }
}
