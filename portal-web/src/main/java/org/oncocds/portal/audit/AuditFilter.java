package org.oncocds.portal.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.oncocds.audit.boundary.AuditCursor;
import org.oncocds.audit.boundary.AuditQuery;
import org.oncocds.audit.boundary.DecisionFilter;
import org.oncocds.audit.boundary.RecordKind;

/**
 * The compliance officer's search of the audit trail as it travels in links: time range (UTC), user, patient pseudonym
 * (never the MRN: the search form posts the MRN and gets a link with its pseudonym), task, model version, decision,
 * record kind, and the keyset cursor of the page. Every refused value names its field.
 *
 * @param values
 *            the filter's values by parameter name as typed (blank when not given), in link order
 */
public record AuditFilter(Map<String, String> values, AuditQuery query, AuditCursor after, List<Problem> problems) {

    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String USER = "user";
    public static final String PATIENT = "patient";
    public static final String TASK = "task";
    public static final String MODEL_VERSION = "modelVersion";
    public static final String DECISION = "decision";
    public static final String KIND = "kind";
    public static final String AFTER = "after";

    /** The filter's parameters in the order links carry them. */
    static final List<String> NAMES = List.of(FROM, TO, USER, PATIENT, TASK, MODEL_VERSION, DECISION, KIND);

    private static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");

    /** A refused value: the field and the message key saying why. */
    public record Problem(String field, String messageKey) {
    }

    static AuditFilter read(Function<String, String> parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        NAMES.forEach(name -> values.put(name, strip(parameters.apply(name))));
        List<Problem> problems = new ArrayList<>();
        Instant from = instant(values.get(FROM), false, FROM, problems);
        Instant to = instant(values.get(TO), true, TO, problems);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(new Problem(TO, "audit.search.error.range"));
        }
        AuditQuery query = AuditQuery.any();
        if (from != null || to != null) {
            query = query.between(from, to);
        }
        if (!values.get(USER).isEmpty()) {
            query = query.byActor(values.get(USER));
        }
        String patient = values.get(PATIENT);
        if (!patient.isEmpty()) {
            if (PSEUDONYM.matcher(patient).matches()) {
                query = query.ofPatient(patient);
            } else {
                problems.add(new Problem(PATIENT, "audit.search.error.patient"));
            }
        }
        if (!values.get(TASK).isEmpty()) {
            query = query.ofTask(values.get(TASK));
        }
        if (!values.get(MODEL_VERSION).isEmpty()) {
            query = query.ofModelVersion(values.get(MODEL_VERSION));
        }
        DecisionFilter decision = choice(DecisionFilter.class, values.get(DECISION), DECISION, problems);
        if (decision != null) {
            query = query.withDecision(decision);
        }
        RecordKind kind = choice(RecordKind.class, values.get(KIND), KIND, problems);
        if (kind != null) {
            query = query.ofKind(kind);
        }
        AuditCursor after = null;
        String cursor = strip(parameters.apply(AFTER));
        if (!cursor.isEmpty()) {
            try {
                after = AuditCursor.parse(cursor);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(AFTER, "audit.search.error.after"));
            }
        }
        return new AuditFilter(values, query, after, List.copyOf(problems));
    }

    /** The filter as a query string (without the cursor), e.g. {@code task=colon-recurrence-5y&kind=DECISION}. */
    public String queryString() {
        StringBuilder query = new StringBuilder();
        values.forEach((name, value) -> {
            if (!value.isEmpty()) {
                query.append(query.length() == 0 ? "" : "&").append(name).append('=').append(URLEncoder.encode(value,
                        StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    public boolean refused() {
        return !problems.isEmpty();
    }

    public boolean refuses(String field) {
        return problems.stream().anyMatch(problem -> problem.field().equals(field));
    }

    public String problemKey(String field) {
        return problems.stream().filter(problem -> problem.field().equals(field)).map(Problem::messageKey)
                .findFirst().orElse("");
    }

    /** Accepts {@code 2026-11-25} (a whole day: as {@code to}, up to the end of that day) or {@code 2026-11-25T06:30}. */
    static Instant instant(String value, boolean endOfDay, String field, List<Problem> problems) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            if (value.length() <= 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(value.endsWith("Z") ? value.substring(0, value.length() - 1) : value)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, "audit.search.error.time"));
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, List<Problem> problems) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(field, "audit.search.error." + field));
            return null;
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
