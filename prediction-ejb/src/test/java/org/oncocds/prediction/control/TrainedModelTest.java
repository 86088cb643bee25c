package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import weka.classifiers.Classifier;
import weka.core.Instances;

class TrainedModelTest {

    private static final List<LabelledCase> COHORT = ColonRecurrence.cohort();
    private static final TrainedModel MODEL = ModelTrainer.train(ColonRecurrence.TASK, COHORT, 1);

    @Test
    void scoresEveryTreatmentOptionInTheTasksOrder() {
        Map<String, Double> risks = MODEL.risksByOption(complete(COHORT.get(0).values()));
        assertEquals(List.of("Obs", "Lev", "Lev+5FU"), List.copyOf(risks.keySet()));
        risks.values().forEach(risk -> assertTrue(risk > 0 && risk < 1, "risk " + risk));
        assertNotEquals(risks.get("Obs"), risks.get("Lev+5FU"));
    }

    @Test
    void levamisolePlusFluorouracilLowersTheRiskAsInTheTrial() {
        // Moertel 1990: Lev+5FU reduced recurrence by about 40% against observation; Lev alone did not.
        Map<String, Double> risks = MODEL.risksByOption(complete(COHORT.get(0).values()));
        assertTrue(risks.get("Lev+5FU") < risks.get("Obs"), risks.toString());
    }

    @Test
    void ignoresTheTreatmentTheCaseCameWith() {
        CaseValues patient = complete(COHORT.get(0).values());
        assertEquals(MODEL.risksByOption(patient.with("rx", "Obs")), MODEL.risksByOption(patient.with("rx",
                "Lev")));
    }

    @Test
    void scoringABlankOptionalFeatureEqualsScoringItsImputedValue() {
        CaseValues withoutNodes = new CaseValues(Map.of("age", 60.0), Map.of("sex", "1", "obstruct", "0", "perfor",
                "0", "adhere", "0", "extent", "3", "surg", "0"));
        Map<String, Double> imputedExplicitly = MODEL.risksByOption(withoutNodes.completedWith(MODEL.imputation()));
        Map<String, Double> imputedByTheFilter = MODEL.risksByOption(withoutNodes);
        assertEquals(imputedByTheFilter, imputedExplicitly);
    }

    @Test
    void theSharedRowGivesExactlyTheRisksOfOneInstanceBuiltPerOption() {
        Instances data = WekaDataset.trainingSet(ColonRecurrence.TASK, COHORT);
        ScoringPool pool = new ScoringPool(trainedOn(data), new Instances(data, 0));
        TrainedModel model = ModelTrainer.train(ColonRecurrence.TASK, COHORT, 1);
        for (LabelledCase patient : COHORT.subList(0, 40)) {
            CaseValues values = patient.values().completedWith(model.imputation());
            List<CaseValues> perOption = ColonRecurrence.TASK.treatmentOptions().stream().map(option -> values.with(
                    "rx", option)).toList();
            assertEquals(pool.positiveProbabilities(perOption), List.copyOf(model.risksByOption(values).values()));
        }
    }

