package org.oncocds.audit.boundary;

/** What a governance record says happened; stored by name, so constants may be added but never renamed. */
public enum GovernanceAction {
    LOGIN, LOGIN_FAILED, LOGOUT, ACCESS_DENIED, MODEL_TRAINED, MODEL_STATE_CHANGED, FAIRNESS_REPORT_CREATED, FAIRNESS_REPORT_APPROVED, FAIRNESS_REPORT_REJECTED, EXPORT, USER_ADMINISTRATION, BATCH_SCORING, OUTCOME_RECORDED, CHAIN_VERIFIED, TASK_ADDED
}
