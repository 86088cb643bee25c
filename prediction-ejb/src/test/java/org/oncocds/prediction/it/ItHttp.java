package org.oncocds.prediction.it;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/** Calls the test servlets of one deployed application as a test caller (HTTP Basic) and reads their answers. */
final class ItHttp {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String contextRoot;

    ItHttp(String contextRoot) {
        this.contextRoot = contextRoot;
    }

    record Answer(int status, Properties body) {
    }

    Answer get(String path, String caller) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), caller);
    }

    Answer post(String path, String caller, Map<String, String> form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(form))), caller);
    }

    /** POSTs {@code body} as the request body, {@code parameters} in the query string. */
    Answer postBytes(String path, String caller, Map<String, String> parameters, byte[] body) throws IOException,
            InterruptedException {
        return send(HttpRequest.newBuilder(uri(path + "?" + query(parameters))).header("Content-Type",
                "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(body)), caller);
    }

    private Answer send(HttpRequest.Builder request, String caller) throws IOException, InterruptedException {
        request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((caller + ":"
                + TestCallers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(
                StandardCharsets.ISO_8859_1));
        Properties body = new Properties();
        body.load(new StringReader(response.body()));
        return new Answer(response.statusCode(), body);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + System.getProperty("it.http.port") + "/" + contextRoot + "/" + path);
    }

    private static String query(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
