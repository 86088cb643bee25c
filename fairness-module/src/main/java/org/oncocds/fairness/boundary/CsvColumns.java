package org.oncocds.fairness.boundary;

/**
 * Which columns of an uploaded CSV table hold the outcome and the prediction: {@code label} (0/1) and either
 * {@code score} (0..1) or {@code decision} (0/1), the other one null. The attribute columns are those the report
 * request names. With decisions instead of scores, AUC, Brier score and O/E (and so the calibration difference) are
 * reported as undefined.
 */
public record CsvColumns(String label, String score, String decision) {

    public CsvColumns {
        if (label == null || label.isBlank()) {
            throw new InvalidBiasInputException("label", "the label column is required");
        }
        if ((score == null || score.isBlank()) == (decision == null || decision.isBlank())) {
            throw new InvalidBiasInputException("score", "name either a score column or a decision column");
        }
    }

    public static CsvColumns withScores(String label, String score) {
        return new CsvColumns(label, score, null);
    }

    public static CsvColumns withDecisions(String label, String decision) {
        return new CsvColumns(label, null, decision);
    }

    public boolean decisionsOnly() {
        return decision != null && !decision.isBlank();
    }

    String prediction() {
        return decisionsOnly() ? decision : score;
    }
}
