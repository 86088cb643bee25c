package org.oncocds.fairness.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oncocds.fairness.it.Causes.assertCausedBy;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oncocds.audit.boundary.AuditRow;
import org.oncocds.audit.boundary.Decision;
import org.oncocds.audit.boundary.DecisionEvent;
import org.oncocds.fairness.boundary.BiasReportRequest;
import org.oncocds.fairness.boundary.CsvColumns;
import org.oncocds.fairness.boundary.ExportFormat;
import org.oncocds.fairness.boundary.ExportInterruptedException;
import org.oncocds.fairness.boundary.ExportedReport;
import org.oncocds.fairness.boundary.FairnessSignOff;
import org.oncocds.fairness.boundary.FairnessStatus;
import org.oncocds.fairness.boundary.GroupMetric;
import org.oncocds.fairness.boundary.GroupReport;
import org.oncocds.fairness.boundary.GroupingReport;
import org.oncocds.fairness.boundary.InvalidBiasInputException;
import org.oncocds.fairness.boundary.ModelBiasReports;
import org.oncocds.fairness.boundary.MonitoringReport;
import org.oncocds.fairness.boundary.MonthlyBias;
import org.oncocds.fairness.boundary.OutcomeKind;
import org.oncocds.fairness.boundary.OutcomeRefusedException;
import org.oncocds.fairness.boundary.OutcomeReport;
import org.oncocds.fairness.boundary.PatientOutcomes;
import org.oncocds.fairness.boundary.RecordedOutcome;
import org.oncocds.fairness.boundary.ReviewStatus;
import org.oncocds.fairness.boundary.SignOffRefusedException;
import org.oncocds.fairness.boundary.StoredBiasReport;
import org.oncocds.prediction.boundary.CaseRequest;
import org.oncocds.prediction.boundary.LifecycleState;
import org.oncocds.prediction.boundary.ModelVersionSummary;
import org.oncocds.prediction.boundary.OptionRisk;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.TaskUpload;
import org.oncocds.prediction.boundary.TrainingJob;
import org.oncocds.prediction.boundary.TreatmentComparison;

/**
 * The fairness boundary in a managed Payara Micro on a fresh H2 file database, deployed with the prediction module
 * (which trains the colon model and cross-validates it at start) and the audit module (which defines the data source).
 * Callers act in a role through {@link ComplianceOfficerSession} and {@link ClinicianSession}.
 */
@ExtendWith(ArquillianExtension.class)
class BiasReportsIT {

    private static final String TASK = "colon-recurrence-5y";
    private static final String MODEL_VERSION = "colon-recurrence-5y/1";
    private static final String ROTTERDAM = "rotterdam-rfs-5y";
    private static final String ROTTERDAM_VERSION = ROTTERDAM + "/1";

    @EJB
    ComplianceOfficerSession complianceOfficer;

    @EJB
    ClinicianSession clinician;

    @EJB
    FairnessSignOff anonymousSignOff;

    @EJB
    ReportTamperer tamperer;

    @EJB
    AdminSession admin;

    @Deployment
    static WebArchive deployment() {
        // The fairness module as it ships: its classes, its persistence unit and its schema migrations, without the
        // tests.
        JavaArchive fairnessModule = ShrinkWrap.create(JavaArchive.class, "fairness-module.jar").addPackages(true,
                Filters.exclude(".*(Test|IT)\\.class|/org/oncocds/fairness/it/.*"), "org.oncocds.fairness")
                .addAsManifestResource("META-INF/persistence.xml", "persistence.xml");
        for (String migration : new String[]{"h2/V1__fairness_tables.sql", "postgresql/V1__fairness_tables.sql",
                "postgresql/app-role-grants.sql"}) {
            fairnessModule.addAsResource("db/fairness/" + migration);
        }
        File[] libraries = new File(System.getProperty("it.libs")).listFiles((dir, name) -> name.endsWith(".jar"));
        return ShrinkWrap.create(WebArchive.class, "fairness-it.war").addAsLibrary(fairnessModule).addAsLibraries(
                Objects.requireNonNull(libraries, "run through Maven: it.libs is not set")).addClasses(Causes.class,
                        ComplianceOfficerSession.class, ClinicianSession.class, ReportTamperer.class,
                        AdminSession.class)
                .addAsWebInfResource(
                        "glassfish-web.xml");
    }

