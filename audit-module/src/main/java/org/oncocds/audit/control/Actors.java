package org.oncocds.audit.control;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.oncocds.audit.entity.AuditRecord;

/** Who caused a record, from the container's security context: never from what a caller passes in. */
public final class Actors {

    /** The actor name of a caller the container has not authenticated. */
    public static final String ANONYMOUS = "anonymous";

    /** The application's roles, in the fixed order a record lists them. */
    public static final List<String> APPLICATION_ROLES = List.of("clinician", "compliance-officer", "admin");

    /** The name Payara (GlassFish) gives an unauthenticated caller's principal. */
    private static final String CONTAINER_ANONYMOUS = "anonymous";

    private Actors() {
    }

    /**
     * The caller as a record's actor: the principal's name (or {@value #ANONYMOUS} when the caller is not
     * authenticated) and its application roles, comma-separated in {@link #APPLICATION_ROLES} order.
     */
    public static AuditRecord.Actor of(Principal principal, Predicate<String> isCallerInRole) {
        String name = principal == null ? null : principal.getName();
        if (name == null || name.isBlank() || name.toLowerCase(Locale.ROOT).equals(CONTAINER_ANONYMOUS)) {
            name = ANONYMOUS;
        }
        RecordFields.requireText("actor name", name, AuditRecord.NAME_LENGTH);
        String roles = APPLICATION_ROLES.stream().filter(isCallerInRole).collect(Collectors.joining(","));
        return new AuditRecord.Actor(name, roles);
    }
}
