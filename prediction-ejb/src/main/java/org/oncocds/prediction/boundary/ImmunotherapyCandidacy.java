package org.oncocds.prediction.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.audit.boundary.PatientPseudonyms;
import org.oncocds.audit.boundary.RecommendationEvent;
import org.oncocds.prediction.control.CanonicalJson;
import org.oncocds.prediction.control.CaseValues;
import org.oncocds.prediction.control.CheckpointInhibitorRules;
import org.oncocds.prediction.control.FeatureSpec;

/**
 * Immune-checkpoint-inhibitor candidacy by a versioned, cited rule set ({@code CheckpointInhibitorRules}): every
 * criterion evaluated, the ones that fired named. Audited like a prediction (task {@code immunotherapy-candidacy},
 * model version = rule set version, model hash = SHA-256 of the rule set's definition) in the same transaction, before
 * it is returned.
 */
@Stateless
@RolesAllowed("clinician")
public class ImmunotherapyCandidacy {

    private static final Logger LOG = Logger.getLogger(ImmunotherapyCandidacy.class.getName());

    @Inject
    PatientPseudonyms pseudonyms;

    @Inject
    AuditTrail auditTrail;

    /** The rule set's inputs (name, type, unit, bounds, codes, required), in the order a form shows them. */
    @RolesAllowed({"clinician", "compliance-officer", "admin"})
    public List<FeatureDescription> inputs() {
        return CheckpointInhibitorRules.INPUTS.stream().map(Descriptions::feature).toList();
    }

    /**
     * @throws InvalidCaseException
     *             one error per refused field ({@code mrn} or an input name); nothing is recorded
     */
    public CandidacyAssessment assess(CandidacyRequest request) throws InvalidCaseException {
        List<FieldError> errors = new ArrayList<>();
        String mrn = CaseValidator.text(request.mrn());
        if (mrn.isEmpty()) {
            errors.add(CaseValidator.required(CaseValidator.MRN));
        }
        CaseValues given = CaseValidator.features(CheckpointInhibitorRules.INPUTS, request.values(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidCaseException(errors);
        }
        List<CriterionResult> criteria = CheckpointInhibitorRules.evaluate(given).stream().map(e -> new CriterionResult(
                e.id(), e.title(), e.status(), e.explanation(), e.source())).toList();
        List<String> fired = criteria.stream().filter(c -> c.status().equals("MET")).map(CriterionResult::id).toList();
        String verdict = !fired.isEmpty()
                ? "CANDIDATE"
                : criteria.stream().anyMatch(c -> c.status().equals("NOT_EVALUABLE"))
                        ? "INSUFFICIENT_DATA"
                        : "NOT_A_CANDIDATE";
        String pseudonym = pseudonyms.pseudonymOf(mrn);
        String requestId = UUID.randomUUID().toString();
        AuditReceipt receipt = auditTrail.recordRecommendation(new RecommendationEvent(requestId,
                CheckpointInhibitorRules.TASK_ID, pseudonym, CheckpointInhibitorRules.VERSION, CheckpointInhibitorRules
                        .sha256(),
                inputsJson(given), outputsJson(verdict, criteria, fired)));
        LOG.info(() -> "immunotherapy candidacy " + requestId + " (" + verdict + ") audited as record " + receipt
                .recordId());
        return new CandidacyAssessment(CheckpointInhibitorRules.VERSION, CheckpointInhibitorRules.sha256(), verdict,
                criteria, fired, CheckpointInhibitorRules.CAVEATS, pseudonym, receipt.recordId(), receipt
                        .recordedAt());
    }

    /** {@code {"inputs":{"tmb":12,"tumourType":"colorectal",...},"taskId":"immunotherapy-candidacy"}}; not given = absent. */
    static String inputsJson(CaseValues given) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (FeatureSpec input : CheckpointInhibitorRules.INPUTS) {
            given.valueOf(input.name()).ifPresent(value -> inputs.put(input.name(), value));
        }
        return CanonicalJson.of(Map.of("taskId", CheckpointInhibitorRules.TASK_ID, "inputs", inputs));
    }

    static String outputsJson(String verdict, List<CriterionResult> criteria, List<String> fired) {
        List<Map<String, Object>> evaluated = criteria.stream().map(c -> Map.<String, Object>of("id", c.id(),
                "status", c.status(), "explanation", c.explanation())).toList();
        return CanonicalJson.of(Map.of("verdict", verdict, "fired", fired, "criteria", evaluated));
    }
}
