package org.oncocds.prediction.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oncocds.prediction.control.ColonRecurrence;

class CaseValidatorTest {

    private static final String TASK = "colon-recurrence-5y";
    private final CaseValidator validator = new CaseValidator(List.of(ColonRecurrence.TASK));

    @Test
    void acceptsACompleteCase() throws InvalidCaseException {
        ValidCase valid = validator.validate(request(validValues(), "Lev"));
        assertEquals(TASK, valid.task().id());
        assertEquals("MRN-0042", valid.mrn());
        assertEquals(63.0, valid.given().numbers().get("age"));
        assertEquals(4.0, valid.given().numbers().get("nodes"));
        assertEquals("2", valid.given().categories().get("differ"));
        assertEquals("Lev", valid.referenceOption());
    }

    @Test
    void trimsSurroundingSpaces() throws InvalidCaseException {
        Map<String, String> values = validValues();
        values.put("age", " 63 ");
        values.put("sex", "1 ");
        ValidCase valid = validator.validate(new CaseRequest(TASK, "  MRN-0042 ", values, " Obs"));
        assertEquals(63.0, valid.given().numbers().get("age"));
        assertEquals("1", valid.given().categories().get("sex"));
        assertEquals("MRN-0042", valid.mrn());
        assertEquals("Obs", valid.referenceOption());
    }

    @Test
    void leavesBlankOptionalFeaturesForImputation() throws InvalidCaseException {
        Map<String, String> values = validValues();
        values.put("nodes", "");
        values.remove("differ");
        ValidCase valid = validator.validate(request(values, "Obs"));
        assertFalse(valid.given().has("nodes"));
        assertFalse(valid.given().has("differ"));
    }

    @Test
    void takesTheTasksReferenceWhenNoneIsGiven() throws InvalidCaseException {
        assertEquals("Obs", validator.validate(request(validValues(), "")).referenceOption());
    }

    @Test
    void refusesANegativeAge() {
        assertSingleError(withValue("age", "-3"), new FieldError("age", Problem.BELOW_MINIMUM, "18",
                "age must be at least 18"));
    }

    @Test
    void refusesAnAgeAboveTheRange() {
        assertSingleError(withValue("age", "101"), new FieldError("age", Problem.ABOVE_MAXIMUM, "100",
                "age must be at most 100"));
    }

    @Test
    void acceptsTheBoundsThemselves() throws InvalidCaseException {
        assertEquals(18.0, validator.validate(request(withValue("age", "18"), "Obs")).given().numbers().get("age"));
        assertEquals(100.0, validator.validate(request(withValue("age", "100"), "Obs")).given().numbers().get(
                "age"));
    }

    @Test
    void refusesTextInANumber() {
        assertSingleError(withValue("age", "abc"), new FieldError("age", Problem.NOT_A_NUMBER, "",
                "age must be a number"));
    }

    @Test
    void refusesNotANumberAndInfinity() {
        assertEquals(Problem.NOT_A_NUMBER, singleError(withValue("nodes", "NaN")).problem());
        assertEquals(Problem.NOT_A_NUMBER, singleError(withValue("nodes", "Infinity")).problem());
    }

    @Test
    void refusesAFractionWhereAWholeNumberIsExpected() {
        assertSingleError(withValue("age", "63.5"), new FieldError("age", Problem.NOT_A_WHOLE_NUMBER, "",
                "age must be a whole number"));
    }

    @Test
    void acceptsAWholeNumberWrittenWithDecimals() throws InvalidCaseException {
        assertEquals(63.0, validator.validate(request(withValue("age", "63.0"), "Obs")).given().numbers().get("age"));
    }

    @Test
    void refusesTooManyNodes() {
        assertSingleError(withValue("nodes", "41"), new FieldError("nodes", Problem.ABOVE_MAXIMUM, "40",
                "nodes must be at most 40"));
    }

    @Test
    void refusesAnUnknownCategory() {
        assertSingleError(withValue("extent", "5"), new FieldError("extent", Problem.UNKNOWN_CATEGORY,
                "1, 2, 3, 4", "extent must be one of 1, 2, 3, 4"));
    }

