package org.oncocds.prediction.control;

import java.util.Optional;

/**
 * Turns follow-up time and event status into the binary label "event within the horizon". A patient censored at or
 * before the horizon has no known label and is left out, not counted as "no event".
 */
final class SurvivalLabel {

    private SurvivalLabel() {
    }

    /** 1 = event at or before the horizon, 0 = followed beyond it, empty = censored at or before it. */
    static Optional<Integer> of(double time, boolean event, double horizon) {
        if (time > horizon) {
            return Optional.of(0);
        }
        return event ? Optional.of(1) : Optional.empty();
    }
}
