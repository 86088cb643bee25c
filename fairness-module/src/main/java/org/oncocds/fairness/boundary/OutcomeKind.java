package org.oncocds.fairness.boundary;

/** What was observed for a patient on a follow-up day, in terms of the task's event. */
public enum OutcomeKind {
    /**
     * The task's event happened on day N ("relapsed by day N"): recurrence for {@code colon-recurrence-5y},
     * recurrence or death for {@code rotterdam-rfs-5y}.
     */
    EVENT,
    /** The patient was seen without the event on day N ("no relapse at follow-up day N"). */
    EVENT_FREE
}
