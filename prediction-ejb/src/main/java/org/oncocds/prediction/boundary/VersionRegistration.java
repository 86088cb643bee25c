package org.oncocds.prediction.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.oncocds.audit.boundary.GovernanceAction;
import org.oncocds.audit.boundary.GovernanceLog;
import org.oncocds.prediction.control.ModelLoadRefusedException;
import org.oncocds.prediction.control.ModelRegistry;
import org.oncocds.prediction.control.TrainedModel;
import org.oncocds.prediction.control.VersionRecords;
import org.oncocds.prediction.control.VersionStore;
import org.oncocds.prediction.entity.StoredModelVersion;

/**
 * Stores a freshly trained model as a new DRAFT version, then validates it in a second transaction: loaded back from
 * the database with every load-time check, its cross-validation complete. Used by the first start and the training
 * jobs; it takes a trained model, which no other module can make, so it is not part of the module's API.
 */
@Stateless
@PermitAll
public class VersionRegistration {

    private static final Logger LOG = Logger.getLogger(VersionRegistration.class.getName());

    @Inject
    VersionStore store;

    @Inject
    ModelRegistry registry;

    @Inject
    GovernanceLog governance;

    @Inject
    Event<ModelVersionValidated> validated;

    public boolean hasVersions(String taskId) {
        return !store.ofTask(taskId).isEmpty();
    }

    /** The number {@link #storeDraft} would give the task's next version now. */
    public int nextNumber(String taskId) {
        return store.nextNumber(taskId);
    }

    /**
     * Loads and checks the task's ACTIVE version, so that a refused model shows at start rather than at the first
     * patient; false when the task has none (it awaits approval).
     *
     * @throws ModelLoadRefusedException
     *             when it fails a check
     */
    public boolean loadAnswering(String taskId) {
        return AnsweringVersions.of(store, taskId).map(registry::model).isPresent();
    }

    /** Stores the model as the task's next version, DRAFT, recording MODEL_TRAINED; returns the version. */
    public String storeDraft(TrainedModel trained, String trainedBy) {
        int number = store.nextNumber(trained.task().id());
        TrainedModel model = trained.named(trained.task().id() + "/" + number);
        StoredModelVersion stored = VersionRecords.draft(model, number, trainedBy, Instant.now());
        store.add(stored);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("taskId", stored.getTaskId());
        details.put("algorithm", stored.getAlgorithm());
        details.put("options", stored.getOptions());
        details.put("wekaVersion", stored.getWekaVersion());
        details.put("sha256", stored.getSha256());
        details.put("bootstrapSha256", stored.getBootstrapSha256());
        details.put("trainingDataSha256", stored.getTrainingDataSha256());
        details.put("trainingRows", String.valueOf(stored.getTrainingRows()));
        details.put("trainedBy", trainedBy);
        details.put("cvAuc", String.valueOf(stored.getCvAuc()));
        governance.record(Transitions.event(GovernanceAction.MODEL_TRAINED, stored, details));
        LOG.info(() -> "stored " + stored.getVersion() + " as DRAFT, SHA-256 " + stored.getSha256());
        return stored.getVersion();
    }

    /**
     * DRAFT -> VALIDATED once the stored bytes load back with every check and the cross-validation covers every training
     * patient; fires {@link ModelVersionValidated}.
     *
     * @throws LifecycleRefusedException
     *             naming {@code model} when the stored model does not load or its cross-validation is incomplete, or
     *             {@code state} when it is not a DRAFT; the version stays as it was
     */
    public void validate(String version, String by) throws LifecycleRefusedException {
        StoredModelVersion stored = store.find(version).orElseThrow(() -> new LifecycleRefusedException("version",
                "no model version " + version));
        try {
            TrainedModel loaded = registry.reload(stored);
            if (loaded.crossValidation().predictions().size() != stored.getTrainingRows()
                    || stored.getCvAuc() == null) {
                throw new LifecycleRefusedException("model", version + ": its cross-validation does not cover its "
                        + stored.getTrainingRows() + " training patients");
            }
        } catch (ModelLoadRefusedException e) {
            throw new LifecycleRefusedException("model", e.getMessage());
        }
        Transitions.change(stored, LifecycleState.VALIDATED, by, Map.of("check", "loaded back from the registry: "
                + "SHA-256, Weka version and training header match; cross-validation complete"), governance::record);
        validated.fire(new ModelVersionValidated(stored.getTaskId(), version));
        LOG.info(() -> version + " VALIDATED");
    }
}
