package org.oncocds.prediction.boundary;

/**
 * CDI event fired when a model version reaches VALIDATED, in the transaction that validated it (observe with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} to act only once it is committed). Its cross-validation
 * is then available from {@link ModelVersions#crossValidation(String)}.
 */
public record ModelVersionValidated(String taskId, String version) {
}
