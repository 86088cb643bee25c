package org.oncocds.prediction.boundary;

import java.util.List;

/**
 * A scored cohort. It exists only once its governance record (BATCH_SCORING) is committed.
 *
 * @param taskId
 *            the task
 * @param modelVersion
 *            the version that scored it
 * @param modelSha256
 *            that version's SHA-256
 * @param fileSha256
 *            SHA-256 of the file as uploaded (bytes)
 * @param rows
 *            the number of rows scored
 * @param risks
 *            the risk of each row, in file order
 * @param csv
 *            the file's rows in order with a {@code risk} column appended (CRLF line ends)
 * @param validation
 *            the external validation, or null when the file has no {@code time} and {@code event} columns
 * @param auditRecordId
 *            the governance record of the scoring
 */
public record BatchResult(String taskId, String modelVersion, String modelSha256, String fileSha256, int rows,
        List<Double> risks, String csv, ExternalValidation validation, long auditRecordId) {

    public BatchResult {
        risks = List.copyOf(risks);
    }
}
