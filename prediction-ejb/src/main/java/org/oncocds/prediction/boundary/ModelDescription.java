package org.oncocds.prediction.boundary;

import java.time.Instant;

/**
 * A trained model version as the portal shows it.
 *
 * @param version
 *            the model version, e.g. {@code colon-recurrence-5y/1}
 * @param algorithm
 *            the Weka classifier and its options
 * @param sha256
 *            SHA-256 of the serialized model
 * @param trainedAt
 *            when it was trained (UTC)
 * @param trainingRows
 *            the number of labelled patients it was trained on
 */
public record ModelDescription(String version, String algorithm, String sha256, Instant trainedAt, int trainingRows) {
}
