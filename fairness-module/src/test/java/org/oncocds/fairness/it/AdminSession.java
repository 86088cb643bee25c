package org.oncocds.fairness.it;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.Map;
import java.util.Optional;
import org.oncocds.prediction.boundary.InvalidTaskUploadException;
import org.oncocds.prediction.boundary.InvalidTrainingRequestException;
import org.oncocds.prediction.boundary.LifecycleRefusedException;
import org.oncocds.prediction.boundary.LifecycleState;
import org.oncocds.prediction.boundary.ModelVersionSummary;
import org.oncocds.prediction.boundary.ModelVersions;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.TaskUpload;
import org.oncocds.prediction.boundary.TaskUploads;
import org.oncocds.prediction.boundary.TrainingJob;
import org.oncocds.prediction.boundary.TrainingRequest;

/** Manages tasks and model versions as an administrator would. */
@Stateless
@RunAs("admin")
public class AdminSession {

    @EJB
    ModelVersions modelVersions;

    @EJB
    TaskUploads taskUploads;

    public TaskDescription addTask(TaskUpload upload) throws InvalidTaskUploadException {
        return taskUploads.add(upload);
    }

    /** Starts training a Logistic version of the task in the background; the job's id. */
    public String train(String taskId) throws InvalidTrainingRequestException {
        return modelVersions.startTraining(new TrainingRequest(taskId, "logistic", Map.of()));
    }

    public Optional<TrainingJob> job(String jobId) {
        return modelVersions.job(jobId);
    }

    public ModelVersionSummary version(String version) {
        return modelVersions.byVersion(version).orElseThrow();
    }

    public ModelVersionSummary retire(String version) throws LifecycleRefusedException {
        return modelVersions.retire(version);
    }

    /** Makes an approved version answer the task's recommendations (tests run in any order). */
    public void activateIfApproved(String version) throws LifecycleRefusedException {
        if (version(version).state() == LifecycleState.APPROVED) {
            modelVersions.activate(version);
        }
    }
}
