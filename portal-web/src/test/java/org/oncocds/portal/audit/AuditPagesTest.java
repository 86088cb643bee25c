package org.oncocds.portal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oncocds.audit.boundary.AuditEntry;
import org.oncocds.audit.boundary.AuditEntryWithDecision;
import org.oncocds.audit.boundary.ChainCheckpoint;
import org.oncocds.audit.boundary.ChainVerification;
import org.oncocds.audit.boundary.Decision;
import org.oncocds.audit.boundary.RecordedDecision;
import org.oncocds.audit.boundary.AuditRow;
import org.oncocds.audit.boundary.RecordKind;
import org.oncocds.portal.FakeAuditSearch;
import org.oncocds.portal.FakeAuditTrail;
import org.oncocds.portal.WebFakes;
import org.oncocds.portal.pages.Pages;

/** The compliance officer's pages: the list with decisions, the chain verification and one record in full. */
class AuditPagesTest {

    private static final String PSEUDONYM = "a".repeat(64);
    private static final Instant AT = Instant.parse("2026-11-25T04:00:00Z");

    private final ServletContext context = WebFakes.servletContext();
    private final Pages pages = new Pages(context);
    private final HttpSession session = WebFakes.session();
    private final FakeAuditTrail auditTrail = new FakeAuditTrail();
    private final FakeAuditSearch auditSearch = new FakeAuditSearch();
    private final StringWriter body = new StringWriter();
    private final int[] status = new int[1];
    private final HttpServletResponse response = WebFakes.response(body, status);

    @BeforeEach
    void threeRecords() {
        RecordedDecision overridden = new RecordedDecision(3, 2, AT.plusSeconds(60), "clinician",
                Decision.OVERRIDDEN, "Obs", "frail <patient>");
        auditTrail.records.add(new AuditEntryWithDecision(entry(3, "DECISION",
                "{\"decision\":\"OVERRIDDEN\",\"chosenOption\":\"Obs\"}", "{}"), null));
        auditTrail.records.add(new AuditEntryWithDecision(entry(2, "RECOMMENDATION",
                "{\"age\":\"63\",\"note\":\"</pre><script>x</script>\"}",
                "{\"options\":[{\"option\":\"Obs\",\"risk\":0.4}]}"), overridden));
        auditTrail.records.add(new AuditEntryWithDecision(entry(1, "RECOMMENDATION", "{}", "{}"), null));
        auditSearch.rows.add(row(3, RecordKind.DECISION, null));
        auditSearch.rows.add(row(2, RecordKind.RECOMMENDATION, overridden));
        auditSearch.rows.add(row(1, RecordKind.RECOMMENDATION, null));
    }

    @Test
    void theListShowsEachRecommendationsDecisionAndLinksToTheRecord() throws Exception {
        audit().doGet(get("/audit", Map.of()), response);

        String html = body.toString();
        assertEquals(1, auditSearch.queries.size(), "the page is a search");
        String decided = row(html, "2");
        assertTrue(decided.contains("data-decision=\"OVERRIDDEN\""), decided);
        assertTrue(decided.contains("Overridden") && decided.contains("option chosen: Obs"), decided);
        assertTrue(decided.contains("href=\"/audit/record?id=2\""), decided);
        assertTrue(row(html, "1").contains("no decision recorded yet"), row(html, "1"));
        assertFalse(row(html, "3").contains("no decision recorded yet"), "a decision record needs no decision");
        assertTrue(html.contains("id=\"verify-chain\""), "verification is offered");
        assertFalse(html.contains("id=\"chain-intact\""), "and not run on load");
        assertEquals(0, auditTrail.verifications);
        assertFalse(html.contains("??"), html);
    }

