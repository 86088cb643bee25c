package org.oncocds.deploy.tools;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Makes the demo installation usable honestly: for every shipped task without an ACTIVE model version, the demo
 * compliance officer approves the newest validated version's cross-validation bias report (stored first if there is
 * none) with a comment saying it was done by start.sh for the demo environment only, and the demo administrator
 * activates it. All through the portal's REST API with the two users' own tokens, so the audit trail shows them as
 * those users' acts. Versions that are ACTIVE or RETIRED are never touched, and neither are the tasks administrators
 * added from an uploaded dataset ({@code "uploaded": true}): their models wait for a review by people, whatever the
 * environment.
 * <p>
 * Usage: {@code java -cp 'target/dist/tools/*' org.oncocds.deploy.tools.DemoModelApproval <portal-url> <realm-url>
 * <secrets.properties>}. Exit code 0 when every shipped task has an ACTIVE version afterwards, 1 otherwise (the reason is
 * printed; the system stays up with the models awaiting approval).
 */
public final class DemoModelApproval {

    static final String COMMENT = "Approved automatically by deploy/start.sh for the demo environment only: "
            + "not a clinical review, not for clinical use.";

    private static final String API_CLIENT = "oncocds-api";

    private final PortalApi asComplianceOfficer;
    private final PortalApi asAdmin;
    private final PrintStream out;

    DemoModelApproval(PortalApi asComplianceOfficer, PortalApi asAdmin, PrintStream out) {
        this.asComplianceOfficer = asComplianceOfficer;
        this.asAdmin = asAdmin;
        this.out = out;
    }

    public static void main(String[] arguments) throws InterruptedException {
        if (arguments.length != 3) {
            System.err.println("usage: DemoModelApproval <portal-url> <realm-url> <secrets.properties>");
            System.exit(2);
        }
        try {
            URI portal = URI.create(arguments[0]);
            KeycloakTokens tokens = new KeycloakTokens(URI.create(arguments[1]));
            String secret = secrets(Path.of(arguments[2])).getProperty("oncocds.api.client-secret");
            if (secret == null || secret.isBlank()) {
                throw new IOException(arguments[2] + " has no oncocds.api.client-secret");
            }
            // The demo users and passwords the realm ships (README); a changed password ends the step here.
            PortalApi compliance = new PortalApi(portal, tokens.passwordGrant(API_CLIENT, secret, "compliance",
                    "compliance-demo"));
            PortalApi admin = new PortalApi(portal, tokens.passwordGrant(API_CLIENT, secret, "admin", "admin-demo"));
            boolean allActive = new DemoModelApproval(compliance, admin, System.out).run();
            System.exit(allActive ? 0 : 1);
        } catch (IOException refused) {
            System.out.println("Demo models: not approved (" + refused.getMessage() + "); they await approval.");
            System.exit(1);
        }
    }

    /** Approves and activates what needs it; true when every shipped task has an ACTIVE version afterwards. */
    boolean run() throws IOException, InterruptedException {
        boolean allActive = true;
        for (JsonValue task : asComplianceOfficer.get("/api/tasks").requireSuccess().array()) {
            String taskId = task.asJsonObject().getString("id");
            if (task.asJsonObject().getBoolean("uploaded", false)) {
                out.println("Demo models: " + taskId + " was added by an administrator; its models await a review by "
                        + "a compliance officer (never approved by start.sh).");
                continue;
            }
            try {
                allActive &= makeActive(taskId);
            } catch (IOException refused) {
                out.println("Demo models: " + taskId + " not approved (" + refused.getMessage()
                        + "); it awaits approval.");
                allActive = false;
            }
        }
        return allActive;
    }

    private boolean makeActive(String taskId) throws IOException, InterruptedException {
        List<JsonObject> versions = asComplianceOfficer.get("/api/tasks/" + taskId + "/model-versions")
                .requireSuccess().array().stream().map(JsonValue::asJsonObject).toList();
        Optional<JsonObject> active = versions.stream().filter(version -> "ACTIVE".equals(state(version))).findFirst();
        if (active.isPresent()) {
            out.println("Demo models: " + taskId + " already has the active version " + active.get().getString(
                    "version") + ".");
            return true;
        }
        Optional<JsonObject> candidate = versions.stream().filter(version -> List.of("VALIDATED", "APPROVED")
                .contains(state(version))).max(Comparator.comparingInt(DemoModelApproval::number));
        if (candidate.isEmpty()) {
            out.println("Demo models: " + taskId + " has no validated version to approve; nothing done.");
            return false;
        }
        String version = candidate.get().getString("version");
        if ("VALIDATED".equals(state(candidate.get()))) {
            long reportId = crossValidationReport(version);
            asComplianceOfficer.post("/api/bias-reports/" + reportId + "/approval", Json.createObjectBuilder().add(
                    "decision", "APPROVED").add("comment", COMMENT).build()).requireSuccess();
            out.println("Demo models: the demo compliance officer 'compliance' approved bias report " + reportId
                    + " of " + version + " (comment: \"" + COMMENT + "\").");
        }
        JsonObject activated = asAdmin.post("/api/model-versions/" + version + "/activation",
                JsonValue.EMPTY_JSON_OBJECT).requireSuccess().object();
        out.println("Demo models: the demo administrator 'admin' activated " + version + " (state " + state(
                activated) + ").");
        return true;
    }

    /**
     * The newest stored cross-validation report of the version, or a new one stored by the compliance officer. A report
     * a person has rejected is never overruled: the version is left alone.
     */
    private long crossValidationReport(String version) throws IOException, InterruptedException {
        String query = "?modelVersion=" + URLEncoder.encode(version, StandardCharsets.UTF_8);
        Optional<JsonObject> stored = asComplianceOfficer.get("/api/bias-reports" + query).requireSuccess().array()
                .stream().map(JsonValue::asJsonObject).filter(report -> "CROSS_VALIDATION".equals(report.getString(
                        "source", "")))
                .max(Comparator.comparingLong(report -> report.getJsonNumber("id")
                        .longValue()));
        if (stored.isPresent()) {
            JsonObject decision = stored.get().getJsonObject("decision");
            if (decision != null && "REJECTED".equals(decision.getString("status", ""))) {
                throw new IOException("its bias report " + stored.get().getJsonNumber("id") + " was rejected by "
                        + decision.getString("decidedBy", "a compliance officer") + "; start.sh does not overrule "
                        + "that");
            }
            return stored.get().getJsonNumber("id").longValue();
        }
        JsonObject created = asComplianceOfficer.post("/api/bias-reports/cross-validation" + query,
                JsonValue.EMPTY_JSON_OBJECT).requireSuccess().object();
        long id = created.getJsonNumber("id").longValue();
        out.println("Demo models: the demo compliance officer 'compliance' stored the cross-validation bias report "
                + id + " of " + version + ".");
        return id;
    }

    private static String state(JsonObject version) {
        return version.getString("state", "");
    }

    /** The n of a version "taskId/n". */
    private static int number(JsonObject version) {
        String name = version.getString("version");
        return Integer.parseInt(name.substring(name.lastIndexOf('/') + 1));
    }

    private static Properties secrets(Path file) throws IOException {
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            secrets.load(reader);
        }
        return secrets;
    }
}
