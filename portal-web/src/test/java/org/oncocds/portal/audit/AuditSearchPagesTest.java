package org.oncocds.portal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oncocds.audit.boundary.AuditQuery;
import org.oncocds.audit.boundary.AuditRow;
import org.oncocds.audit.boundary.DecisionFilter;
import org.oncocds.audit.boundary.PatientPseudonyms;
import org.oncocds.audit.boundary.RecordKind;
import org.oncocds.portal.FakeAuditSearch;
import org.oncocds.portal.WebFakes;
import org.oncocds.portal.pages.Pages;

/** The audit search: filters into the query, the MRN never in a link, keyset pages, exports of the same filter. */
class AuditSearchPagesTest {

    private static final String PSEUDONYM = "f".repeat(64);

    private final ServletContext context = WebFakes.servletContext();
    private final HttpSession session = WebFakes.session();
    private final FakeAuditSearch auditSearch = new FakeAuditSearch();
    private final StringWriter body = new StringWriter();
    private final int[] status = new int[1];
    private final HttpServletResponse response = WebFakes.response(body, status);

    @Test
    void theMrnIsSearchedByItsPseudonymAndNeverPutIntoTheLink() throws Exception {
        AuditSearchServlet search = new AuditSearchServlet();
        search.pseudonyms = new PatientPseudonyms() {
            @Override
            public String pseudonymOf(String mrn) {
                return "MRN-4711".equals(mrn) ? PSEUDONYM : "0".repeat(64);
            }
        };

        search.doPost(request("POST", Map.of("mrn", " MRN-4711 ", "task", "colon-recurrence-5y", "decision",
                "OVERRIDDEN", "from", "2026-11-01")), response);

        String location = response.getHeader("Location");
        assertEquals(302, status[0]);
        assertTrue(location.startsWith("/audit?from=2026-11-01&patient=" + PSEUDONYM
                + "&task=colon-recurrence-5y&decision=OVERRIDDEN"), location);
        assertFalse(location.contains("4711"), "no MRN in a URL");
    }

    @Test
    void theFilterBecomesTheQueryAndTheNextPageLinkKeepsIt() throws Exception {
        for (long id = 60; id >= 1; id--) {
            auditSearch.rows.add(new AuditRow(id, id, Instant.parse("2026-11-25T05:00:00Z").plusSeconds(id),
                    RecordKind.GOVERNANCE, "compliance", "compliance-officer", "r", null, null, null, null, "LOGIN",
                    "user compliance", "{}", null, null, null, null, null, null));
        }

        audit().doGet(request("GET", Map.of("from", "2026-11-25", "to", "2026-11-25", "kind", "governance",
                "user", "compliance")), response);

        AuditQuery query = auditSearch.queries.get(0);
        assertEquals(Instant.parse("2026-11-25T00:00:00Z"), query.from());
        assertEquals(Instant.parse("2026-11-26T00:00:00Z"), query.toExclusive(), "a day given as end is included");
        assertEquals(RecordKind.GOVERNANCE, query.kind());
        assertEquals("compliance", query.actorName());
        String html = body.toString();
        assertEquals(AuditServlet.PAGE_SIZE, html.split("data-record-id=").length - 1);
        assertTrue(html.contains("href=\"/audit?from=2026-11-25&amp;to=2026-11-25&amp;user=compliance&amp;"
                + "kind=governance&amp;after=11-11\""), html);
        assertTrue(html.contains("href=\"/audit/export?format=fhir&amp;from=2026-11-25"), html);
        assertTrue(html.contains("data-action=\"LOGIN\""), html);
        assertFalse(html.contains("??"), html);

        StringWriter older = new StringWriter();
        audit().doGet(request("GET", Map.of("kind", "GOVERNANCE", "after", "11-11")), WebFakes.response(older,
                new int[1]));
        assertEquals(10, older.toString().split("data-record-id=").length - 1, "the rest, none repeated");
    }

    @Test
    void refusedFiltersNameTheFieldAndSearchNothing() throws Exception {
        audit().doGet(request("GET", Map.of("from", "yesterday", "decision", "MAYBE", "patient", "MRN-1")), response);

        assertEquals(400, status[0]);
        String html = body.toString();
        assertTrue(html.contains("id=\"error-from\""), html);
        assertTrue(html.contains("id=\"error-decision\""), html);
        assertTrue(html.contains("id=\"error-patient\""), html);
        assertEquals(0, auditSearch.queries.size());
    }

    @Test
    void theExportStreamsTheSameFilterAsCsvOrFhir() throws Exception {
        AuditExportServlet export = new AuditExportServlet();
        export.auditSearch = auditSearch;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, String> headers = new HashMap<>();

        export.doGet(request("GET", Map.of("format", "fhir", "decision", "accepted")), streaming(bytes, headers));

        assertEquals("fhir", bytes.toString());
        assertEquals(DecisionFilter.ACCEPTED, auditSearch.queries.get(0).decision());
        assertTrue(headers.get("Content-Type").startsWith("application/fhir+json"));
        assertTrue(headers.get("Content-Disposition").contains(".fhir.json"));
    }

    private AuditServlet audit() {
        AuditServlet servlet = new AuditServlet();
        servlet.auditSearch = auditSearch;
        servlet.auditTrail = new org.oncocds.portal.FakeAuditTrail();
        servlet.pages = new Pages(context);
        return servlet;
    }

    private HttpServletRequest request(String method, Map<String, String> parameters) {
        return WebFakes.request(context, method, "/audit", parameters, "compliance", Set.of("compliance-officer"),
                session);
    }

    private static HttpServletResponse streaming(ByteArrayOutputStream bytes, Map<String, String> headers) {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(AuditSearchPagesTest.class.getClassLoader(),
                new Class<?>[]{HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getOutputStream" -> out;
                    case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    default -> null;
                });
    }

}