    @Test
    void verifyingTheChainShowsItsOutcomeOnTheAuditPage() throws Exception {
        auditTrail.verification = () -> new ChainVerification(true, 1234, null, null, null, AT);

        verify().doPost(post("/audit/verify"), response);

        assertEquals(302, status[0]);
        assertEquals("/audit#chain-verification", response.getHeader("Location"));
        String html = auditPage();
        assertEquals("The chain is intact: all 1,234 records checked match their seals and links (verified at "
                + "2026-11-25T04:00:00Z UTC).", textOf(html, "chain-intact"));
        assertEquals(1, auditTrail.verifications);
    }

    @Test
    void aKeptCheckpointIsVerifiedAgainstAndAnAlteredOneIsRefused() throws Exception {
        auditTrail.verification = () -> new ChainVerification(true, 12, null, null, null, AT);
        String good = new ChainCheckpoint(12, "a".repeat(64), AT, "ab".repeat(32)).asText();

        verify().doPost(WebFakes.request(context, "POST", "/audit/verify", Map.of("checkpoint", good), "compliance",
                Set.of("compliance-officer"), session), response);

        assertEquals(12, auditTrail.verifiedAgainst.sequenceNumber());
        String html = auditPage();
        assertTrue(html.contains("id=\"chain-intact\""), html);
        assertEquals("Verified against the kept checkpoint of chain position 12.", textOf(html, "checked-against"));

        String altered = new ChainCheckpoint(12, "a".repeat(64), AT, "cd".repeat(32)).asText();
        verify().doPost(WebFakes.request(context, "POST", "/audit/verify", Map.of("checkpoint", altered),
                "compliance", Set.of("compliance-officer"), session),
                WebFakes.response(new StringWriter(),
                        new int[1]));
        String refused = auditPage();
        assertTrue(textOf(refused, "checkpoint-refused").contains("signature does not match"), refused);
        assertFalse(refused.contains("chain-intact"), "a refused checkpoint is never reported as intact");
    }

    @Test
    void theLastRecordedVerificationByAnyoneIsShownWithItsTime() throws Exception {
        assertTrue(auditPage().contains("id=\"never-verified\""));

        auditTrail.lastRecorded = new ChainVerification(true, 77, null, null, null, AT);
        assertEquals("Last verification (by anyone): 2026-11-25T04:00:00Z UTC, the chain was intact (77 records).",
                textOf(auditPage(), "last-verification"));
    }

    @Test
    void aBrokenChainNamesTheFirstRecordAtFault() throws Exception {
        auditTrail.verification = () -> new ChainVerification(false, 9, 10L, 10L, "the record's hash differs", AT);

        verify().doPost(post("/audit/verify"), response);

        String html = auditPage();
        assertTrue(html.contains("id=\"chain-broken\""), html);
        assertEquals("10", textOf(html, "chain-broken-record"));
        assertEquals("the record&#39;s hash differs", textOf(html, "chain-broken-problem"));
        assertFalse(html.contains("chain-intact"));
    }

    @Test
    void aVerificationThatCouldNotRunIsNeverReportedAsIntact() throws Exception {
        auditTrail.verification = () -> {
            throw new EJBException("oncocds.audit.seal-key is not set");
        };

        verify().doPost(post("/audit/verify"), response);

        String html = auditPage();
        assertTrue(textOf(html, "chain-not-verified").startsWith("The chain could NOT be verified"), html);
        assertFalse(html.contains("chain-intact"));
        assertFalse(html.contains("seal-key"), "the cause stays in the server log");
    }

    @Test
    void theRecordDetailShowsInputsAndOutputsLaidOutAndEscapedWithTheDecision() throws Exception {
        detail().doGet(get("/audit/record", Map.of("id", "2")), response);

        String html = body.toString();
        assertEquals(0, auditTrail.listedLimit, "the record is looked up by its id, not searched for in a list");
        assertTrue(html.contains("<main id=\"record-detail\" data-record-id=\"2\">"), html);
        assertTrue(html.contains("{\n  &quot;age&quot;: &quot;63&quot;,"), html);
        assertFalse(html.contains("<script>x"), "stored text is escaped");
        assertTrue(html.contains("&lt;/pre&gt;&lt;script&gt;x&lt;/script&gt;"), html);
        assertEquals("Overridden", textOf(html, "record-decision-outcome"));
        assertEquals("Obs", textOf(html, "record-decision-option"));
        assertEquals("frail &lt;patient&gt;", textOf(html, "record-decision-reason"));
        assertTrue(html.contains("href=\"/audit/record?id=3\""), "links to the decision's own record");
        assertFalse(html.contains("??"), html);
    }

