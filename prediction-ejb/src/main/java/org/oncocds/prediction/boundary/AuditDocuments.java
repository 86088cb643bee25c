package org.oncocds.prediction.boundary;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oncocds.prediction.control.CanonicalJson;
import org.oncocds.prediction.control.CaseValues;
import org.oncocds.prediction.control.FeatureEffect;
import org.oncocds.prediction.control.FeatureSpec;

/**
 * The inputs and outputs of a recommendation as the audit trail stores them (canonical JSON), and the inputs as the
 * clinician sees them.
 */
final class AuditDocuments {

    private AuditDocuments() {
    }

    /** Every feature as the model used it, in the task's order; features the clinician left blank are imputed. */
    static List<InputValue> inputValues(ValidCase valid, CaseValues patient) {
        return valid.task().features().stream().map(FeatureSpec::name).map(name -> new InputValue(name, text(patient
                .valueOf(name).orElseThrow()), !valid.given().has(name))).toList();
    }

    /**
     * {@code {"features":{"age":{"imputed":false,"value":63},...},"referenceOption":"Obs","taskId":"..."}}; numbers
     * stay JSON numbers, category codes strings.
     */
    static String inputsJson(ValidCase valid, CaseValues patient) {
        Map<String, Object> features = new LinkedHashMap<>();
        for (FeatureSpec feature : valid.task().features()) {
            features.put(feature.name(), Map.of("value", patient.valueOf(feature.name()).orElseThrow(), "imputed",
                    !valid.given().has(feature.name())));
        }
        return CanonicalJson.of(Map.of("taskId", valid.task().id(), "referenceOption", valid.referenceOption(),
                "features", features));
    }

    /**
     * {@code {"drivers":[{"feature":"nodes","referenceValue":"3.66","riskChange":0.1,"value":"9"},...],
     * "options":[{"absoluteBenefit":0,"benefitInterval":[0,0],"option":"Obs","risk":0.52,
     * "riskInterval":[0.47,0.57]},...],"recommendedOption":"Lev+5FU","referenceOption":"Obs"}}; the intervals are left
     * out when not computed, {@code recommendedOption} when there is none (see {@link #recommendedOption}).
     */
    static String outputsJson(String referenceOption, List<OptionRisk> options, List<Driver> drivers) {
        return outputsJson(referenceOption, options, drivers, Optional.empty());
    }

    /** As {@link #outputsJson(String, List, List)} with the comparison's recommended option, when it has one. */
    static String outputsJson(String referenceOption, List<OptionRisk> options, List<Driver> drivers,
            Optional<String> recommendedOption) {
        List<Map<String, Object>> risks = options.stream().map(AuditDocuments::option).toList();
        List<Map<String, Object>> contributions = drivers.stream().map(driver -> Map.<String, Object>of("feature",
                driver.feature(), "value", driver.value(), "referenceValue", driver.referenceValue(), "riskChange",
                driver.riskChange())).toList();
        Map<String, Object> outputs = new HashMap<>(Map.of("referenceOption", referenceOption, "options", risks,
                "drivers", contributions));
        recommendedOption.ifPresent(option -> outputs.put("recommendedOption", option));
        return CanonicalJson.of(outputs);
    }

    /**
     * The option the comparison recommends: the one with the lowest predicted risk, and only when treatment was
     * randomised in the training data. For an observational task (e.g. Rotterdam) the differences between options are
     * confounded by indication, so it recommends none. The model knows nothing of toxicity or the patient's wishes:
     * the clinician decides, and the decision is recorded separately.
     */
    static Optional<String> recommendedOption(boolean randomised, List<OptionRisk> options) {
        if (!randomised) {
            return Optional.empty();
        }
        return options.stream().min(java.util.Comparator.comparingDouble(OptionRisk::risk)).map(OptionRisk::option);
    }

    /** An option's risk and benefit, with their intervals when they were computed. */
    private static Map<String, Object> option(OptionRisk option) {
        Map<String, Object> json = new HashMap<>(Map.of("option", option.option(), "risk", option.risk(),
                "absoluteBenefit", option.absoluteBenefit()));
        if (option.hasInterval()) {
            json.put("riskInterval", List.of(option.riskLower(), option.riskUpper()));
            json.put("benefitInterval", List.of(option.benefitLower(), option.benefitUpper()));
        }
        return json;
    }

    /** The model's feature effects as the clinician sees them, values in plain decimal or as category codes. */
    static List<Driver> drivers(List<FeatureEffect> effects) {
        return effects.stream().map(effect -> new Driver(effect.feature(), text(effect.value()), text(effect
                .referenceValue()), effect.riskChange())).toList();
    }

    private static String text(Object value) {
        if (value instanceof Double number) {
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
