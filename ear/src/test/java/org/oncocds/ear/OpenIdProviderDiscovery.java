package org.oncocds.ear;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The discovery document and an empty key set of an OpenID provider at {@code http://127.0.0.1:<port>/realms/<realm>},
 * laid out like Keycloak's. The portal's login mechanism reads it to know where to send an unauthenticated user, which
 * is all the smoke test needs: it checks the redirect and never logs in.
 */
final class OpenIdProviderDiscovery implements AutoCloseable {

    private final HttpServer server;
    private final String issuer;

    private OpenIdProviderDiscovery(HttpServer server, String issuer) {
        this.server = server;
        this.issuer = issuer;
    }

    static OpenIdProviderDiscovery start(int port, String realm) {
        String issuer = "http://127.0.0.1:" + port + "/realms/" + realm;
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            OpenIdProviderDiscovery discovery = new OpenIdProviderDiscovery(server, issuer);
            server.createContext("/realms/" + realm + "/.well-known/openid-configuration",
                    exchange -> discovery.answer(exchange, discovery.document()));
            server.createContext("/realms/" + realm + "/protocol/openid-connect/certs",
                    exchange -> discovery.answer(exchange, "{\"keys\":[]}"));
            server.start();
            return discovery;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** The provider URI the portal is configured with. */
    String issuer() {
        return issuer;
    }

    String authorizationEndpoint() {
        return issuer + "/protocol/openid-connect/auth";
    }

    private String document() {
        String endpoints = issuer + "/protocol/openid-connect";
        return """
                {"issuer":"%1$s",
                 "authorization_endpoint":"%2$s/auth",
                 "token_endpoint":"%2$s/token",
                 "userinfo_endpoint":"%2$s/userinfo",
                 "end_session_endpoint":"%2$s/logout",
                 "jwks_uri":"%2$s/certs",
                 "response_types_supported":["code","id_token","code id_token"],
                 "subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],
                 "scopes_supported":["openid","profile","email"],
                 "claims_supported":["sub","iss","preferred_username","groups"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post"]}
                """.formatted(issuer, endpoints);
    }

    private void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
