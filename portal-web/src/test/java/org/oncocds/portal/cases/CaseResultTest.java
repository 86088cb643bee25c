package org.oncocds.portal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CaseResultTest {

    @Test
    void risksArePercentWithOneDecimalAndBenefitsCarryTheirSign() {
        assertEquals("23.5", CaseResult.percent(0.2345));
        assertEquals("+5.2", CaseResult.signedPoints(0.052));
        assertEquals("-3.1", CaseResult.signedPoints(-0.031));
        assertEquals("0.0", CaseResult.signedPoints(0), "no difference has no sign");
        assertEquals("0.0", CaseResult.signedPoints(-0.0004), "nor has one that rounds to nothing");
    }

    @Test
    void estimatedNumbersAreShortenedAndEnteredOnesKept() {
        assertEquals("3.66", CaseResult.readable("3.664367816091954"));
        assertEquals("63", CaseResult.readable("63"));
        assertEquals("2.5", CaseResult.readable("2.5"));
    }
}
