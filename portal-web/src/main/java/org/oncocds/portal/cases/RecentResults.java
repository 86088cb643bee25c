package org.oncocds.portal.cases;

import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The clinician's latest results in the session, by audit record id, so that the page after the redirect (and a reload
 * of it) shows the result without computing or recording it again.
 */
final class RecentResults {

    static final int KEPT = 10;

    private static final String ATTRIBUTE = RecentResults.class.getName();

    private RecentResults() {
    }

    static void keep(HttpSession session, CaseResult result) {
        LinkedHashMap<Long, CaseResult> results = new LinkedHashMap<>(current(session));
        results.put(result.auditRecordId(), result);
        while (results.size() > KEPT) {
            results.remove(results.keySet().iterator().next());
        }
        session.setAttribute(ATTRIBUTE, results);
    }

    static Optional<CaseResult> find(HttpSession session, long auditRecordId) {
        return Optional.ofNullable(current(session).get(auditRecordId));
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, CaseResult> current(HttpSession session) {
        Object results = session.getAttribute(ATTRIBUTE);
        return results instanceof Map<?, ?> map ? (Map<Long, CaseResult>) map : Map.of();
    }
}
