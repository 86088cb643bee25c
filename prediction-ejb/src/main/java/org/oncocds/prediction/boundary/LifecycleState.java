package org.oncocds.prediction.boundary;

/**
 * Where a model version stands: DRAFT (trained, stored) -> VALIDATED (loaded back from the registry with every check,
 * cross-validation stored) -> APPROVED (its bias report signed off by a compliance officer) -> ACTIVE (answers the
 * task's recommendations; at most one per task) -> RETIRED (kept for the record, never answers again).
 */
public enum LifecycleState {
    DRAFT, VALIDATED, APPROVED, ACTIVE, RETIRED
}