    @Test
    void refusesAMissingRequiredFeature() {
        Map<String, String> values = validValues();
        values.remove("sex");
        assertSingleError(values, new FieldError("sex", Problem.REQUIRED, "", "sex is required"));
    }

    @Test
    void refusesABlankRequiredFeature() {
        assertSingleError(withValue("obstruct", "  "), new FieldError("obstruct", Problem.REQUIRED, "",
                "obstruct is required"));
    }

    @Test
    void refusesAnUnknownReferenceOption() {
        InvalidCaseException refused = assertThrows(InvalidCaseException.class, () -> validator.validate(request(
                validValues(), "Chemo")));
        assertEquals(List.of(new FieldError("referenceOption", Problem.UNKNOWN_CATEGORY, "Obs, Lev, Lev+5FU",
                "referenceOption must be one of Obs, Lev, Lev+5FU")), refused.errors());
    }

    @Test
    void refusesABlankMrn() {
        InvalidCaseException refused = assertThrows(InvalidCaseException.class, () -> validator.validate(
                new CaseRequest(TASK, " ", validValues(), "Obs")));
        assertEquals(List.of(new FieldError("mrn", Problem.REQUIRED, "", "mrn is required")), refused.errors());
    }

    @Test
    void refusesAnUnknownTask() {
        InvalidCaseException refused = assertThrows(InvalidCaseException.class, () -> validator.validate(
                new CaseRequest("lung-death-1y", "MRN-1", validValues(), "Obs")));
        assertEquals(List.of(new FieldError("taskId", Problem.UNKNOWN_TASK, TASK, "taskId must be one of " + TASK)),
                refused.errors());
    }

    @Test
    void refusesAMissingTask() {
        InvalidCaseException refused = assertThrows(InvalidCaseException.class, () -> validator.validate(
                new CaseRequest(null, null, Map.of(), null)));
        assertEquals(List.of(new FieldError("taskId", Problem.REQUIRED, "", "taskId is required"), new FieldError(
                "mrn", Problem.REQUIRED, "", "mrn is required")), refused.errors());
    }

    @Test
    void listsEveryRefusedFieldInTheTasksOrder() {
        Map<String, String> values = validValues();
        values.put("age", "-3");
        values.remove("sex");
        values.put("differ", "9");
        InvalidCaseException refused = assertThrows(InvalidCaseException.class, () -> validator.validate(
                new CaseRequest(TASK, "", values, "Chemo")));
        assertEquals(List.of("mrn", "sex", "age", "differ", "referenceOption"), refused.errors().stream().map(
                FieldError::field).toList());
        assertEquals("mrn is required; sex is required; age must be at least 18; differ must be one of 1, 2, 3;"
                + " referenceOption must be one of Obs, Lev, Lev+5FU", refused.getMessage());
    }

    @Test
    void neverPutsTheMrnIntoAnError() {
        Map<String, String> values = validValues();
        values.put("age", "abc");
        InvalidCaseException refused = assertThrows(InvalidCaseException.class, () -> validator.validate(request(
                values, "Obs")));
        assertFalse(refused.getMessage().contains("MRN-0042"));
    }

    private void assertSingleError(Map<String, String> values, FieldError expected) {
        assertEquals(expected, singleError(values));
    }

    private FieldError singleError(Map<String, String> values) {
        InvalidCaseException refused = assertThrows(InvalidCaseException.class, () -> validator.validate(request(
                values, "Obs")));
        assertEquals(1, refused.errors().size(), refused.errors().toString());
        return refused.errors().get(0);
    }

    private static CaseRequest request(Map<String, String> values, String referenceOption) {
        return new CaseRequest(TASK, "MRN-0042", values, referenceOption);
    }

    private static Map<String, String> withValue(String feature, String value) {
        Map<String, String> values = validValues();
        values.put(feature, value);
        return values;
    }

    static Map<String, String> validValues() {
        Map<String, String> values = new HashMap<>();
        values.put("sex", "1");
        values.put("age", "63");
        values.put("obstruct", "0");
        values.put("perfor", "0");
        values.put("adhere", "0");
        values.put("nodes", "4");
        values.put("differ", "2");
        values.put("extent", "3");
        values.put("surg", "0");
        return values;
    }
}
