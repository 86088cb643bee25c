package org.oncocds.audit.boundary;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.oncocds.audit.entity.AuditRecord;
import org.oncocds.audit.entity.ExternalEvent;
import org.oncocds.audit.entity.JsonText;

/**
 * The checks a {@link GovernanceEvent} must pass before anything is locked or written, and its details as canonical
 * JSON. Messages never repeat a value.
 */
final class GovernanceRules {

    static final int MAX_SUBJECT_LENGTH = AuditRecord.SUBJECT_LENGTH;
    static final int MAX_DETAILS = 32;
    static final int MAX_DETAIL_KEY_LENGTH = 64;
    static final int MAX_DETAIL_VALUE_LENGTH = 1000;

    private GovernanceRules() {
    }

    /** The event checked, with its request id filled in and its details as canonical JSON. */
    record Checked(String requestId, GovernanceAction action, String subject, String detailsJson) {
    }

    /** The details key under which {@link GovernanceLog#recordOnce} keeps the external event's id in the record. */
    static final String EXTERNAL_ID_KEY = "externalEventId";
    /** The details key under which {@link GovernanceLog#recordOnce} keeps the external event's time (ISO-8601, UTC). */
    static final String EXTERNAL_TIME_KEY = "externalEventTime";

    /** The longest external event id, in characters. */
    static final int MAX_EXTERNAL_ID_LENGTH = ExternalEvent.ID_LENGTH;

    /**
     * The checked external event id: required, not blank, at most {@value #MAX_EXTERNAL_ID_LENGTH} characters, no
     * surrounding white space (so one event cannot be recorded again under a padded id).
     */
    static String checkExternalId(String externalEventId, String field) {
        if (externalEventId == null || externalEventId.isBlank()) {
            throw new GovernanceRefusedException(field, "is required");
        }
        if (externalEventId.length() > MAX_EXTERNAL_ID_LENGTH) {
            throw new GovernanceRefusedException(field, "is longer than " + MAX_EXTERNAL_ID_LENGTH + " characters");
        }
        if (!externalEventId.strip().equals(externalEventId)) {
            throw new GovernanceRefusedException(field, "starts or ends with white space");
        }
        return externalEventId;
    }

    /**
     * An externally caused event checked like {@link #check}, with the external id (and time, when given) added to its
     * details so the sealed record names the event it was imported from.
     */
    static Checked checkExternal(String externalEventId, Instant occurredAt, GovernanceEvent event) {
        check(event);
        Map<String, String> details = new HashMap<>();
        if (event.details() != null) {
            for (String reserved : new String[]{EXTERNAL_ID_KEY, EXTERNAL_TIME_KEY}) {
                if (event.details().containsKey(reserved)) {
                    throw new GovernanceRefusedException("details", "must not use the key '" + reserved
                            + "': recordOnce adds it");
                }
            }
            details.putAll(event.details());
        }
        details.put(EXTERNAL_ID_KEY, externalEventId);
        if (occurredAt != null) {
            details.put(EXTERNAL_TIME_KEY, occurredAt.toString());
        }
        return check(new GovernanceEvent(event.requestId(), event.action(), event.subject(), details));
    }

    static Checked check(GovernanceEvent event) {
        if (event == null) {
            throw new GovernanceRefusedException("event", "is required");
        }
        if (event.action() == null) {
            throw new GovernanceRefusedException("action", "is required");
        }
        String subject = event.subject();
        if (subject == null || subject.isBlank()) {
            throw new GovernanceRefusedException("subject", "is required");
        }
        if (subject.length() > MAX_SUBJECT_LENGTH) {
            throw new GovernanceRefusedException("subject", "is longer than " + MAX_SUBJECT_LENGTH + " characters");
        }
        String requestId = event.requestId();
        if (requestId == null || requestId.isBlank()) {
            requestId = UUID.randomUUID().toString();
        } else if (requestId.length() > AuditRecord.ID_LENGTH) {
            throw new GovernanceRefusedException("requestId", "is longer than " + AuditRecord.ID_LENGTH
                    + " characters");
        }
        return new Checked(requestId, event.action(), subject, detailsJson(event.details()));
    }

    private static String detailsJson(Map<String, String> details) {
        SortedMap<String, String> sorted = new TreeMap<>();
        if (details == null) {
            return JsonText.flatObject(sorted);
        }
        if (details.size() > MAX_DETAILS) {
            throw new GovernanceRefusedException("details", "has more than " + MAX_DETAILS + " entries");
        }
        for (Map.Entry<String, String> entry : details.entrySet()) {
            String key = entry.getKey();
            if (key == null || key.isBlank()) {
                throw new GovernanceRefusedException("details", "has a blank key");
            }
            if (key.length() > MAX_DETAIL_KEY_LENGTH) {
                throw new GovernanceRefusedException("details", "has a key longer than " + MAX_DETAIL_KEY_LENGTH
                        + " characters");
            }
            if (entry.getValue() == null) {
                throw new GovernanceRefusedException("details", "has no value for key '" + key + "'");
            }
            if (entry.getValue().length() > MAX_DETAIL_VALUE_LENGTH) {
                throw new GovernanceRefusedException("details", "value of '" + key + "' is longer than "
                        + MAX_DETAIL_VALUE_LENGTH + " characters");
            }
            sorted.put(key, entry.getValue());
        }
        return JsonText.flatObject(sorted);
    }
}
