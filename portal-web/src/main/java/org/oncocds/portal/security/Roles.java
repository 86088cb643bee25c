package org.oncocds.portal.security;

/**
 * The portal's roles. Keycloak puts the realm roles of the same names into the ID token's {@code groups} claim and
 * {@code payara-web.xml} maps each group to its role.
 */
public final class Roles {

    public static final String CLINICIAN = "clinician";
    public static final String COMPLIANCE_OFFICER = "compliance-officer";
    public static final String ADMIN = "admin";
    /** Records patients' outcomes for the fairness module's live monitoring; sees no predictions. */
    public static final String DATA_MANAGER = "data-manager";

    private Roles() {
    }
}
