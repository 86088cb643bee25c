package org.oncocds.audit.boundary;

import java.util.Map;

/**
 * A security or governance event for {@link GovernanceLog#record}. The actor is not part of it: it comes from the
 * container's security context.
 *
 * @param requestId
 *            identifies the request across logs and records; optional (a fresh random id is recorded when absent), at
 *            most 128 characters
 * @param action
 *            what happened; required
 * @param subject
 *            what it is about, e.g. {@code "model colon-recurrence-5y/2"}, {@code "bias-report 7"}, {@code "user jdoe"},
 *            {@code "audit-export"}; required, not blank, at most 255 characters
 * @param details
 *            a small flat map stored as canonical JSON (keys sorted): at most 32 entries, keys not blank and at most 64
 *            characters, values not null and at most 1000 characters; may be null or empty. Never an MRN, token or
 *            password.
 */
public record GovernanceEvent(String requestId, GovernanceAction action, String subject, Map<String, String> details) {
}
