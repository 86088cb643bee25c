package org.oncocds.portal.cases;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.oncocds.prediction.boundary.Driver;
import org.oncocds.prediction.boundary.FeatureType;
import org.oncocds.prediction.boundary.InputValue;
import org.oncocds.prediction.boundary.OptionRisk;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.TreatmentComparison;

/**
 * An audited treatment comparison as the result page shows it; kept in the clinician's session between the POST and
 * the page it redirects to. It holds the patient's pseudonym, never the MRN.
 *
 * @param randomised
 *            whether the training data randomised the treatment; if not, the page warns that differences between
 *            options are confounded
 * @param drivers
 *            what drove the predicted risk under the reference option, largest change first
 * @param lowestRiskOption
 *            the option with the lowest predicted risk (the first of equals, in the task's order): what a clinician
 *            who accepts the comparison follows
 */
record CaseResult(String taskId, String taskKey, String modelVersion, String modelSha256, String referenceLabelKey,
        List<RiskRow> risks, List<InputRow> inputs, String patientPseudonym, long auditRecordId, String auditedAt,
        boolean randomised, List<DriverRow> drivers, String lowestRiskOption) implements Serializable {

    private static final long serialVersionUID = 2L;

    CaseResult {
        risks = List.copyOf(risks);
        inputs = List.copyOf(inputs);
        drivers = List.copyOf(drivers);
    }

    static CaseResult of(TaskDescription task, TreatmentComparison comparison) {
        List<RiskRow> risks = comparison.options().stream().map(risk -> row(task.id(), comparison
                .referenceOption(), risk)).toList();
        List<InputRow> inputs = comparison.inputs().stream().map(input -> input(task, input)).toList();
        List<DriverRow> drivers = comparison.drivers().stream().map(driver -> driver(task, driver)).toList();
        String lowest = comparison.options().stream().min(Comparator.comparingDouble(OptionRisk::risk)).map(
                OptionRisk::option).orElse(comparison.referenceOption());
        return new CaseResult(task.id(), MessageKeys.task(task.id()), comparison.model().version(),
                comparison.model().sha256(), MessageKeys.option(task.id(), comparison.referenceOption()), risks,
                inputs, comparison.patientPseudonym(), comparison.auditRecordId(), comparison.auditedAt().toString(),
                task.randomised(), drivers, lowest);
    }

    /** The message key of the option with the lowest predicted risk. */
    public String lowestRiskLabelKey() {
        return MessageKeys.option(taskId, lowestRiskOption);
    }

    /** The row of an option the comparison shows, if it is one. */
    Optional<RiskRow> option(String option) {
        return risks.stream().filter(row -> row.option().equals(option)).findFirst();
    }

    private static boolean isCategory(TaskDescription task, String feature) {
        return task.features().stream().anyMatch(candidate -> candidate.name().equals(feature)
                && candidate.type() == FeatureType.CATEGORY);
    }

    private static InputRow input(TaskDescription task, InputValue input) {
        boolean category = isCategory(task, input.feature());
        return new InputRow(input.feature(), MessageKeys.feature(task.id(), input.feature()), category
                ? input.value()
                : readable(input.value()),
                category ? MessageKeys.category(task.id(), input.feature(), input.value()) : null, category, input
                        .imputed());
    }

    private static DriverRow driver(TaskDescription task, Driver driver) {
        boolean category = isCategory(task, driver.feature());
        String feature = driver.feature();
        return new DriverRow(feature, MessageKeys.feature(task.id(), feature), category
                ? driver.value()
                : readable(driver.value()), category ? MessageKeys.category(task.id(), feature, driver.value()) : null,
                category ? driver.referenceValue() : readable(driver.referenceValue()), category
                        ? MessageKeys.category(task.id(), feature, driver.referenceValue())
                        : null,
                signedPoints(driver.riskChange()), DriverRow.Direction.of(signedPoints(driver.riskChange())));
    }

    private static RiskRow row(String taskId, String referenceOption, OptionRisk risk) {
        boolean reference = risk.option().equals(referenceOption);
        boolean interval = risk.hasInterval();
        boolean benefitInterval = interval && !reference && !Double.isNaN(risk.benefitLower());
        return new RiskRow(risk.option(), MessageKeys.option(taskId, risk.option()), percent(risk.risk()),
                reference ? "" : signedPoints(risk.absoluteBenefit()), reference, interval
                        ? percent(risk.riskLower())
                        : "",
                interval ? percent(risk.riskUpper()) : "", benefitInterval
                        ? signedPoints(risk.benefitLower())
                        : "",
                benefitInterval ? signedPoints(risk.benefitUpper()) : "");
    }

    /** An estimated number such as a training mean, to two decimals; the audit record keeps the exact value. */
    static String readable(String number) {
        try {
            BigDecimal value = new BigDecimal(number);
            return value.scale() > 2 ? value.setScale(2, RoundingMode.HALF_UP).toPlainString() : number;
        } catch (NumberFormatException e) {
            return number;
        }
    }

    static String percent(double probability) {
        return String.format(Locale.ROOT, "%.1f", probability * 100);
    }

    /** Percentage points with their sign; a difference that rounds to nothing is {@code 0.0}, never "+0.0" or "-0.0". */
    static String signedPoints(double difference) {
        String points = String.format(Locale.ROOT, "%+.1f", difference * 100);
        return points.equals("+0.0") || points.equals("-0.0") ? "0.0" : points;
    }
}
