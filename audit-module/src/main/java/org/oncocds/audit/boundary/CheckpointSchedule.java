package org.oncocds.audit.boundary;

import java.time.Duration;
import java.util.Optional;

/**
 * How often the container verifies the chain and signs a checkpoint on its own: configuration property
 * {@value #INTERVAL_PROPERTY}, whole minutes from {@value #MIN_MINUTES} to {@value #MAX_MINUTES}, default
 * {@value #DEFAULT_MINUTES}.
 */
final class CheckpointSchedule {

    static final String INTERVAL_PROPERTY = "oncocds.audit.checkpoint-interval-minutes";
    static final long DEFAULT_MINUTES = 60;
    static final long MIN_MINUTES = 1;
    /** One day: a checkpoint older than that leaves too long a tail that could be cut off unnoticed. */
    static final long MAX_MINUTES = 1440;

    private CheckpointSchedule() {
    }

    /**
     * The interval between runs.
     *
     * @param configured
     *            the value of {@value #INTERVAL_PROPERTY}; empty or blank means the default
     * @throws IllegalStateException
     *             naming {@value #INTERVAL_PROPERTY} when the value is not a whole number of minutes within range
     */
    static Duration interval(Optional<String> configured) {
        String value = configured.map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
        if (value == null) {
            return Duration.ofMinutes(DEFAULT_MINUTES);
        }
        long minutes;
        try {
            minutes = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw refused("is not a whole number of minutes");
        }
        if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw refused("must be between " + MIN_MINUTES + " and " + MAX_MINUTES + " minutes");
        }
        return Duration.ofMinutes(minutes);
    }

    private static IllegalStateException refused(String reason) {
        return new IllegalStateException("the configuration property " + INTERVAL_PROPERTY + " " + reason
                + "; the audit trail does not start with a bad checkpoint interval");
    }
}
