package org.oncocds.fairness.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oncocds.audit.boundary.RecommendationFact;
import org.oncocds.audit.boundary.RecommendationHistory;
import org.oncocds.fairness.entity.PatientOutcome;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.Tasks;

/**
 * Bias on live use: the task's audited recommendations (audit's {@link RecommendationHistory}) joined with the
 * outcomes recorded later for the same patient pseudonyms ({@link PatientOutcomes}), one bias report per calendar month
 * (UTC) and a trend per disparity for the portal's chart. An outcome belongs to the recommendation it follows (the
 * patient's latest recommendation of the task recorded before the outcome); each patient counts once, at the
 * recommendation their newest outcome follows, else at their latest (see {@link MonitoringCounts}). The score is the
 * predicted risk under the option the clinician chose, else under the option the outputs recommend; the label follows
 * the task's horizon (see {@link RecordedOutcome#label()}).
 */
@Stateless
@DeclareRoles({Roles.CLINICIAN, Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
public class LiveMonitoring extends FairnessTables {

    /** The longest range one call covers, in months. */
    public static final int MAX_MONTHS = 60;

    @EJB
    RecommendationHistory history;

    @EJB
    Tasks tasks;

    /** The months {@code from} to {@code to} (inclusive) with the task's standard review. */
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
    public MonitoringReport monthly(String taskId, YearMonth from, YearMonth to) {
        BiasReportRequest request = ReviewPlans.standardRequest(taskId, ReviewPlans.STANDARD_AGE_CUTS,
                tasks::byId).orElseThrow(
                        () -> new InvalidBiasInputException("taskId", "taskId: task '" + taskId
                                + "' has no standard review; name the subgroups in a request"));
        return monthly(taskId, from, to, request);
    }

    /**
     * The months {@code from} to {@code to} (inclusive), each reported with {@code request}.
     *
     * @throws InvalidBiasInputException
     *             ({@code taskId}) unknown; ({@code from}, {@code to}) missing, to
     *             before from, or more than {@value #MAX_MONTHS} months; ({@code request}) missing; ({@code from}) when
     *             the task has more recommendations since {@code from} than the audit trail hands out at once (the
     *             recommendations after the range are read too: a later one may be the one an outcome follows)
     */
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
    public MonitoringReport monthly(String taskId, YearMonth from, YearMonth to, BiasReportRequest request) {
        TaskDescription task = (taskId == null ? Optional.<TaskDescription>empty() : tasks.byId(taskId))
                .orElseThrow(() -> new InvalidBiasInputException("taskId", "taskId: there is no prediction task '"
                        + taskId + "'"));
        double horizon = task.horizonDays();
        checkRange(from, to);
        if (request == null) {
            throw new InvalidBiasInputException("request", "request: a report request is required");
        }
        List<RecommendationFact> facts = recommendationsSince(taskId, from, to);
        return new OutcomeJoin(request, task.treatmentFeature()).report(taskId, from, to, horizon, facts,
                outcomesOf(taskId, horizon, facts));
    }

    private static void checkRange(YearMonth from, YearMonth to) {
        if (from == null || to == null) {
            String field = from == null ? "from" : "to";
            throw new InvalidBiasInputException(field, field + ": the first and last month are required");
        }
        if (to.isBefore(from)) {
            throw new InvalidBiasInputException("to", "to: the last month " + to + " is before the first " + from);
        }
        if (from.plusMonths(MAX_MONTHS - 1L).isBefore(to)) {
            throw new InvalidBiasInputException("to", "to: at most " + MAX_MONTHS + " months at once");
        }
    }

    /** From the first month of the range up to now (or the range's end, if later). */
    private List<RecommendationFact> recommendationsSince(String taskId, YearMonth from, YearMonth to) {
        Instant start = from.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant rangeEnd = to.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant now = Instant.now().plusMillis(1);
        try {
            return history.recommendations(taskId, start, now.isAfter(rangeEnd) ? now : rangeEnd);
        } catch (EJBException e) {
            if (e.getCause() instanceof IllegalArgumentException tooMany) {
                throw new InvalidBiasInputException("from", "from: the task has too many recommendations since " + from
                        + " to read at once (" + tooMany.getMessage() + "); start later");
            }
            throw e;
        }
    }

    /** Each patient's outcomes among the facts, in the order they were recorded (records are never changed). */
    private Map<String, List<RecordedOutcome>> outcomesOf(String taskId, double horizon,
            List<RecommendationFact> facts) {
        Set<String> patients = new HashSet<>();
        facts.forEach(fact -> patients.add(fact.patientPseudonym()));
        Map<String, List<RecordedOutcome>> outcomes = new HashMap<>();
        for (PatientOutcome outcome : entityManager.createNamedQuery(PatientOutcome.OF_TASK, PatientOutcome.class)
                .setParameter("taskId", taskId).getResultList()) {
            if (patients.contains(outcome.getPatientPseudonym())) {
                outcomes.computeIfAbsent(outcome.getPatientPseudonym(), p -> new ArrayList<>()).add(PatientOutcomes
                        .toRecord(outcome, horizon));
            }
        }
        return outcomes;
    }
}
