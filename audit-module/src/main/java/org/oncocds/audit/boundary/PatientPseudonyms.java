package org.oncocds.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;

/** SCAFFOLD: contract only. Keyed HMAC-SHA-256 of an MRN. */
@ApplicationScoped
public class PatientPseudonyms {

    public String pseudonymOf(String mrn) {
        throw new IllegalStateException("scaffold");
    }
}
