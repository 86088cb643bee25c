package org.oncocds.prediction.control;

/** A {@link ModelRegistry} trained as at application start, for unit tests of the boundary. */
public final class TrainedRegistry {

    private TrainedRegistry() {
    }

    public static ModelRegistry create() {
        ModelRegistry registry = new ModelRegistry();
        registry.trainModels();
        return registry;
    }
}