    @Test
    void aComplianceOfficerStoresTheColonReportAndReadsItBack() {
        StoredBiasReport stored = complianceOfficer.store(MODEL_VERSION);

        assertEquals(TASK, stored.taskId());
        assertEquals(MODEL_VERSION, stored.modelVersion());
        assertTrue(stored.modelSha256().matches("[0-9a-f]{64}"), stored.modelSha256());
        assertTrue(stored.inputSha256().matches("[0-9a-f]{64}"), stored.inputSha256());
        assertEquals(ModelBiasReports.CROSS_VALIDATION, stored.source());
        assertEquals("it-compliance-officer", stored.storedBy());
        assertEquals(888, stored.report().rows());
        assertEquals(List.of("sex", "age", "rx", "sex × age"), stored.report().groupings().stream().map(
                GroupingReport::grouping).toList());
        GroupingReport age = stored.report().groupings().get(1);
        assertEquals(List.of("<50", "50-64", "65+"), age.groups().stream().map(GroupReport::group).toList());
        assertEquals(888, age.groups().stream().mapToLong(GroupReport::n).sum());
        GroupingReport arm = stored.report().groupings().get(2);
        assertEquals("Obs", arm.referenceGroup());
        assertEquals(List.of("Lev", "Lev+5FU", "Obs"), arm.groups().stream().map(GroupReport::group).sorted()
                .toList());
        assertEquals(0.5, stored.report().request().threshold());
        assertEquals(stored.report().groupings().stream().mapToLong(g -> g.disparities().size()).sum(), stored
                .verdictCounts().values().stream().mapToLong(Long::longValue).sum());

        assertEquals(stored, complianceOfficer.stored(stored.id()).orElseThrow());
        assertTrue(complianceOfficer.storedFor(MODEL_VERSION).contains(stored));
    }

    @Test
    void theRotterdamReportComparesMenopausalStatusAgeBandsTherapyAndTheirIntersection() {
        StoredBiasReport stored = complianceOfficer.store(ROTTERDAM_VERSION);

        assertEquals(ROTTERDAM_VERSION, stored.modelVersion());
        assertEquals(ROTTERDAM, stored.taskId());
        assertEquals(2856, stored.report().rows());
        assertEquals(List.of("meno", "age", "therapy", "meno × age"), stored.report().groupings().stream().map(
                GroupingReport::grouping).toList());
        assertEquals(Map.of("0", 1255L, "1", 1601L), sizes(stored.report().groupings().get(0)));
        assertEquals(Map.of("<50", 1076L, "50-64", 1039L, "65+", 741L), sizes(stored.report().groupings().get(1)));
        GroupingReport therapy = stored.report().groupings().get(2);
        assertEquals("none", therapy.referenceGroup());
        assertEquals(Map.of("none", 2017L, "chemotherapy", 530L, "hormonal", 281L, "hormonal+chemotherapy", 28L),
                sizes(therapy));
        // both therapies: 28 patients, under the minimum of 30, reported and not compared
        assertEquals(List.of("hormonal+chemotherapy"), therapy.groups().stream().filter(g -> !g.sufficientData()).map(
                GroupReport::group).toList());
        // premenopausal 65+ does not occur; every other cell is large enough to compare
        GroupingReport menoByAge = stored.report().groupings().get(3);
        assertEquals(Map.of("0 × <50", 1034L, "0 × 50-64", 221L, "1 × <50", 42L, "1 × 50-64", 818L, "1 × 65+",
                741L), sizes(menoByAge));
        assertTrue(menoByAge.groups().stream().allMatch(GroupReport::sufficientData));
    }

    private static Map<String, Long> sizes(GroupingReport grouping) {
        return grouping.groups().stream().collect(Collectors.toMap(GroupReport::group, GroupReport::n));
    }

