package org.oncocds.fairness.control;

import java.util.OptionalInt;

/**
 * Turns a recorded outcome into the binary label of a task with a horizon H, by the rule the models were trained
 * with (shared/data/README: "Turning survival data into a binary label"): an event at or before day H is 1; a
 * patient followed beyond H is 0, whether or not an event came later; a patient last seen event-free at or before H has
 * no known label (censored) and is left out, never counted as 0.
 */
public final class FollowUp {

    private FollowUp() {
    }

    /**
     * @param event
     *            true: the event happened on {@code day}; false: the patient was event-free at follow-up on {@code day}
     * @param day
     *            days after the treatment decision, at least 0
     * @param horizonDays
     *            the task's horizon H in days
     * @return 1, 0, or empty when censored within the horizon
     */
    public static OptionalInt label(boolean event, int day, double horizonDays) {
        if (day > horizonDays) {
            return OptionalInt.of(0);
        }
        return event ? OptionalInt.of(1) : OptionalInt.empty();
    }
}
