package org.oncocds.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does for the portal and Keycloak, and no more: keeps cookies per host and port, follows redirects,
 * posts forms. Keycloak marks its cookies Secure even on plain http; a browser on 127.0.0.1 sends them anyway (a
 * loopback origin counts as secure), and so does this session, which only ever talks to 127.0.0.1.
 */
final class BrowserSession {

    private static final int MAX_REDIRECTS = 10;
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\saction=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Map<String, Map<String, String>> cookiesByOrigin = new LinkedHashMap<>();

    /** Opens a portal page that needs a login, logs in on Keycloak's form, and returns the page finally shown. */
    HttpResponse<String> logIn(URI protectedPage, String user, String password) {
        HttpResponse<String> loginForm = follow(get(protectedPage));
        Matcher action = FORM_ACTION.matcher(loginForm.body());
        if (!action.find()) {
            throw new AssertionError("no Keycloak login form at " + loginForm.uri() + " (HTTP " + loginForm.statusCode()
                    + "):\n" + loginForm.body());
        }
        URI target = loginForm.uri().resolve(action.group(1).replace("&amp;", "&"));
        return follow(post(target, Map.of("username", user, "password", password)));
    }

    HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET(), uri);
    }

    HttpResponse<String> post(URI uri, Map<String, String> form) {
        String body = form.entrySet()
                .stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", uri.getScheme() + "://" + uri.getAuthority())
                .POST(HttpRequest.BodyPublishers.ofString(body)), uri);
    }

    /** Follows redirects with GET, as a browser does after a 302 or 303. */
    HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hop = 0; hop < MAX_REDIRECTS && isRedirect(current); hop++) {
            current = get(current.uri().resolve(current.headers().firstValue("Location").orElseThrow()));
        }
        return current;
    }

    private static boolean isRedirect(HttpResponse<String> response) {
        return response.statusCode() >= 300 && response.statusCode() < 400
                && response.headers().firstValue("Location").isPresent();
    }

    private HttpResponse<String> send(HttpRequest.Builder request, URI uri) {
        Map<String, String> cookies = cookiesByOrigin.getOrDefault(uri.getAuthority(), Map.of());
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet()
                    .stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            remember(uri, response.headers().allValues("Set-Cookie"));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(request.build().method() + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + uri, e);
        }
    }

    private void remember(URI uri, List<String> setCookies) {
        Map<String, String> cookies = cookiesByOrigin.computeIfAbsent(uri.getAuthority(), key -> new LinkedHashMap<>());
        for (String setCookie : setCookies) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals > 0) {
                String name = pair.substring(0, equals).trim();
                String value = pair.substring(equals + 1).trim();
                String attributes = setCookie.toLowerCase(java.util.Locale.ROOT);
                boolean expired = value.isEmpty() || attributes.contains("max-age=0") || attributes.contains("1970");
                if (expired) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
