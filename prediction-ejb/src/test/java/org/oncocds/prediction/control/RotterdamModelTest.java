package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RotterdamModelTest {

    private static final TrainedModel MODEL = ModelTrainer.train(RotterdamRelapseFree.TASK, RotterdamRelapseFree
            .cohort(), 1);

    @Test
    void reachesTheDiscriminationIssueThreeAsksFor() {
        CrossValidationResult cv = MODEL.crossValidation();
        System.out.printf("rotterdam-rfs-5y seeded stratified 10-fold CV: AUC %.4f, Brier %.4f, accuracy %.4f,"
                + " calibration-in-the-large %.4f, slope %.4f%n%s%n", cv.auc(), cv.brierScore(), cv.accuracy(),
                cv
                        .calibrationInTheLarge(),
                cv.calibrationSlope(), cv.reliability());
        assertEquals(2856, cv.predictions().size());
        assertTrue(cv.auc() >= 0.71, "CV AUC " + cv.auc());
    }

    @Test
    void scoresASizeGivenInMillimetresAsItsCategory() {
        CaseValues patient = new CaseValues(Map.of("age", 55.0, "nodes", 3.0, "pgr", 40.0, "er", 60.0, "size", 35.0),
                Map.of("meno", "1", "grade", "3"));
        assertEquals(MODEL.risksByOption(patient.withValue("size", "20-50")), MODEL.risksByOption(patient));
        assertEquals(List.of("none", "hormonal", "chemotherapy", "hormonal+chemotherapy"), List.copyOf(MODEL
                .risksByOption(patient).keySet()));
        FeatureEffect size = MODEL.drivers(patient, "none").stream().filter(effect -> effect.feature().equals("size"))
                .findFirst().orElseThrow();
        assertEquals("20-50", size.value());
        assertEquals("<=20", size.referenceValue());
        assertTrue(size.riskChange() > 0, "a larger tumour raises the risk: " + size);
    }
}
