package org.oncocds.prediction.boundary;

/**
 * A cohort to score.
 *
 * @param taskId
 *            the task whose columns the file has
 * @param modelVersion
 *            a named version of the task (not DRAFT), or null/blank for the version that answers the task now (its
 *            ACTIVE version)
 * @param csv
 *            the file as uploaded: UTF-8 CSV, header row with the task's feature columns and its treatment column;
 *            optional {@code time} (days) and {@code event} (0/1) columns for an external validation; other columns
 *            are kept as they are
 */
public record BatchRequest(String taskId, String modelVersion, byte[] csv) {
}
