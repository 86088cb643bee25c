package org.oncocds.prediction.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.oncocds.audit.boundary.AnsweringVersionCheck;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.audit.boundary.ModelVersionWithdrawnException;
import org.oncocds.audit.boundary.PatientPseudonyms;
import org.oncocds.audit.boundary.RecommendationEvent;
import org.oncocds.prediction.control.AnsweringModels;
import org.oncocds.prediction.control.CaseValues;
import org.oncocds.prediction.control.ModelRegistry;
import org.oncocds.prediction.control.OptionInterval;
import org.oncocds.prediction.control.TaskDefinition;
import org.oncocds.prediction.control.TrainedModel;

/**
 * Compares the treatment options of a task for one patient. The comparison is returned only after its audit record is
 * written in the same transaction: if the audit write fails, the clinician gets an error, not a prediction.
 */
@Stateless
@RolesAllowed("clinician")
public class Recommendations {

    private static final Logger LOG = Logger.getLogger(Recommendations.class.getName());

    @EJB
    ModelRegistry registry;

    @Inject
    AnsweringModels answering;

    @Inject
    AnsweringVersionCheck answeringCheck;

    @Inject
    PatientPseudonyms pseudonyms;

    @EJB
    AuditTrail auditTrail;

    /**
     * @throws InvalidCaseException
     *             one error per refused input; nothing is recorded
     * @throws NoActiveModelException
     *             the task has no ACTIVE version, or it changed twice while this comparison was computed; nothing is
     *             recorded
     */
    public TreatmentComparison compareTreatments(CaseRequest request) throws InvalidCaseException {
        ValidCase valid = new CaseValidator(registry::task, this::taskIds).validate(request);
        String taskId = valid.task().id();
        try {
            return compare(valid, answeringModel(taskId));
        } catch (ModelVersionWithdrawnException withdrawn) {
            // The remembered version was retired or replaced (here or on another server) before the record committed:
            // nothing was recorded or shown. Once more with the version that answers now.
            LOG.info(() -> "model version " + withdrawn.modelVersion() + " no longer answers " + taskId
                    + "; comparing again with the task's ACTIVE version");
            answering.forget(taskId);
            try {
                return compare(valid, answeringModel(taskId));
            } catch (ModelVersionWithdrawnException again) {
                answering.forget(taskId);
                throw NoActiveModelException.changedWhileAnswering(taskId);
            }
        }
    }

    private TreatmentComparison compare(ValidCase valid, TrainedModel model) {
        CaseValues patient = valid.given().completedWith(model.imputation());
        List<OptionRisk> options = optionRisks(model.risksByOption(patient), model.intervalsByOption(patient, valid
                .referenceOption()), valid.referenceOption());
        List<Driver> drivers = AuditDocuments.drivers(model.drivers(patient, valid.referenceOption()));
        String pseudonym = pseudonyms.pseudonymOf(valid.mrn());
        AuditReceipt receipt = record(valid, model, patient, AuditDocuments.outputsJson(valid.referenceOption(),
                options, drivers, AuditDocuments.recommendedOption(valid.task().randomised(), options)), pseudonym);
        return new TreatmentComparison(valid.task().id(), Descriptions.model(model), valid.referenceOption(), options,
                pseudonym, receipt.recordId(), receipt.recordedAt(), AuditDocuments.inputValues(valid, patient),
                drivers);
    }

    private TrainedModel answeringModel(String taskId) {
        return answering.of(taskId).orElseThrow(() -> new NoActiveModelException(taskId));
    }

    private List<String> taskIds() {
        return registry.tasks().stream().map(TaskDefinition::id).toList();
    }

    /**
     * Writes the audit record, committed only if the model's version is still ACTIVE with this model when its batch
     * commits; a failure here fails the call.
     */
    private AuditReceipt record(ValidCase valid, TrainedModel model, CaseValues patient, String outputsJson,
            String pseudonym) {
        String requestId = UUID.randomUUID().toString();
        AuditReceipt receipt = auditTrail.recordRecommendation(new RecommendationEvent(requestId, valid.task().id(),
                pseudonym, model.version(), model.sha256(), AuditDocuments.inputsJson(valid, patient),
                outputsJson), answeringCheck);
        LOG.fine(() -> "recommendation " + requestId + " for task " + valid.task().id() + " by model " + model
                .version() + " audited as record " + receipt.recordId());
        return receipt;
    }

    /** The risk of each option and its absolute benefit: risk under the reference minus risk under the option. */
    static List<OptionRisk> optionRisks(Map<String, Double> risks, String referenceOption) {
        double referenceRisk = risks.get(referenceOption);
        return risks.entrySet().stream().map(risk -> new OptionRisk(risk.getKey(), risk.getValue(), referenceRisk
                - risk.getValue())).toList();
    }

    /** As {@link #optionRisks(Map, String)}, with each option's uncertainty intervals. */
    static List<OptionRisk> optionRisks(Map<String, Double> risks, Map<String, OptionInterval> intervals,
            String referenceOption) {
        return optionRisks(risks, referenceOption).stream().map(option -> {
            OptionInterval interval = intervals.get(option.option());
            return new OptionRisk(option.option(), option.risk(), option.absoluteBenefit(), interval.riskLower(),
                    interval.riskUpper(), interval.benefitLower(), interval.benefitUpper());
        }).toList();
    }
}