    @Test
    void aStoredReportIsExportedAsCsvJsonAndPdfWithItsSignOff() throws Exception {
        StoredBiasReport stored = complianceOfficer.store(MODEL_VERSION);
        complianceOfficer.approve(stored.id(), "Reviewed for the export test.");

        ExportedReport csv = complianceOfficer.export(stored.id(), ExportFormat.CSV);
        assertEquals("bias-report-" + stored.id() + "-colon-recurrence-5y_1-v" + stored.reportVersion() + ".csv", csv
                .fileName());
        assertEquals("text/csv; charset=UTF-8", csv.mediaType());
        String[] lines = new String(csv.content(), StandardCharsets.UTF_8).split("\r\n");
        long groupRows = stored.report().groupings().stream().mapToLong(g -> g.groups().size()).sum() * 11;
        assertEquals(1 + groupRows + stored.verdictCounts().values().stream().mapToLong(Long::longValue).sum(),
                lines.length);

        ExportedReport json = complianceOfficer.export(stored.id(), ExportFormat.JSON);
        assertEquals("application/json", json.mediaType());
        JsonObject document = Json.createReader(new ByteArrayInputStream(json
                .content())).readObject();
        assertEquals(stored.reportSha256(), document.getString("reportSha256"));
        assertEquals("APPROVED", document.getJsonObject("signOff").getString("status"));
        assertEquals("it-compliance-officer", document.getJsonObject("signOff").getString("decidedBy"));

        byte[] pdf = complianceOfficer.exportToStream(stored.id(), ExportFormat.PDF);
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        try (PDDocument document2 = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document2).replaceAll("\\s+", " ");
            assertTrue(text.contains("Model SHA-256 " + stored.modelSha256()), text);
            assertTrue(text.contains("Sign-off status: APPROVED by it-compliance-officer"), text);
            assertTrue(text.contains("Grouping: sex × age"), text);
        }

