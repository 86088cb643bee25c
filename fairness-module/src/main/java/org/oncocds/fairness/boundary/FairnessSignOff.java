package org.oncocds.fairness.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.oncocds.audit.boundary.GovernanceAction;
import org.oncocds.audit.boundary.GovernanceEvent;
import org.oncocds.audit.boundary.GovernanceLog;
import org.oncocds.fairness.entity.SignOff;
import java.util.Optional;
import org.oncocds.prediction.boundary.LifecycleRefusedException;
import org.oncocds.prediction.boundary.LifecycleState;
import org.oncocds.prediction.boundary.ModelVersionSummary;
import org.oncocds.prediction.boundary.ModelVersions;
import org.oncocds.fairness.entity.StoredReport;

/**
 * The fairness gate: a compliance officer approves or rejects a model version's stored bias report with a written
 * comment, once per report; anyone signed in can see where a model version stands (a clinician looking at one of its
 * predictions, the portal). Who decided is taken from the container's security context, never from the caller.
 */
@Stateless
@DeclareRoles({Roles.CLINICIAN, Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
public class FairnessSignOff extends FairnessTables {

    /** SQLSTATE of a unique-key violation (H2 and PostgreSQL). */
    private static final String UNIQUE_VIOLATION = "23505";

    /** The longest comment a decision may carry, in characters. */
    public static final int MAX_COMMENT_LENGTH = SignOff.COMMENT_LENGTH;

    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";

    @Resource
    SessionContext session;

    @EJB
    GovernanceLog governance;

    @EJB
    ModelVersions modelVersions;

    /**
     * Approves the model version the report was made for. For a cross-validation report of a registered model version
     * the version moves VALIDATED -> APPROVED (prediction's {@code ModelVersions.approve}) in the same transaction as
     * the sign-off and its audit record ({@code FAIRNESS_REPORT_APPROVED}): all three commit, or none. A version
     * already APPROVED or ACTIVE keeps its state; the registry refuses DRAFT and RETIRED versions.
     *
     * @throws SignOffRefusedException
     *             ({@code comment}) when the comment is missing, blank or longer than {@value #MAX_COMMENT_LENGTH}
     *             characters; ({@code reportId}) when no report has that id or it already has a decision;
     *             ({@code modelVersion}) when the model registry refuses the approval (e.g. the version is not
     *             VALIDATED), with its reason. Nothing is written.
     */
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    public FairnessStatus approve(long reportId, String comment) {
        return decide(reportId, APPROVED, comment);
    }

    /**
     * Rejects the model version the report was made for, recorded as {@code FAIRNESS_REPORT_REJECTED}; refused as
     * {@link #approve} ({@code comment}, {@code reportId}). The version's lifecycle state does not change: it cannot
     * be activated without an approval.
     */
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    public FairnessStatus reject(long reportId, String comment) {
        return decide(reportId, REJECTED, comment);
    }

    /**
     * Where the model version stands: the latest decision on any of its stored reports, or not reviewed.
     *
     * @throws SignOffRefusedException
     *             ({@code modelVersion}) when it is missing or blank
     */
    @RolesAllowed({Roles.CLINICIAN, Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
    public FairnessStatus statusOf(String modelVersion) {
        if (modelVersion == null || modelVersion.isBlank()) {
            throw new SignOffRefusedException("modelVersion", "a model version is required");
        }
        return entityManager.createNamedQuery(SignOff.OF_MODEL_VERSION_NEWEST_FIRST, SignOff.class).setParameter(
                "modelVersion", modelVersion).setMaxResults(1).getResultList().stream().findFirst().map(
                        this::status)
                .orElseGet(() -> FairnessStatus.notReviewed(modelVersion));
    }

    /**
     * The decision on one stored report: approved or rejected with who, when and the comment, or
     * {@link ReviewStatus#NOT_REVIEWED} while it has none.
     *
     * @throws SignOffRefusedException
     *             ({@code reportId}) when no report has that id
     */
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
    public FairnessStatus decisionOn(long reportId) {
        StoredReport report = entityManager.find(StoredReport.class, reportId);
        if (report == null) {
            throw new SignOffRefusedException("reportId", "there is no stored bias report " + reportId);
        }
        return decisionOn(entityManager, report);
    }

    static FairnessStatus decisionOn(EntityManager entityManager, StoredReport report) {
        return entityManager.createNamedQuery(SignOff.OF_REPORT, SignOff.class).setParameter("reportId", report
                .getId()).getResultList().stream().findFirst().map(signOff -> status(signOff, report)).orElseGet(
                        () -> FairnessStatus.notReviewed(report.getModelVersion()));
    }

    private FairnessStatus decide(long reportId, String decision, String comment) {
        String checkedComment = checkedComment(comment);
        StoredReport report = entityManager.find(StoredReport.class, reportId);
        if (report == null) {
            throw new SignOffRefusedException("reportId", "there is no stored bias report " + reportId);
        }
        entityManager.createNamedQuery(SignOff.OF_REPORT, SignOff.class).setParameter("reportId", reportId)
                .getResultList().stream().findFirst().ifPresent(existing -> {
                    throw new SignOffRefusedException("reportId", "report " + reportId + " was already "
                            + existing.getDecision().toLowerCase() + " by " + existing.getDecidedBy() + " at "
                            + existing.getDecidedAt() + "; a report takes one decision, store a new report to "
                            + "review again");
                });
        SignOff signOff = new SignOff(report, decision, checkedComment, session.getCallerPrincipal().getName(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        entityManager.persist(signOff);
        flushOneDecision(reportId);
        // The comment stays in the sign-off row: free text is kept out of the audit trail's details.
        governance.record(new GovernanceEvent(null, APPROVED.equals(decision)
                ? GovernanceAction.FAIRNESS_REPORT_APPROVED
                : GovernanceAction.FAIRNESS_REPORT_REJECTED, "bias-report " + reportId,
                Map.of("modelVersion", report
                        .getModelVersion(), "reportVersion", String.valueOf(report.getReportVersion()),
                        "reportSha256", report.getReportSha256(), "signOffId", String.valueOf(signOff.getId()))));
        if (APPROVED.equals(decision)) {
            approveRegisteredVersion(report);
        }
        return status(signOff, report);
    }

    /**
     * Writes the sign-off now. Of two decisions on one report at once, both pass the check above; the unique key on the
     * report id makes the second insert wait for the first to commit and then fail: it is refused (no row lock, which
     * on PostgreSQL would need UPDATE rights the application's role does not have).
     */
    void flushOneDecision(long reportId) {
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    throw new SignOffRefusedException("reportId", "report " + reportId + " was decided by someone "
                            + "else at the same moment; a report takes one decision, store a new report to review "
                            + "again");
                }
            }
            throw e;
        }
    }

    /**
     * Cross-validation reports gate the model registry; an upload under a name of the registry's does not (its rows
     * are not the version's own predictions). A version already APPROVED or ACTIVE stays as it is (a re-review's
     * approval confirms it); any other state is the registry's to accept (VALIDATED) or refuse (DRAFT, RETIRED).
     */
    private void approveRegisteredVersion(StoredReport report) {
        String version = report.getModelVersion();
        if (!ModelBiasReports.CROSS_VALIDATION.equals(report.getSubject().source())) {
            return;
        }
        Optional<LifecycleState> state = modelVersions.byVersion(version).map(ModelVersionSummary::state);
        if (state.isEmpty() || state.get() == LifecycleState.APPROVED || state.get() == LifecycleState.ACTIVE) {
            return;
        }
        try {
            modelVersions.approve(version, report.getId());
        } catch (LifecycleRefusedException refused) {
            throw new SignOffRefusedException("modelVersion", "the model registry refused to approve " + version
                    + " (" + refused.getMessage() + "); nothing was signed off");
        }
    }

    private static String checkedComment(String comment) {
        if (comment == null || comment.isBlank()) {
            throw new SignOffRefusedException("comment", "a written comment is required");
        }
        String stripped = comment.strip();
        if (stripped.length() > MAX_COMMENT_LENGTH) {
            throw new SignOffRefusedException("comment", "the comment has " + stripped.length()
                    + " characters, at most " + MAX_COMMENT_LENGTH + " are kept");
        }
        return stripped;
    }

    private FairnessStatus status(SignOff signOff) {
        return status(signOff, entityManager.find(StoredReport.class, signOff.getReportId()));
    }

    private static FairnessStatus status(SignOff signOff, StoredReport report) {
        return new FairnessStatus(signOff.getModelVersion(), ReviewStatus.valueOf(signOff.getDecision()), signOff
                .getReportId(), report.getReportVersion(), signOff.getDecidedBy(), signOff.getDecidedAt(),
                signOff
                        .getComment());
    }
}
