package org.oncocds.audit.boundary;

import org.oncocds.audit.control.VersionCheck;

/**
 * Whether the model versions named by a batch of recommendations may still answer, asked by the audit writer inside the
 * transaction that appends the batch. The module that owns the model registry implements it and hands it in with each
 * recommendation ({@link AuditTrail#recordRecommendation(RecommendationEvent, AnsweringVersionCheck)}). A
 * recommendation whose version is withdrawn is not recorded, and its caller gets a
 * {@link ModelVersionWithdrawnException} instead of a receipt, so it is never shown.
 * <p>
 * Asking once per batch, at the moment the batch commits, is what lets the caller pick the answering version from a
 * cache: a version retired or replaced on any server since then cannot get a recommendation recorded (and so shown).
 */
public interface AnsweringVersionCheck extends VersionCheck {
    // withdrawn(sha256ByVersion): of the given model versions (each with the SHA-256 its recommendation names), those
    // that may not answer now; a version the implementation does not manage is never withdrawn.
}
