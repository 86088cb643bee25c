package org.oncocds.deploy.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Supplier;
import org.oncocds.deploy.tools.KeycloakTokens;

/** A user's API access token, asked for again before the realm's 5-minute lifespan runs out. */
public final class RenewedToken implements Supplier<String> {

    private static final Duration RENEW_AFTER = Duration.ofMinutes(4);

    private final KeycloakTokens keycloak;
    private final String clientSecret;
    private final String userName;
    private final String password;
    private String token;
    private long obtainedNanos;

    public RenewedToken(KeycloakTokens keycloak, String clientSecret, String userName, String password) {
        this.keycloak = keycloak;
        this.clientSecret = clientSecret;
        this.userName = userName;
        this.password = password;
    }

    @Override
    public synchronized String get() {
        if (token == null || System.nanoTime() - obtainedNanos > RENEW_AFTER.toNanos()) {
            try {
                token = keycloak.passwordGrant("oncocds-api", clientSecret, userName, password);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            obtainedNanos = System.nanoTime();
        }
        return token;
    }
}
