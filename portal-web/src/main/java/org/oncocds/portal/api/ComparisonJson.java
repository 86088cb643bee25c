package org.oncocds.portal.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.oncocds.portal.json.PortalJson;
import org.oncocds.prediction.boundary.ModelDescription;
import org.oncocds.prediction.boundary.OptionRisk;
import org.oncocds.prediction.boundary.TreatmentComparison;

/** A treatment comparison as the API answers it. The MRN is never part of it; the pseudonym is. */
final class ComparisonJson {

    private ComparisonJson() {
    }

    static JsonObject of(TreatmentComparison comparison) {
        ModelDescription model = comparison.model();
        JsonArrayBuilder options = PortalJson.array();
        for (OptionRisk option : comparison.options()) {
            JsonObjectBuilder json = PortalJson.object().add("option", option.option()).add("risk", option
                    .risk()).add("absoluteBenefit", option.absoluteBenefit());
            if (option.hasInterval()) {
                json.add("riskInterval", interval(option.riskLower(), option.riskUpper())).add("benefitInterval",
                        interval(option.benefitLower(), option.benefitUpper()));
            }
            options.add(json);
        }
        JsonArrayBuilder inputs = PortalJson.array();
        comparison.inputs().forEach(input -> inputs.add(PortalJson.object().add("feature", input.feature())
                .add("value", input.value()).add("imputed", input.imputed())));
        JsonArrayBuilder drivers = PortalJson.array();
        comparison.drivers().forEach(driver -> drivers.add(PortalJson.object().add("feature", driver
                .feature()).add("value", driver.value()).add("referenceValue", driver.referenceValue()).add(
                        "riskChange", driver.riskChange())));
        return PortalJson.object().add("taskId", comparison.taskId()).add("auditRecordId", comparison
                .auditRecordId()).add("auditedAt", comparison.auditedAt().toString()).add("patientPseudonym",
                        comparison.patientPseudonym())
                .add("model", PortalJson.object().add("version", model.version()).add("sha256", model
                        .sha256()).add("algorithm", model.algorithm()).add("trainedAt", model.trainedAt().toString())
                        .add("trainingRows", model.trainingRows()))
                .add("referenceOption", comparison.referenceOption()).add("options", options).add("inputs", inputs)
                .add("drivers", drivers).build();
    }

    private static JsonObjectBuilder interval(double lower, double upper) {
        return PortalJson.object().add("lower", lower).add("upper", upper);
    }
}
