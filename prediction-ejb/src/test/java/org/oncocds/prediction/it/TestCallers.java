package org.oncocds.prediction.it;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Map;
import java.util.Set;

/**
 * The integration tests' callers, logged in with HTTP Basic so that the EJBs see a real caller and its roles (the
 * portal uses Keycloak instead).
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "oncocds-it")
@DeclareRoles({"clinician", "compliance-officer", "admin"})
public class TestCallers implements IdentityStore {

    static final String PASSWORD = "it-password";
    static final String CLINICIAN = "dr-lee";
    static final String COMPLIANCE_OFFICER = "auditor-kim";
    static final String ADMIN = "admin-ada";

    private static final Map<String, Set<String>> GROUPS = Map.of(CLINICIAN, Set.of("clinician"), COMPLIANCE_OFFICER,
            Set.of("compliance-officer"), ADMIN,
            Set.of("admin"));

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login && GROUPS.containsKey(login.getCaller()) && login
                .compareTo(login.getCaller(), PASSWORD)) {
            return new CredentialValidationResult(login.getCaller(), GROUPS.get(login.getCaller()));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
