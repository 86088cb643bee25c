package org.oncocds.portal.login;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.oncocds.audit.boundary.GovernanceLog;
import org.oncocds.audit.boundary.GovernanceRefusedException;
import org.oncocds.portal.admin.KeycloakUsers;

/**
 * Failed logins happen at Keycloak, not in the portal: every {@code oncocds.keycloak-events.interval-seconds} this
 * reads Keycloak's stored {@code LOGIN_ERROR} events through its admin REST API (as the service account of user
 * administration, which needs {@code view-events}) and records each as a LOGIN_FAILED governance record, exactly once
 * across restarts and servers ({@link GovernanceLog#recordOnce}).
 * <p>
 * It resumes from the newest Keycloak event the audit trail holds, less {@link #OVERLAP}, and records oldest first,
 * stopping at the first record that cannot be written, so an event is never skipped: what was not recorded is read
 * again next time (Keycloak keeps its events for the realm's {@code eventsExpiration}). Keycloak or the audit trail
 * being unreachable is logged as a WARNING once per outage, and its end at INFO.
 */
@ApplicationScoped
public class FailedLoginImport {

    private static final Logger LOG = Logger.getLogger(FailedLoginImport.class.getName());

    static final String ENABLED = "oncocds.keycloak-events.enabled";
    static final String INTERVAL = "oncocds.keycloak-events.interval-seconds";
    static final int MIN_INTERVAL_SECONDS = 5;
    static final int MAX_INTERVAL_SECONDS = 3600;

    /** Events this much older than the newest recorded one are read again (their order in time and in the store may differ). */
    static final Duration OVERLAP = Duration.ofMinutes(5);

    static final String TYPE = "LOGIN_ERROR";
    static final int PAGE = 100;

    @Inject
    KeycloakUsers keycloak;

    @Inject
    GovernanceLog governance;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = ENABLED, defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = INTERVAL, defaultValue = "30")
    int intervalSeconds;

    /** Ids handled by this server within the overlap, so that they are not offered to the audit trail again. */
    private final Map<String, Instant> handled = new ConcurrentHashMap<>();
    private volatile boolean keycloakAnswers = true;
    private volatile boolean auditAnswers = true;
    private ScheduledFuture<?> running;

    /** Starts the import with the application (a bad interval fails the deployment, naming the property). */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        checkInterval(intervalSeconds);
        if (!enabled) {
            LOG.info(() -> "failed logins are not imported from Keycloak: " + ENABLED + " is false");
            return;
        }
        if (!keycloak.configured()) {
            LOG.info("failed logins are not imported from Keycloak: oncocds.user-admin.client-secret is not set");
            return;
        }
        running = scheduler.scheduleWithFixedDelay(this::importSafely, intervalSeconds, intervalSeconds,
                TimeUnit.SECONDS);
        LOG.info(() -> "failed logins are imported from Keycloak every " + intervalSeconds + " s");
    }

    @PreDestroy
    void stop() {
        if (running != null) {
            running.cancel(false);
        }
    }

    static void checkInterval(int seconds) {
        if (seconds < MIN_INTERVAL_SECONDS || seconds > MAX_INTERVAL_SECONDS) {
            throw new IllegalStateException(INTERVAL + " must be " + MIN_INTERVAL_SECONDS + " to "
                    + MAX_INTERVAL_SECONDS + " seconds, was " + seconds);
        }
    }

    /** One run; an exception would end the schedule, so none leaves. */
    void importSafely() {
        try {
            importOnce();
        } catch (RuntimeException unexpected) {
            LOG.log(Level.WARNING, "the import of failed logins from Keycloak failed; it runs again", unexpected);
        }
    }

    /**
     * Reads Keycloak's failed logins since the newest one recorded (less the overlap) and records the new ones.
     *
     * @return how many were recorded now
     */
    int importOnce() {
        Optional<Instant> newest;
        try {
            newest = governance.latestExternalEventTime(FailedLogin.EXTERNAL_ID_PREFIX);
        } catch (RuntimeException unavailable) {
            auditFailed(unavailable);
            return 0;
        }
        Instant since = newest.map(time -> time.minus(OVERLAP)).orElse(null);
        List<FailedLogin> logins;
        try {
            logins = read(since);
        } catch (RuntimeException unavailable) {
            if (keycloakAnswers) {
                keycloakAnswers = false;
                LOG.warning("Keycloak's events could not be read (" + unavailable.getMessage() + "); failed logins "
                        + "are imported when it answers again");
            }
            return 0;
        }
        if (!keycloakAnswers) {
            keycloakAnswers = true;
            LOG.info("Keycloak's events can be read again; importing failed logins");
        }
        return record(logins, since);
    }

    private int record(List<FailedLogin> logins, Instant since) {
        int recorded = 0;
        for (FailedLogin login : logins.stream().sorted(Comparator.comparing(FailedLogin::time)).toList()) {
            if ((since != null && login.time().isBefore(since)) || handled.containsKey(login.eventId())) {
                continue;
            }
            try {
                if (governance.recordOnce(login.externalId(), login.time(), login.governanceEvent()).isPresent()) {
                    recorded++;
                }
            } catch (GovernanceRefusedException refused) {
                LOG.severe("Keycloak event " + login.eventId() + " (failed login) was refused by the audit trail at "
                        + refused.field() + ": " + refused.getMessage());
            } catch (RuntimeException unavailable) {
                auditFailed(unavailable);
                return recorded;
            }
            handled.put(login.eventId(), login.time());
        }
        if (!auditAnswers) {
            auditAnswers = true;
            LOG.info("the audit trail records failed logins again");
        }
        if (since != null) {
            handled.values().removeIf(time -> time.isBefore(since));
        }
        return recorded;
    }

    /** Every failed login Keycloak holds from the day before {@code since} (all when null), page by page. */
    private List<FailedLogin> read(Instant since) {
        LocalDate from = since == null ? null : LocalDate.ofInstant(since, ZoneOffset.UTC).minusDays(1);
        List<FailedLogin> all = new ArrayList<>();
        for (int first = 0;; first += PAGE) {
            JsonArray page = keycloak.events(TYPE, from, first, PAGE);
            for (JsonValue event : page) {
                try {
                    all.add(FailedLogin.of(event.asJsonObject()));
                } catch (IllegalArgumentException | ClassCastException unreadable) {
                    LOG.warning("a Keycloak event could not be read as a failed login: " + unreadable.getMessage());
                }
            }
            if (page.size() < PAGE) {
                return all;
            }
        }
    }

    private void auditFailed(RuntimeException unavailable) {
        if (auditAnswers) {
            auditAnswers = false;
            LOG.log(Level.WARNING, "failed logins could not be recorded in the audit trail; they are recorded when "
                    + "it answers again", unavailable);
        }
    }
}