    private static Classifier trainedOn(Instances data) {
        try {
            Classifier classifier = ModelTrainer.untrained();
            classifier.buildClassifier(data);
            return classifier;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void concurrentScoringGivesTheSameRisksAsScoringOneAtATime() throws Exception {
        List<CaseValues> patients = COHORT.stream().limit(200).map(patient -> complete(patient.values())).toList();
        List<Map<String, Double>> sequential = patients.stream().map(MODEL::risksByOption).toList();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<Map<String, Double>>>> jobs = new ArrayList<>();
            for (int job = 0; job < 8; job++) {
                jobs.add(() -> patients.stream().map(MODEL::risksByOption).toList());
            }
            for (Future<List<Map<String, Double>>> result : threads.invokeAll(jobs)) {
                assertEquals(sequential, result.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void reusesOneScoringCopyWhenCallsComeOneAtATime() {
        TrainedModel model = ModelTrainer.train(ColonRecurrence.TASK, COHORT, 1);
        for (LabelledCase patient : COHORT.subList(0, 50)) {
            model.risksByOption(patient.values().completedWith(model.imputation()));
        }
        assertEquals(1, model.idleCopies());
    }

    @Test
    void callsFromManyThreadsOneAtATimeShareOneCopyWhateverTheirStripe() throws Exception {
        TrainedModel model = ModelTrainer.train(ColonRecurrence.TASK, COHORT.subList(0, 300), 1);
        CaseValues patient = COHORT.get(0).values().completedWith(model.imputation());
        for (int i = 0; i < 40; i++) {
            Thread caller = new Thread(() -> model.risksByOption(patient));
            caller.start();
            caller.join();
        }
        assertEquals(1, model.idleCopies());
    }

    @Test
    void theUncertaintyIntervalSurroundsTheRiskAndIsZeroForTheReferencesBenefit() {
        CaseValues patient = complete(COHORT.get(0).values());
        Map<String, Double> risks = MODEL.risksByOption(patient);
        Map<String, OptionInterval> intervals = MODEL.intervalsByOption(patient, "Obs");
        assertEquals(List.copyOf(risks.keySet()), List.copyOf(intervals.keySet()));
        assertEquals(100, MODEL.bootstrapModels());
        risks.forEach((option, risk) -> {
            OptionInterval interval = intervals.get(option);
            assertTrue(interval.riskLower() < risk && risk < interval.riskUpper(), option + " " + risk + " "
                    + interval);
            assertTrue(interval.riskUpper() - interval.riskLower() < 0.3, interval.toString());
        });
        assertEquals(new OptionInterval(intervals.get("Obs").riskLower(), intervals.get("Obs").riskUpper(), 0, 0),
                intervals.get("Obs"));
        double benefit = risks.get("Obs") - risks.get("Lev+5FU");
        assertTrue(intervals.get("Lev+5FU").benefitLower() < benefit && benefit < intervals.get("Lev+5FU")
                .benefitUpper(), intervals.get("Lev+5FU").toString());
    }

    @Test
    void theIntervalIsWiderOnTheLogitScaleForAPatientUnlikeTheTrainingData() {
        CaseValues typical = MODEL.referenceValues();
        CaseValues unusual = typical.withValue("nodes", 33.0).withValue("perfor", "1").withValue("extent", "4");
        OptionInterval typicalInterval = MODEL.intervalsByOption(typical, "Obs").get("Obs");
        OptionInterval unusualInterval = MODEL.intervalsByOption(unusual, "Obs").get("Obs");
        // Near a risk of 1 the probability scale squeezes every interval; the logit scale does not.
        assertTrue(logitWidth(unusualInterval) > 2 * logitWidth(typicalInterval), typicalInterval + " vs "
                + unusualInterval);
    }

    private static double logitWidth(OptionInterval interval) {
        return logit(interval.riskUpper()) - logit(interval.riskLower());
    }

    private static double logit(double risk) {
        return Math.log(risk / (1 - risk));
    }

    @Test
    void aPatientWithEveryReferenceValueHasNoDrivers() {
        List<FeatureEffect> effects = MODEL.drivers(MODEL.referenceValues(), "Obs");
        assertEquals(ColonRecurrence.TASK.features().size(), effects.size());
        effects.forEach(effect -> assertEquals(0.0, effect.riskChange(), effect.toString()));
    }

    @Test
    void aDriverIsTheRiskChangeWhenItsFeatureIsSetToTheReference() {
        CaseValues patient = MODEL.referenceValues().withValue("nodes", 12.0).withValue("obstruct", "1");
        double risk = MODEL.risksByOption(patient).get("Lev");
        double nodesAtReference = MODEL.risksByOption(patient.withValue("nodes", MODEL.referenceValues().numbers()
                .get("nodes"))).get("Lev");
        List<FeatureEffect> effects = MODEL.drivers(patient, "Lev");
        FeatureEffect nodes = effects.get(0);
        assertEquals("nodes", nodes.feature());
        assertEquals(12.0, nodes.value());
        assertEquals(risk - nodesAtReference, nodes.riskChange(), 1e-15);
        assertTrue(nodes.riskChange() > 0.1, "12 positive nodes raise the risk: " + nodes);
        assertEquals("obstruct", effects.get(1).feature());
        assertTrue(effects.get(1).riskChange() > 0, effects.get(1).toString());
        effects.subList(2, effects.size()).forEach(effect -> assertEquals(0.0, effect.riskChange(), effect
                .toString()));
    }

    @Test
    void listsTheLargestDriversFirst() {
        List<FeatureEffect> effects = MODEL.drivers(complete(COHORT.get(3).values()), "Obs");
        for (int i = 1; i < effects.size(); i++) {
            assertTrue(Math.abs(effects.get(i - 1).riskChange()) >= Math.abs(effects.get(i).riskChange()), effects
                    .toString());
        }
    }

    private static CaseValues complete(CaseValues values) {
        return values.completedWith(MODEL.imputation());
    }
}
