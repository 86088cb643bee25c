package org.oncocds.portal.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The login through Keycloak over OpenID Connect (Jakarta Security 3.0). The mechanism sits on a CDI bean because Payara
 * ignores it on a servlet. Where Keycloak is and who the portal is come from MicroProfile Config, not from constants:
 * the implementation in Payara (Soteria) evaluates {@code ${...}} expressions in the annotation's attributes against
 * this bean, by its name.
 * <p>
 * Sessions must not outlive what Keycloak allows: once the access or ID token is due (a few minutes in Keycloak), the
 * next request refreshes it with the refresh token, so a user disabled or logged out in Keycloak loses access within
 * one token lifetime; a refused refresh ends the portal session. Without the refresh, the session would go on for as
 * long as the user keeps clicking (should the refresh ever be switched off, the logout settings end the session when
 * the token expires instead).
 */
@ApplicationScoped
@Named("oidcLogin")
@DeclareRoles({Roles.CLINICIAN, Roles.COMPLIANCE_OFFICER, Roles.ADMIN, Roles.DATA_MANAGER})
@OpenIdAuthenticationMechanismDefinition(providerURI = "${oidcLogin.providerUri}", clientId = "${oidcLogin.clientId}", clientSecret = "${oidcLogin.clientSecret}", redirectURI = "${baseURL}/callback", redirectToOriginalResource = true, tokenAutoRefresh = true, tokenMinValidity = OidcLogin.TOKEN_MIN_VALIDITY_MS, claimsDefinition = @ClaimsDefinition(callerNameClaim = "preferred_username", callerGroupsClaim = "groups"), logout = @LogoutDefinition(notifyProvider = true, redirectURI = "${baseURL}/signed-out", accessTokenExpiry = true, identityTokenExpiry = true))
public class OidcLogin {

    /** A token with less than this left counts as expired, so it does not run out in the middle of a request. */
    static final int TOKEN_MIN_VALIDITY_MS = 10_000;

    private static final Logger LOG = Logger.getLogger(OidcLogin.class.getName());

    private String providerUri;
    private String clientId;
    private Optional<String> clientSecret;

    protected OidcLogin() {
        // for the CDI proxy
    }

    @Inject
    public OidcLogin(
            @ConfigProperty(name = "oncocds.oidc.provider-uri", defaultValue = "http://127.0.0.1:8180/realms/oncology") String providerUri,
            @ConfigProperty(name = "oncocds.oidc.client-id", defaultValue = "oncocds-portal") String clientId,
            @ConfigProperty(name = "oncocds.oidc.client-secret") Optional<String> clientSecret) {
        this.providerUri = providerUri;
        this.clientId = clientId;
        this.clientSecret = clientSecret.filter(secret -> !secret.isBlank());
    }

    /** Says at start, not at the first login, that nobody will be able to log in. */
    void reportMissingSecret(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (clientSecret.isEmpty()) {
            LOG.severe("oncocds.oidc.client-secret is not set: nobody can log in until it is configured");
        }
    }

    public String getProviderUri() {
        return providerUri;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret.orElseThrow(() -> new IllegalStateException(
                "oncocds.oidc.client-secret is not set: configure the portal's Keycloak client secret"));
    }
}
