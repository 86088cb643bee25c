package org.oncocds.portal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import org.junit.jupiter.api.Test;
import org.oncocds.portal.admin.LifecycleServlet;
import org.oncocds.portal.admin.ModelCardServlet;
import org.oncocds.portal.admin.ModelsServlet;
import org.oncocds.portal.admin.TrainingJobServlet;
import org.oncocds.portal.admin.TrainingServlet;
import org.oncocds.portal.admin.UsersServlet;
import org.oncocds.portal.audit.AuditExportServlet;
import org.oncocds.portal.audit.AuditRecordServlet;
import org.oncocds.portal.audit.AuditSearchServlet;
import org.oncocds.portal.audit.CheckpointServlet;
import org.oncocds.portal.audit.AuditServlet;
import org.oncocds.portal.audit.ChainVerificationServlet;
import org.oncocds.portal.cases.CandidacyServlet;
import org.oncocds.portal.cases.CaseResultServlet;
import org.oncocds.portal.cases.DecisionServlet;
import org.oncocds.portal.cases.NewCaseServlet;
import org.oncocds.portal.errors.ErrorPages;
import org.oncocds.portal.fairness.FairnessDecisionServlet;
import org.oncocds.portal.fairness.FairnessExportServlet;
import org.oncocds.portal.fairness.FairnessReportServlet;
import org.oncocds.portal.fairness.FairnessReportsServlet;
import org.oncocds.portal.fairness.FairnessServlet;
import org.oncocds.portal.fairness.FairnessUploadServlet;
import org.oncocds.portal.fairness.MonitoringServlet;
import org.oncocds.portal.home.HomeServlet;
import org.oncocds.portal.login.CallbackServlet;
import org.oncocds.portal.login.LogoutServlet;
import org.oncocds.portal.login.SignedOutServlet;
import org.oncocds.portal.outcomes.OutcomeServlet;
import org.oncocds.portal.status.StatusServlet;

/** Who may open which page: the container enforces these annotations before any portal code runs. */
class AccessRulesTest {

    @Test
    void newCasesAndTheirResultsAreForCliniciansOnly() {
        assertArrayEquals(new String[]{"clinician"}, rolesOf(NewCaseServlet.class));
        assertArrayEquals(new String[]{"clinician"}, rolesOf(CaseResultServlet.class));
    }

    @Test
    void outcomesAreRecordedByCliniciansOnly() {
        assertArrayEquals(new String[]{"clinician", "data-manager"}, rolesOf(OutcomeServlet.class));
        assertArrayEquals(new String[]{"clinician"}, rolesOf(CandidacyServlet.class));
    }

    @Test
    void decisionsAreForCliniciansOnly() {
        assertArrayEquals(new String[]{"clinician"}, rolesOf(DecisionServlet.class));
    }

    @Test
    void theAuditTrailIsForComplianceOfficersOnly() {
        assertArrayEquals(new String[]{"compliance-officer"}, rolesOf(AuditServlet.class));
        assertArrayEquals(new String[]{"compliance-officer"}, rolesOf(AuditRecordServlet.class));
        assertArrayEquals(new String[]{"compliance-officer"}, rolesOf(ChainVerificationServlet.class));
        assertArrayEquals(new String[]{"compliance-officer"}, rolesOf(AuditSearchServlet.class));
        assertArrayEquals(new String[]{"compliance-officer"}, rolesOf(AuditExportServlet.class));
        assertArrayEquals(new String[]{"compliance-officer"}, rolesOf(CheckpointServlet.class));
    }

    @Test
    void fairnessReviewsAreForComplianceOfficersOnly() {
        for (Class<?> page : new Class<?>[]{FairnessServlet.class, FairnessReportServlet.class,
                FairnessDecisionServlet.class, FairnessExportServlet.class, FairnessUploadServlet.class,
                FairnessReportsServlet.class, MonitoringServlet.class}) {
            assertArrayEquals(new String[]{"compliance-officer"}, rolesOf(page), page.getSimpleName());
        }
    }

    @Test
    void modelAdministrationIsForAdministratorsOnly() {
        for (Class<?> page : new Class<?>[]{ModelsServlet.class, ModelCardServlet.class, LifecycleServlet.class,
                TrainingServlet.class, TrainingJobServlet.class, UsersServlet.class}) {
            assertArrayEquals(new String[]{"admin"}, rolesOf(page), page.getSimpleName());
        }
    }

    @Test
    void theStartPageNeedsOneOfThePortalsRoles() {
        assertArrayEquals(new String[]{"clinician", "compliance-officer", "admin"}, rolesOf(HomeServlet.class));
        assertEquals("", HomeServlet.class.getAnnotation(WebServlet.class).value()[0], "exactly the context root");
    }

    @Test
    void statusLoginAndErrorPagesAreOpen() {
        for (Class<?> open : new Class<?>[]{StatusServlet.class, CallbackServlet.class, LogoutServlet.class,
                SignedOutServlet.class, ErrorPages.class}) {
            assertNull(open.getAnnotation(ServletSecurity.class), open.getSimpleName());
        }
    }

    private static String[] rolesOf(Class<?> servlet) {
        return servlet.getAnnotation(ServletSecurity.class).value().rolesAllowed();
    }
}