        assertCausedBy(EJBAccessException.class, null, () -> clinician.export(stored.id(), ExportFormat.PDF));
        assertEquals("reportId", assertCausedBy(InvalidBiasInputException.class, "no stored bias report",
                () -> complianceOfficer.export(Long.MAX_VALUE, ExportFormat.CSV)).field());
    }

    @Test
    void liveMonitoringJoinsAuditedRecommendationsWithOutcomesRecordedLater() throws Exception {
        admin.activateIfApproved(MODEL_VERSION);
        // four patients: A overridden to Lev, B overridden to Obs, C overridden to Obs with differentiation left blank
        // (imputed: not the patient's own value, so C cannot be grouped by it), D accepting the recommended option
        TreatmentComparison a = clinician.compare(colonCase("MRN-FAIR-A", "0", "45"));
        clinician.decide(new DecisionEvent("it-a", a.auditRecordId(), Decision.OVERRIDDEN, "Lev",
                "Patient prefers levamisole alone."));
        TreatmentComparison b = clinician.compare(colonCase("MRN-FAIR-B", "1", "70"));
        clinician.decide(new DecisionEvent("it-b", b.auditRecordId(), Decision.OVERRIDDEN, "Obs",
                "Declines chemotherapy."));
        Map<String, String> withoutDifferentiation = new HashMap<>(colonCase("MRN-FAIR-C", "1", "60").values());
        withoutDifferentiation.remove("differ");
        TreatmentComparison c = clinician.compare(new CaseRequest(TASK, "MRN-FAIR-C", withoutDifferentiation, "Obs"));
        clinician.decide(new DecisionEvent("it-c", c.auditRecordId(), Decision.OVERRIDDEN, "Obs",
                "Observation preferred."));
        TreatmentComparison d = clinician.compare(colonCase("MRN-FAIR-D", "0", "52"));
        clinician.decide(DecisionEvent.accepted("it-d", d.auditRecordId()));

        RecordedOutcome relapse = clinician.record(new OutcomeReport("MRN-FAIR-A", TASK, OutcomeKind.EVENT, 200));
        assertEquals(1, relapse.label());
        assertEquals(a.patientPseudonym(), relapse.patientPseudonym());
        RecordedOutcome early = clinician.record(new OutcomeReport("MRN-FAIR-B", TASK, OutcomeKind.EVENT_FREE, 100));
        assertNull(early.label(), "event-free before the horizon: censored");
        RecordedOutcome later = clinician.record(new OutcomeReport(" MRN-FAIR-B ", TASK, OutcomeKind.EVENT_FREE,
                2000));
        assertEquals(0, later.label());
        clinician.record(new OutcomeReport("MRN-FAIR-C", TASK, OutcomeKind.EVENT, 30));
        clinician.record(new OutcomeReport("MRN-FAIR-D", TASK, OutcomeKind.EVENT, 400));
        assertEquals(List.of(later.id(), early.id()), clinician.outcomesOf("MRN-FAIR-B", TASK).stream().map(
                RecordedOutcome::id).toList());
        // A is recommended again after the relapse was recorded: the relapse follows the first recommendation, where A
        // stays counted; the second is a repeat
        TreatmentComparison again = clinician.compare(colonCase("MRN-FAIR-A", "0", "46"));
        assertEquals(a.patientPseudonym(), again.patientPseudonym());

        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        MonitoringReport report = complianceOfficer.monthly(TASK, now.minusMonths(1), now, BiasReportRequest.of("sex",
                "rx", "differ").withMinimumGroupSize(1).withBootstrap(0, 1));
        assertEquals(2, report.months().size());
        assertEquals(4, report.months().stream().mapToLong(m -> m.counts().recommendations()).sum());
        assertEquals(1, report.months().stream().mapToLong(m -> m.counts().repeats()).sum());
        assertEquals(3, report.months().stream().mapToLong(m -> m.counts().labelled()).sum());
        assertEquals(1, report.months().stream().mapToLong(m -> m.counts().withoutAttributes()).sum());
        assertEquals(0, report.months().stream().mapToLong(m -> m.counts().withoutOption()).sum(),
                "the accepted recommendation is scored under the option the outputs recommend");
        MonthlyBias month = report.months().stream().filter(m -> m.report() != null).findFirst().orElseThrow();
        GroupingReport arm = month.report().groupings().get(1);
        OptionRisk recommendedToD = d.options().stream().min(Comparator.comparingDouble(OptionRisk::risk))
                .orElseThrow();
        assertEquals(Stream.of("Lev", "Obs", recommendedToD.option()).distinct().sorted().toList(), arm.groups()
                .stream().map(GroupReport::group).sorted().toList());
        // each arm's Brier score from the labelled rows: A relapsed under Lev, B event-free beyond the horizon under
        // Obs, D relapsed under the option recommended and accepted
        Map<String, List<Double>> squaredErrors = new HashMap<>();
        squaredErrors.computeIfAbsent("Lev", k -> new ArrayList<>()).add(Math.pow(1 - risk(a, "Lev"), 2));
        squaredErrors.computeIfAbsent("Obs", k -> new ArrayList<>()).add(Math.pow(risk(b, "Obs"), 2));
        squaredErrors.computeIfAbsent(recommendedToD.option(), k -> new ArrayList<>()).add(Math.pow(1 - recommendedToD
                .risk(), 2));
        for (GroupReport group : arm.groups()) {
            List<Double> errors = squaredErrors.get(group.group());
            assertEquals(errors.size(), group.n(), group.group());
            assertEquals(errors.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), group.metrics().get(
                    GroupMetric.BRIER_SCORE).value(), 1e-9, group.group());
        }
        assertTrue(report.trends().stream().anyMatch(t -> t.grouping().equals("sex") && t.points().size() == 2));

        // every outcome is in the audit trail, by pseudonym; the MRN is nowhere
        List<AuditRow> governance = complianceOfficer.governanceRecords();
        AuditRow recorded = governance.stream().filter(r -> ("outcome " + relapse.id()).equals(r.subject()))
                .findFirst().orElseThrow();
        assertEquals("OUTCOME_RECORDED", recorded.action());
        assertEquals("it-clinician", recorded.actorName());
        assertTrue(recorded.inputsJson().contains(a.patientPseudonym()), recorded.inputsJson());
        assertTrue(governance.stream().noneMatch(r -> String.valueOf(r.inputsJson()).contains("MRN-FAIR")));
    }

    @Test
    void badOutcomesAreRefusedNamingTheFieldAndOnlyCliniciansRecordThem() {
        assertEquals("mrn", assertCausedBy(OutcomeRefusedException.class, "MRN is required", () -> clinician.record(
                new OutcomeReport("  ", TASK, OutcomeKind.EVENT, 10))).field());
        assertEquals("taskId", assertCausedBy(OutcomeRefusedException.class, "no-such-task", () -> clinician.record(
                new OutcomeReport("MRN-FAIR-X", "no-such-task", OutcomeKind.EVENT, 10))).field());
        assertEquals("outcome", assertCausedBy(OutcomeRefusedException.class, "EVENT_FREE", () -> clinician.record(
                new OutcomeReport("MRN-FAIR-X", TASK, null, 10))).field());
        for (Integer day : new Integer[]{null, -1, PatientOutcomes.MAX_DAY + 1}) {
            OutcomeRefusedException refused = assertCausedBy(OutcomeRefusedException.class, "day", () -> clinician
                    .record(new OutcomeReport("MRN-FAIR-X", TASK, OutcomeKind.EVENT_FREE, day)));
            assertEquals("day", refused.field());
            assertTrue(!refused.getMessage().contains("MRN-FAIR-X"));
        }
        assertTrue(clinician.outcomesOf("MRN-FAIR-X", TASK).isEmpty(), "nothing was written");
        assertCausedBy(EJBAccessException.class, null, () -> complianceOfficer.record(new OutcomeReport("MRN-FAIR-X",
                TASK, OutcomeKind.EVENT, 10)));
        assertCausedBy(EJBAccessException.class, null, () -> clinician.monthly(TASK, YearMonth.of(2026, 1), YearMonth
                .of(2026, 2)));
        assertEquals("to", assertCausedBy(InvalidBiasInputException.class, "before", () -> complianceOfficer.monthly(
                TASK, YearMonth.of(2026, 2), YearMonth.of(2026, 1), BiasReportRequest.of("sex"))).field());
    }

    @Test
    void reportsSignOffsAndExportsAreInTheAuditTrail() {
        StoredBiasReport stored = complianceOfficer.store(MODEL_VERSION);
        complianceOfficer.reject(stored.id(), "Sensitivity too low in the Lev+5FU arm.");
        complianceOfficer.export(stored.id(), ExportFormat.JSON);

        // a download cut off part-way is still on record: some of the document may have left
        assertCausedBy(ExportInterruptedException.class, "interrupted", () -> complianceOfficer.exportToFailingStream(
                stored.id(), ExportFormat.PDF));

        List<AuditRow> governance = complianceOfficer.governanceRecords().stream().filter(r -> ("bias-report "
                + stored.id()).equals(r.subject())).toList();
        assertEquals(List.of("EXPORT", "EXPORT", "FAIRNESS_REPORT_REJECTED", "FAIRNESS_REPORT_CREATED"), governance
                .stream().map(AuditRow::action).toList());
        assertTrue(governance.get(0).inputsJson().contains("\"format\":\"PDF\""), governance.get(0).inputsJson());
        governance = governance.subList(1, governance.size());
        governance.forEach(r -> assertEquals("it-compliance-officer", r.actorName()));
        assertTrue(governance.get(1).inputsJson().contains(stored.reportSha256()), governance.get(1).inputsJson());
        assertTrue(governance.get(0).inputsJson().contains("\"format\":\"JSON\""), governance.get(0).inputsJson());
    }

    private static double risk(TreatmentComparison comparison, String option) {
        return comparison.options().stream().filter(o -> o.option().equals(option)).findFirst().orElseThrow().risk();
    }

    private static CaseRequest colonCase(String mrn, String sex, String age) {
        return new CaseRequest(TASK, mrn, Map.of("sex", sex, "age", age, "obstruct", "0", "perfor", "0", "adhere",
                "0", "nodes", "4", "differ", "2", "extent", "3", "surg", "0"), "Obs");
    }

    @Test
    void approvingAVersionsReportApprovesTheVersionAndARefusalRollsTheSignOffBack() throws Exception {
        assertEquals(LifecycleState.VALIDATED, admin.version(ROTTERDAM_VERSION).state());
        StoredBiasReport first = complianceOfficer.store(ROTTERDAM_VERSION);
        complianceOfficer.reject(first.id(), "Sensitivity of 0.37 for premenopausal patients; recalibrate.");
        assertEquals(LifecycleState.VALIDATED, admin.version(ROTTERDAM_VERSION).state(), "a rejection changes nothing");

        StoredBiasReport second = complianceOfficer.store(ROTTERDAM_VERSION);
        complianceOfficer.approve(second.id(), "Gaps follow the base rates; calibrated in every group.");
        ModelVersionSummary approved = admin.version(ROTTERDAM_VERSION);
        assertEquals(LifecycleState.APPROVED, approved.state());
        assertEquals(second.id(), approved.biasReportId());
        assertEquals("it-compliance-officer", approved.approvedBy());

        admin.retire(ROTTERDAM_VERSION);
        StoredBiasReport third = complianceOfficer.store(ROTTERDAM_VERSION);
        SignOffRefusedException refused = assertCausedBy(SignOffRefusedException.class, "RETIRED",
                () -> complianceOfficer.approve(third.id(), "Approving a retired version."));
        assertEquals("modelVersion", refused.field());
        assertEquals(ReviewStatus.NOT_REVIEWED, complianceOfficer.decisionOn(third.id()).status(),
                "the sign-off was rolled back with the refused approval");
        List<String> actions = complianceOfficer.governanceRecords().stream().filter(r -> ("bias-report " + third
                .id()).equals(r.subject())).map(AuditRow::action).toList();
        assertEquals(List.of("FAIRNESS_REPORT_CREATED"), actions);
        assertEquals(ReviewStatus.REJECTED, complianceOfficer.reject(third.id(), "Retired; kept for the record.")
                .status());
    }

    @Test
    void storingAgainGivesTheNextReportVersionOverTheSameInputs() {
        StoredBiasReport first = complianceOfficer.store(MODEL_VERSION);
        StoredBiasReport second = complianceOfficer.store(MODEL_VERSION);

        assertEquals(first.reportVersion() + 1, second.reportVersion());
        assertNotEquals(first.id(), second.id());
        assertEquals(first.inputSha256(), second.inputSha256());
        assertEquals(first.report(), second.report());
        assertEquals(second, complianceOfficer.storedFor(MODEL_VERSION).get(0));
    }

    @Test
    void anApprovalIsTheModelVersionsStatusForEverySignedInRole() {
        StoredBiasReport stored = complianceOfficer.store(MODEL_VERSION);

        FairnessStatus approved = complianceOfficer.approve(stored.id(),
                "  Disparities within tolerance; sex x age 65+ bands small, recheck on live data.  ");

        assertEquals(ReviewStatus.APPROVED, approved.status());
        assertEquals(MODEL_VERSION, approved.modelVersion());
        assertEquals(stored.id(), approved.reportId());
        assertEquals(stored.reportVersion(), approved.reportVersion());
        assertEquals("it-compliance-officer", approved.decidedBy());
        assertEquals("Disparities within tolerance; sex x age 65+ bands small, recheck on live data.", approved
                .comment());
        assertEquals(approved, complianceOfficer.statusOf(MODEL_VERSION));
        assertEquals(approved, clinician.statusOf(MODEL_VERSION));
    }

    @Test
    void aReportTakesOneDecisionOnly() {
        StoredBiasReport stored = complianceOfficer.store(MODEL_VERSION);
        FairnessStatus rejected = complianceOfficer.reject(stored.id(), "Calibration differs by age band.");
        assertEquals(ReviewStatus.REJECTED, rejected.status());

        SignOffRefusedException refused = assertCausedBy(SignOffRefusedException.class, "already rejected",
                () -> complianceOfficer.approve(stored.id(), "Approving after all."));
        assertEquals("reportId", refused.field());
        assertEquals(rejected, complianceOfficer.statusOf(MODEL_VERSION));
    }

    @Test
    void aClinicianMayNeitherStoreNorDecideButAnonymousCallersSeeNothing() {
        StoredBiasReport stored = complianceOfficer.store(MODEL_VERSION);

        assertCausedBy(EJBAccessException.class, null, () -> clinician.store(TASK));
        assertCausedBy(EJBAccessException.class, null, () -> clinician.approve(stored.id(), "Looks fine to me."));
        assertCausedBy(EJBAccessException.class, null, () -> anonymousSignOff.statusOf(MODEL_VERSION));
        // nothing was decided: the report still takes its one decision
        assertEquals(ReviewStatus.APPROVED, complianceOfficer.approve(stored.id(), "Reviewed.").status());
    }

    @Test
    void aDecisionWithoutAWrittenCommentIsRefusedAndNothingIsWritten() {
        StoredBiasReport stored = complianceOfficer.store(MODEL_VERSION);

        for (String comment : new String[]{null, "", "   \n\t"}) {
            SignOffRefusedException refused = assertCausedBy(SignOffRefusedException.class, "comment",
                    () -> complianceOfficer.approve(stored.id(), comment));
            assertEquals("comment", refused.field());
        }
        assertEquals("comment", assertCausedBy(SignOffRefusedException.class, "at most", () -> complianceOfficer
                .reject(stored.id(), "x".repeat(FairnessSignOff.MAX_COMMENT_LENGTH + 1))).field());
        assertEquals(ReviewStatus.REJECTED, complianceOfficer.reject(stored.id(), "Too few events under 50.")
                .status());
    }

    @Test
    void anUploadOfAnyModelsPredictionsIsStoredWithTheFilesHashAndSignedOff() throws Exception {
        StringBuilder csv = new StringBuilder("\uFEFFrelapse,risk,sex,age,note\r\n");
        for (int i = 0; i < 240; i++) {
            double risk = ((i * 37) % 100) / 100.0;
            csv.append(risk > 0.55 || i % 5 == 0 ? 1 : 0).append(',').append(risk).append(',').append(i % 2 == 0
                    ? "F"
                    : "M").append(',').append(30 + (i * 7) % 60).append(",\"caf\u00e9, \"\"\u00fcber\"\"\"\r\n");
        }
        String expectedSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv.toString()
                .getBytes(StandardCharsets.UTF_8)));
        BiasReportRequest request = BiasReportRequest.of("sex", "age").withBands("age", 50.0, 65.0);

        StoredBiasReport stored = complianceOfficer.storeCsv("vendor-model/3", request, CsvColumns.withScores(
                "relapse", "risk"), new StringReader(csv.toString()));

        assertEquals(ModelBiasReports.CSV_UPLOAD, stored.source());
        assertEquals(expectedSha256, stored.inputSha256());
        assertEquals(240, stored.report().rows());
        assertNull(stored.taskId());
        assertNull(stored.modelSha256());
        assertEquals(stored, complianceOfficer.stored(stored.id()).orElseThrow());
        assertEquals(ReviewStatus.APPROVED, complianceOfficer.approve(stored.id(), "Vendor model reviewed on our "
                + "validation export.").status());
        assertEquals(stored.id(), clinician.statusOf("vendor-model/3").reportId());
    }

    @Test
    void aMalformedUploadIsRefusedByLineAndColumnAndNothingIsStored() {
        InvalidBiasInputException refused = assertCausedBy(InvalidBiasInputException.class, "line 3",
                () -> complianceOfficer.storeCsv("vendor-model/bad", BiasReportRequest.of("sex"), CsvColumns.withScores(
                        "relapse", "risk"), new StringReader("relapse,risk,sex\n1,0.4,F\n0,1.7,M\n")));
        assertEquals("risk", refused.field());
        assertEquals("modelVersion", assertCausedBy(InvalidBiasInputException.class, "modelVersion",
                () -> complianceOfficer.storeCsv(" ", BiasReportRequest.of("sex"), CsvColumns.withScores("relapse",
                        "risk"), new StringReader("relapse,risk,sex\n1,0.4,F\n")))
                .field());
        assertEquals("modelVersion", assertCausedBy(InvalidBiasInputException.class, "cross-validation",
                () -> complianceOfficer.storeCsv(MODEL_VERSION, BiasReportRequest.of("sex"), CsvColumns.withScores(
                        "relapse", "risk"), new StringReader("relapse,risk,sex\n1,0.4,F\n")))
                .field());
        assertTrue(complianceOfficer.storedFor("vendor-model/bad").isEmpty());
    }

    @Test
    void aStoredReportCannotBeChangedOrDeletedThroughTheApplication() throws Exception {
        StoredBiasReport stored = complianceOfficer.store(MODEL_VERSION);
        String json = tamperer.reportJsonInTheDatabase(stored.id());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.getBytes(
                StandardCharsets.UTF_8))), stored.reportSha256());

        assertCausedBy(IllegalStateException.class, "never changed", () -> tamperer.overwriteReportJson(stored.id(),
                "{}"));
        assertCausedBy(IllegalStateException.class, "never changed", () -> tamperer.delete(stored.id()));

        assertEquals(json, tamperer.reportJsonInTheDatabase(stored.id()));
        assertTrue(tamperer.exists(stored.id()));
        assertEquals(stored, complianceOfficer.stored(stored.id()).orElseThrow());
    }

    @Test
    void unknownReportsTasksAndModelVersionsAreNamed() {
        assertEquals("reportId", assertCausedBy(SignOffRefusedException.class, "no stored bias report",
                () -> complianceOfficer.approve(Long.MAX_VALUE, "Approved.")).field());
        assertEquals("taskId", assertCausedBy(InvalidBiasInputException.class, "no-such-task", () -> complianceOfficer
                .storeForTask("no-such-task")).field());
        assertEquals("modelVersion", assertCausedBy(InvalidBiasInputException.class, "no-such-task/1",
                () -> complianceOfficer.store("no-such-task/1")).field());
        FairnessStatus unknown = clinician.statusOf("colon-recurrence-5y/999");
        assertEquals(ReviewStatus.NOT_REVIEWED, unknown.status());
        assertNull(unknown.reportId());
        assertNull(unknown.decidedBy());
    }

    /**
     * A task an administrator uploads (real rows: the recurrence records of the prediction module's colon.csv) has no
     * written review plan: its version's cross-validation report is built from the definition's subgroups and, once
     * approved, approves the version like a shipped one.
     */
    @Test
    void anUploadedTasksVersionIsReviewedByItsSubgroupsAndApproved() throws Exception {
        String taskId = "colon-review-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        byte[] colon;
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("datasets/colon.csv")) {
            colon = Objects.requireNonNull(in, "the prediction module's colon.csv").readAllBytes();
        }
        String definition = """
                {"id": "%s", "outcome": "recurrence within 5 years (review test)",
                 "dataset": "NCCTG adjuvant colon cancer trial (R survival::colon), recurrence records (etype 1)",
                 "label": {"time": "time", "event": "status", "eventValues": ["1"], "censoredValues": ["0"],
                           "horizonDays": 1826.25},
                 "treatment": {"feature": "rx", "options": ["Obs", "Lev", "Lev+5FU"], "reference": "Obs",
                               "randomised": true},
                 "features": [
                   {"name": "sex", "type": "category", "categories": ["0", "1"], "required": true},
                   {"name": "age", "type": "whole-number", "unit": "years", "min": 18, "max": 100, "required": true},
                   {"name": "nodes", "type": "whole-number", "unit": "positive lymph nodes", "min": 0, "max": 40,
                    "required": false}],
                 "subgroups": ["sex", "age", "rx"],
                 "rows": {"column": "etype", "equals": "1"}}""".formatted(taskId);

        TaskDescription task = admin.addTask(
                new TaskUpload("colon.csv", colon, definition));
        assertEquals(List.of("sex", "age", "rx"), task.subgroupAttributes());
        String jobId = admin.train(taskId);
        TrainingJob job = admin.job(jobId).orElseThrow();
        for (int poll = 0; poll < 1500 && !job.status().name().matches("SUCCEEDED|FAILED"); poll++) {
            Thread.sleep(200);
            job = admin.job(jobId).orElseThrow();
        }
        assertEquals("SUCCEEDED", job.status().name(), String.valueOf(job.failure()));

        StoredBiasReport stored = complianceOfficer.store(job.version());

        BiasReportRequest request = stored.report().request();
        assertEquals(List.of(List.of("sex"), List.of("age"), List.of("rx"), List.of("sex", "age")), request
                .groupings());
        assertEquals(Map.of("age", List.of(50.0, 65.0)), request.bands());
        assertEquals(List.of("<50", "50-64", "65+"), stored.report().groupings().get(1).groups().stream().map(
                GroupReport::group).toList());
        assertEquals(ReviewStatus.APPROVED, complianceOfficer.approve(stored.id(), "Reviewed in the integration "
                + "test of uploaded tasks.").status());
        assertEquals(LifecycleState.APPROVED, admin.version(job.version()).state());
    }
}