    @Test
    void aRecordWithoutDecisionSaysSoAndUnknownRecordsAreNotFound() throws Exception {
        detail().doGet(get("/audit/record", Map.of("id", "1")), response);
        assertTrue(textOf(body.toString(), "record-decision-pending").startsWith("no decision"));

        int[] missing = new int[1];
        detail().doGet(get("/audit/record", Map.of("id", "99")), WebFakes.response(new StringWriter(), missing));
        assertEquals(404, missing[0]);
        int[] malformed = new int[1];
        detail().doGet(get("/audit/record", Map.of("id", "x")), WebFakes.response(new StringWriter(), malformed));
        assertEquals(404, malformed[0]);
    }

    private String auditPage() throws Exception {
        StringWriter page = new StringWriter();
        audit().doGet(get("/audit", Map.of()), WebFakes.response(page, new int[1]));
        return page.toString();
    }

    private AuditServlet audit() {
        AuditServlet servlet = new AuditServlet();
        servlet.auditSearch = auditSearch;
        servlet.auditTrail = auditTrail;
        servlet.pages = pages;
        return servlet;
    }

    private ChainVerificationServlet verify() {
        ChainVerificationServlet servlet = new ChainVerificationServlet();
        servlet.auditTrail = auditTrail;
        return servlet;
    }

    private AuditRecordServlet detail() {
        AuditRecordServlet servlet = new AuditRecordServlet();
        servlet.auditTrail = auditTrail;
        servlet.pages = pages;
        return servlet;
    }

    private jakarta.servlet.http.HttpServletRequest get(String path, Map<String, String> parameters) {
        return WebFakes.request(context, "GET", path, parameters, "compliance", Set.of("compliance-officer"),
                session);
    }

    private jakarta.servlet.http.HttpServletRequest post(String path) {
        return WebFakes.request(context, "POST", path, Map.of(), "compliance", Set.of("compliance-officer"),
                session);
    }

    private static AuditRow row(long id, RecordKind kind, RecordedDecision decision) {
        boolean governance = kind == RecordKind.GOVERNANCE;
        return new AuditRow(id, id, AT.plusSeconds(id), kind, "clinician", "clinician", "request-" + id, governance
                ? null
                : PSEUDONYM, governance ? null : "colon-recurrence-5y", governance ? null : "colon-recurrence-5y/1",
                governance ? null : "b".repeat(64), governance ? "LOGIN" : null, governance ? "user clinician" : null,
                "{}", "{}", kind == RecordKind.DECISION ? 2L : null, kind == RecordKind.DECISION ? "OVERRIDDEN" : null,
                kind == RecordKind.DECISION ? "Obs" : null, null, decision);
    }

    private static AuditEntry entry(long id, String kind, String inputs, String outputs) {
        return new AuditEntry(id, AT.plusSeconds(id), kind, "clinician", "clinician", PSEUDONYM,
                "colon-recurrence-5y", "colon-recurrence-5y/1", "b".repeat(64), inputs, outputs, "request-" + id);
    }

    private static String row(String html, String id) {
        int start = html.indexOf("data-record-id=\"" + id + "\"");
        if (start < 0) {
            throw new AssertionError("no record " + id + " in " + html);
        }
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static String textOf(String html, String id) {
        Matcher matcher = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no element #" + id + " in " + html);
        }
        return matcher.group(1).trim();
    }
}
