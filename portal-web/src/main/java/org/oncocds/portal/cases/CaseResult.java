package org.oncocds.portal.cases;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
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
 */
record CaseResult(String taskId, String taskKey, String modelVersion, String modelSha256, String referenceLabelKey,
        List<RiskRow> risks, List<InputRow> inputs, String patientPseudonym, long auditRecordId, String auditedAt,
        boolean randomised) implements Serializable {

    private static final long serialVersionUID = 1L;

    CaseResult {
        risks = List.copyOf(risks);
        inputs = List.copyOf(inputs);
    }

    static CaseResult of(TaskDescription task, TreatmentComparison comparison) {
        List<RiskRow> risks = comparison.options().stream().map(risk -> row(task.id(), comparison
                .referenceOption(), risk)).toList();
        List<InputRow> inputs = comparison.inputs().stream().map(input -> input(task, input)).toList();
        return new CaseResult(task.id(), MessageKeys.task(task.id()), comparison.model().version(), comparison.model()
                .sha256(), MessageKeys.option(task.id(), comparison.referenceOption()), risks, inputs,
                comparison
                        .patientPseudonym(),
                comparison.auditRecordId(), comparison.auditedAt().toString(), task
                        .randomised());
    }

    private static InputRow input(TaskDescription task, InputValue input) {
        boolean category = task.features().stream().anyMatch(feature -> feature.name().equals(input.feature())
                && feature.type() == FeatureType.CATEGORY);
        return new InputRow(input.feature(), MessageKeys.feature(task.id(), input.feature()), category
                ? input.value()
                : readable(input.value()),
                category ? MessageKeys.category(task.id(), input.feature(), input.value()) : null, category, input
                        .imputed());
    }

    private static RiskRow row(String taskId, String referenceOption, OptionRisk risk) {
        boolean reference = risk.option().equals(referenceOption);
        return new RiskRow(risk.option(), MessageKeys.option(taskId, risk.option()), percent(risk.risk()),
                reference ? "" : signedPoints(risk.absoluteBenefit()), reference);
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

    static String signedPoints(double difference) {
        return String.format(Locale.ROOT, "%+.1f", difference * 100);
    }
}
