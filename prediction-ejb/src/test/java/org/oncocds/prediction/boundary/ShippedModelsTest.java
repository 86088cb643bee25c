package org.oncocds.prediction.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.oncocds.prediction.control.ColonRecurrence;
import org.oncocds.prediction.control.TrainedModel;
import org.oncocds.prediction.control.TrainedRegistry;

/** The first start when another server of the same installation stores version 1 of a task first. */
class ShippedModelsTest {

    @Test
    void aServerThatLosesTheRaceForVersionOneUsesTheStoredVersionInsteadOfFailingToStart() {
        ShippedModels start = starting(new Registration(true));
        start.trainFirstVersion(ColonRecurrence.TASK, Runnable::run);
        assertEquals(1, ((Registration) start.registration).stores);
    }

    @Test
    void aStoreThatFailsForAnotherReasonStillFailsTheStart() {
        ShippedModels start = starting(new Registration(false));
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> start.trainFirstVersion(
                ColonRecurrence.TASK, Runnable::run));
        assertSame(Registration.FAILURE, failure);
    }

    private static ShippedModels starting(Registration registration) {
        ShippedModels start = new ShippedModels();
        start.registry = TrainedRegistry.create();
        start.registration = registration;
        return start;
    }

    /** A store refused as the database refuses a second version 1; {@code otherServerStored}: whether one exists. */
    private static final class Registration extends VersionRegistration {

        static final IllegalStateException FAILURE = new IllegalStateException(
                "unique constraint PREDICTION_MODEL_VERSION_NUMBER violated");

        private final boolean otherServerStored;
        int stores;

        Registration(boolean otherServerStored) {
            this.otherServerStored = otherServerStored;
        }

        @Override
        public String storeDraft(TrainedModel trained, String trainedBy) {
            stores++;
            throw FAILURE;
        }

        @Override
        public boolean hasVersions(String taskId) {
            return otherServerStored;
        }
    }
}
