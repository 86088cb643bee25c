package org.oncocds.prediction.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How a training job stores its model when another server may take the version number at the same moment. */
class TrainingRunsTest {

    /** The task's versions as the database holds them: the next free number, moved on by each stored version. */
    private final AtomicInteger nextFree = new AtomicInteger(4);
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aNumberAnotherServerTookMeanwhileMakesTheJobTakeTheNext() {
        String stored = TrainingRuns.storeUnderAFreeNumber(nextFree::get, () -> {
            int number = nextFree.get();
            if (attempts.incrementAndGet() == 1) {
                nextFree.incrementAndGet(); // the other server committed this number first
                throw new IllegalStateException("unique constraint PREDICTION_MODEL_VERSION_NUMBER violated");
            }
            nextFree.incrementAndGet();
            return "task/" + number;
        });

        assertEquals("task/5", stored);
        assertEquals(2, attempts.get());
    }

    @Test
    void anyOtherFailureIsTheJobsFailureAtOnce() {
        IllegalStateException refused = new IllegalStateException("the stored model does not load back");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> TrainingRuns
                .storeUnderAFreeNumber(nextFree::get, () -> {
                    attempts.incrementAndGet();
                    throw refused;
                }));

        assertSame(refused, thrown);
        assertEquals(1, attempts.get(), "the number did not move: not another server's doing, not tried again");
    }

    @Test
    void numbersTakenAgainAndAgainEndTheJobAfterTheLastAttempt() {
        assertThrows(IllegalStateException.class, () -> TrainingRuns.storeUnderAFreeNumber(nextFree::get, () -> {
            attempts.incrementAndGet();
            nextFree.incrementAndGet();
            throw new IllegalStateException("unique constraint violated");
        }));

        assertEquals(TrainingRuns.STORE_ATTEMPTS, attempts.get());
    }
}
