package org.oncocds.fairness.boundary;

/** The application's roles (the Keycloak realm roles) as the fairness facades check them. */
final class Roles {

    static final String CLINICIAN = "clinician";
    static final String COMPLIANCE_OFFICER = "compliance-officer";
    static final String ADMIN = "admin";
    /** Records patients' outcomes for the live monitoring (a realm role the deployment has to define). */
    static final String DATA_MANAGER = "data-manager";

    private Roles() {
    }
}
