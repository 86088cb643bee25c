package org.oncocds.fairness.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One disparity's verdict in a stored report, in its own row so reports can be searched by verdict. {@code groupName}
 * is null for the across-groups comparison; {@code value}, {@code lower}, {@code upper} are null when undefined.
 */
@Embeddable
public class MetricVerdict {

    @Column(name = "GROUPING_NAME", nullable = false, updatable = false, length = 200)
    private String grouping;

    @Column(name = "GROUP_NAME", updatable = false, length = 200)
    private String groupName;

    @Column(name = "METRIC", nullable = false, updatable = false, length = 60)
    private String metric;

    @Column(name = "VERDICT", nullable = false, updatable = false, length = 20)
    private String verdict;

    @Column(name = "ESTIMATE", updatable = false)
    private Double value;

    @Column(name = "CI_LOWER", updatable = false)
    private Double lower;

    @Column(name = "CI_UPPER", updatable = false)
    private Double upper;

    @Column(name = "TOLERANCE", nullable = false, updatable = false)
    private double tolerance;

    protected MetricVerdict() {
    }

    public MetricVerdict(String grouping, String groupName, String metric, String verdict, Double value, Double lower,
            Double upper, double tolerance) {
        this.grouping = grouping;
        this.groupName = groupName;
        this.metric = metric;
        this.verdict = verdict;
        this.value = value;
        this.lower = lower;
        this.upper = upper;
        this.tolerance = tolerance;
    }

    public String getGrouping() {
        return grouping;
    }

    public String getGroupName() {
        return groupName;
    }

    public String getMetric() {
        return metric;
    }

    public String getVerdict() {
        return verdict;
    }

    public Double getValue() {
        return value;
    }

    public Double getLower() {
        return lower;
    }

    public Double getUpper() {
        return upper;
    }

    public double getTolerance() {
        return tolerance;
    }
}
