package org.oncocds.fairness.boundary;

import java.util.Map;

/**
 * One prediction with its observed outcome: {@code label} 1 = the event happened, 0 = it did not; {@code score} the
 * predicted probability of the event (0..1); {@code attributes} the patient's group attributes by name (e.g.
 * {@code sex -> "1"}, {@code age -> "67"}). Checked when a report reads it, so a bad row is refused by number.
 */
public record ScoredRow(int label, double score, Map<String, String> attributes) {
}
