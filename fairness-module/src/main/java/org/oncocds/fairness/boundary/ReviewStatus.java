package org.oncocds.fairness.boundary;

/** Where a model version stands in the fairness review. */
public enum ReviewStatus {
    /** No compliance officer has decided on any of its stored bias reports. */
    NOT_REVIEWED,
    /** The latest decision on one of its reports approved it. */
    APPROVED,
    /** The latest decision on one of its reports rejected it. */
    REJECTED
}
