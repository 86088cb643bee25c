package org.oncocds.prediction.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;

/** SCAFFOLD: contract only, implemented by the prediction work. */
@Stateless
@RolesAllowed("clinician")
public class Recommendations {

    public TreatmentComparison compareTreatments(CaseRequest request) throws InvalidCaseException {
        throw new IllegalStateException("scaffold");
    }
}
