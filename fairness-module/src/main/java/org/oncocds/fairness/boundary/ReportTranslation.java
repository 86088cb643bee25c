package org.oncocds.fairness.boundary;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.oncocds.fairness.control.AnalysisPlan;
import org.oncocds.fairness.control.AnalysisResult;
import org.oncocds.fairness.control.Gap;
import org.oncocds.fairness.control.GapResult;
import org.oncocds.fairness.control.GroupingResult;
import org.oncocds.fairness.control.Measure;
import org.oncocds.fairness.control.SubgroupResult;
import org.oncocds.fairness.control.Value;

/** Translates requests into the engine's plan and its results into report records, where NaN becomes a reason. */
final class ReportTranslation {

    private ReportTranslation() {
    }

    static AnalysisPlan plan(BiasReportRequest request, boolean decisionsOnly) {
        Tolerances t = request.tolerances();
        Map<Gap, Double> tolerances = new EnumMap<>(Gap.class);
        tolerances.put(Gap.DEMOGRAPHIC_PARITY_DIFFERENCE, t.demographicParityDifference());
        tolerances.put(Gap.DEMOGRAPHIC_PARITY_RATIO, t.selectionRateRatio());
        tolerances.put(Gap.EQUAL_OPPORTUNITY_DIFFERENCE, t.equalOpportunityDifference());
        tolerances.put(Gap.EQUALIZED_ODDS_DIFFERENCE, t.equalizedOddsDifference());
        tolerances.put(Gap.PREDICTIVE_PARITY_DIFFERENCE, t.predictiveParityDifference());
        tolerances.put(Gap.CALIBRATION_DIFFERENCE, t.calibrationDifference());
        return new AnalysisPlan(request.groupings(), request.bands(), request.threshold(), request
                .referenceGroups(), request.minimumGroupSize(), request.bootstrapReplicates(), request.seed(),
                tolerances, decisionsOnly);
    }

    static BiasReport report(BiasReportRequest request, AnalysisResult result) {
        return new BiasReport(request, result.rows(), result.groupings().stream().map(ReportTranslation::grouping)
                .toList());
    }

    private static GroupingReport grouping(GroupingResult result) {
        return new GroupingReport(result.name(), result.attributes(), result.referenceGroup(), result
                .referenceRule(), result.groups().stream().map(ReportTranslation::group).toList(),
                result.gaps()
                        .stream().map(ReportTranslation::disparity).toList());
    }

    private static GroupReport group(SubgroupResult result) {
        Map<GroupMetric, Estimate> metrics = new EnumMap<>(GroupMetric.class);
        for (Map.Entry<Measure, Value> entry : result.measures().entrySet()) {
            metrics.put(GroupMetric.valueOf(entry.getKey().name()), estimate(entry.getValue()));
        }
        return new GroupReport(result.label(), result.n(), result.sufficient(), Collections.unmodifiableMap(
                metrics));
    }

    private static Disparity disparity(GapResult result) {
        return new Disparity(DisparityMetric.valueOf(result.gap().name()), result.group(), estimate(result
                .value()), result.tolerance(), Verdict.valueOf(result.assessment().name()), result.reason());
    }

    private static Estimate estimate(Value value) {
        if (!value.defined()) {
            return new Estimate(null, null, value.undefinedReason());
        }
        if (!value.hasInterval()) {
            return new Estimate(value.point(), null, value.noIntervalReason());
        }
        return new Estimate(value.point(), new Interval(value.lower(), value.upper(), value.definedReplicates()),
                null);
    }
}
