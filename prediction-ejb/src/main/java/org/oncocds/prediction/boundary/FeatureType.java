package org.oncocds.prediction.boundary;

/** How a case's input value is entered and checked. */
public enum FeatureType {
    /** A decimal number, checked against the feature's range. */
    NUMBER,
    /** A whole number (counts, years), checked against the feature's range. */
    WHOLE_NUMBER,
    /** One of the feature's category codes. */
    CATEGORY
}
