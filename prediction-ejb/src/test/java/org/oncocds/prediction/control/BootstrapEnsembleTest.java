package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import weka.core.Instances;

class BootstrapEnsembleTest {

    private static final List<LabelledCase> COHORT = ColonRecurrence.cohort();
    private static final Instances DATA = WekaDataset.trainingSet(ColonRecurrence.TASK, COHORT);
    private static final List<CaseValues> PATIENTS = List.of(COHORT.get(0).values(), COHORT.get(1).values());

    @Test
    void theSameSeedGivesTheSameMembers() {
        double[][] first = BootstrapEnsemble.train(ModelTrainer.untrained(), DATA, 5, 7).positiveProbabilities(
                PATIENTS);
        double[][] second = BootstrapEnsemble.train(ModelTrainer.untrained(), DATA, 5, 7).positiveProbabilities(
                PATIENTS);
        assertEquals(5, first.length);
        for (int member = 0; member < first.length; member++) {
            assertArrayEquals(first[member], second[member]);
        }
    }

    @Test
    void trainingOnManyThreadsGivesTheSameMembersAsTrainingOnOne() {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            double[][] parallel = BootstrapEnsemble.train(ModelTrainer.untrained(), DATA, 12, 3, threads)
                    .positiveProbabilities(PATIENTS);
            double[][] sequential = BootstrapEnsemble.train(ModelTrainer.untrained(), DATA, 12, 3)
                    .positiveProbabilities(PATIENTS);
            for (int member = 0; member < sequential.length; member++) {
                assertArrayEquals(sequential[member], parallel[member]);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void eachMemberLearnsFromADifferentResample() {
        double[][] risks = BootstrapEnsemble.train(ModelTrainer.untrained(), DATA, 3, 7).positiveProbabilities(
                PATIENTS);
        assertNotEquals(risks[0][0], risks[1][0]);
        assertNotEquals(risks[1][0], risks[2][0]);
    }
}
