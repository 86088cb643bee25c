package org.oncocds.fairness.it;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.oncocds.prediction.boundary.LifecycleRefusedException;
import org.oncocds.prediction.boundary.LifecycleState;
import org.oncocds.prediction.boundary.ModelVersionSummary;
import org.oncocds.prediction.boundary.ModelVersions;

/** Manages model versions as an administrator would. */
@Stateless
@RunAs("admin")
public class AdminSession {

    @EJB
    ModelVersions modelVersions;

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
