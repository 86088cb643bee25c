package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The precomputed scoring plan and the shared rows give bit-identical results to building one Weka instance per case
 * from the patient's maps (the path before the plan): risks and the drivers; every bootstrap member's risks agree
 * within {@link AdditiveLogit#TOLERANCE} (the logistic members score by their checked additive log-odds); on the colon
 * task and on Rotterdam, whose tumour size is given in mm and binned.
 */
class ScoringPlanTest {

    private static final List<LabelledCase> ROTTERDAM = RotterdamRelapseFree.cohort();
    private static final TrainedModel ROTTERDAM_MODEL = ModelTrainer.train(RotterdamRelapseFree.TASK, ROTTERDAM, 1);
    private static final List<LabelledCase> COLON = ColonRecurrence.cohort();
    private static final TrainedModel COLON_MODEL = ModelTrainer.train(ColonRecurrence.TASK, COLON, 1);

    @Test
    void rowsMatchTheInstancesBuiltFromTheMapsIncludingBinnedSizesGivenInMm() {
        ScoringPlan plan = new ScoringPlan(ROTTERDAM_MODEL.header(), RotterdamRelapseFree.TASK);
        for (CaseValues patient : rotterdamPatientsInMm()) {
            CaseValues model = RotterdamRelapseFree.TASK.modelValues(patient);
            assertArrayEquals(WekaDataset.instance(ROTTERDAM_MODEL.header(), model).toDoubleArray(), plan.row(
                    patient));
        }
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> plan.row(new CaseValues(
                Map.of(), Map.of("grade", "1"))));
        assertEquals("grade has no category 1", unknown.getMessage());
    }

    @Test
    void risksAndDriversAreBitIdenticalAndIntervalMembersAgreeWithTheInstancePerCasePath() {
        check(ROTTERDAM_MODEL, rotterdamPatientsInMm());
        check(COLON_MODEL, COLON.subList(0, 30).stream().map(patient -> patient.values().completedWith(COLON_MODEL
                .imputation())).toList());
    }

    private static void check(TrainedModel model, List<CaseValues> patients) {
        TaskDefinition task = model.task();
        ScoringPool pool = new ScoringPool(model.classifier(), model.header());
        for (CaseValues patient : patients) {
            CaseValues inModel = task.modelValues(patient);
            List<CaseValues> perOption = task.treatmentOptions().stream().map(option -> inModel.with(task
                    .treatmentFeature(), option)).toList();
            assertEquals(pool.positiveProbabilities(perOption), List.copyOf(model.risksByOption(patient).values()));

            ScoringPlan plan = new ScoringPlan(model.header(), task);
            double[][] members = model.ensemble().positiveProbabilitiesBySlotValue(plan.row(patient), plan
                    .treatmentSlot(), perOption.size());
            double[][] throughWeka = model.ensemble().positiveProbabilities(perOption);
            assertEquals(model.bootstrapModels(), model.ensemble().additiveMembers(),
                    "every logistic member is additive");
            for (int member = 0; member < members.length; member++) {
                assertArrayEquals(throughWeka[member], members[member], AdditiveLogit.TOLERANCE);
            }

            String option = task.referenceOption();
            CaseValues treated = inModel.with(task.treatmentFeature(), option);
            List<CaseValues> cases = new ArrayList<>(List.of(treated));
            task.features().forEach(feature -> cases.add(treated.withValue(feature.name(), model.referenceValues()
                    .valueOf(feature.name()).orElseThrow())));
            List<Double> risks = pool.positiveProbabilities(cases);
            Map<String, Double> expected = new HashMap<>();
            for (int i = 0; i < task.features().size(); i++) {
                expected.put(task.features().get(i).name(), risks.get(0) - risks.get(i + 1));
            }
            Map<String, Double> actual = new HashMap<>();
            model.drivers(patient, option).forEach(effect -> actual.put(effect.feature(), effect.riskChange()));
            assertEquals(expected, actual);
        }
    }

    /** Rotterdam patients as a clinician enters them: tumour size in mm (a value inside each recorded category). */
    private static List<CaseValues> rotterdamPatientsInMm() {
        Map<String, Double> mm = Map.of("<=20", 15.0, "20-50", 35.0, ">50", 70.0);
        return ROTTERDAM.subList(0, 30).stream().map(patient -> {
            CaseValues values = patient.values();
            String size = values.categories().get("size");
            return size == null ? values : values.withValue("size", mm.get(size));
        }).toList();
    }
}
