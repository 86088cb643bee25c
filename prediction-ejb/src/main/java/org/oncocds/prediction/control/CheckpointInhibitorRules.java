package org.oncocds.prediction.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned, cited rule set for immune-checkpoint-inhibitor candidacy (pembrolizumab-era FDA labels). Each criterion is
 * evaluated on every patient: MET, NOT_MET, or NOT_EVALUABLE when a value it needs was not given. The rule set is
 * data ({@link #definition()}): its SHA-256 is what an assessment is audited with, like a model's.
 * <p>
 * Sources (also in each criterion):
 * <ul>
 * <li>MSI-H/dMMR, tissue-agnostic: FDA, "FDA grants accelerated approval to pembrolizumab for first tissue/site agnostic
 * indication", 23 May 2017 (KEYNOTE-016, -164, -012, -028, -158); Le DT et al., Science 2017;357:409-413.</li>
 * <li>TMB-high (>= 10 mut/Mb): FDA, "FDA approves pembrolizumab for adults and children with TMB-H solid tumors", 16 June
 * 2020 (KEYNOTE-158); Marabelle A et al., Lancet Oncol 2020;21:1353-1365.</li>
 * <li>PD-L1 TPS in NSCLC: Reck M et al., N Engl J Med 2016;375:1823-1833 (KEYNOTE-024, TPS >= 50%); Mok TSK et al.,
 * Lancet 2019;393:1819-1830 (KEYNOTE-042, TPS >= 1%); first-line, without EGFR or ALK alterations.</li>
 * <li>Melanoma, any biomarker: Hodi FS et al., N Engl J Med 2010;363:711-723 (ipilimumab); Robert C et al., N Engl J
 * Med 2015;372:2521-2532 (KEYNOTE-006, pembrolizumab).</li>
 * </ul>
 */
public final class CheckpointInhibitorRules {

    public static final String TASK_ID = "immunotherapy-candidacy";
    public static final String VERSION = TASK_ID + "/2025.1";

    public static final String TUMOUR_TYPE = "tumourType";
    public static final String ADVANCED = "unresectableOrMetastatic";
    public static final String PDL1_TPS = "pdl1Tps";
    public static final String TMB = "tmb";
    public static final String MSI = "msiStatus";
    public static final String MMR = "mmrStatus";
    public static final String EGFR_ALK = "egfrOrAlkAlteration";

    public static final double TMB_HIGH = 10;
    public static final double TPS_ANY = 1;
    public static final double TPS_HIGH = 50;

    public static final List<String> TUMOUR_TYPES = List.of("nsclc", "melanoma", "colorectal", "endometrial",
            "gastric", "urothelial", "head-and-neck", "breast", "other-solid");
    public static final List<String> YES_NO = List.of("yes", "no");
    public static final List<String> MSI_VALUES = List.of("MSI-H", "MSS");
    public static final List<String> MMR_VALUES = List.of("dMMR", "pMMR");

    /** The inputs, in the order they are shown: name, kind, unit, bounds, categories, required. */
    public static final List<FeatureSpec> INPUTS = List.of(
            FeatureSpec.category(TUMOUR_TYPE, true, TUMOUR_TYPES.toArray(String[]::new)),
            FeatureSpec.category(ADVANCED, true, YES_NO.toArray(String[]::new)),
            FeatureSpec.number(PDL1_TPS, "% of tumour cells", 0, 100, false),
            FeatureSpec.number(TMB, "mutations/Mb", 0, 10_000, false),
            FeatureSpec.category(MSI, false, MSI_VALUES.toArray(String[]::new)),
            FeatureSpec.category(MMR, false, MMR_VALUES.toArray(String[]::new)),
            FeatureSpec.category(EGFR_ALK, false, YES_NO.toArray(String[]::new)));

    public static final List<String> CAVEATS = List.of(
            "Follows FDA labels; check the local approval and reimbursement (e.g. the EMA has not approved the"
                    + " TMB-high indication).",
            "Does not assess contraindications (active autoimmune disease, organ transplant, systemic"
                    + " immunosuppression), performance status or prior lines of therapy required by the labels.",
            "Biomarkers must come from validated tests (TMB: an FDA-approved assay such as FoundationOne CDx; PD-L1:"
                    + " 22C3 pharmDx).");

    /** One criterion's outcome for a patient. */
    public record Evaluation(String id, String title, String status, String explanation, String source) {
    }

    private record Criterion(String id, String title, String rule, String source) {
    }

    private static final List<Criterion> CRITERIA = List.of(
            new Criterion("msi-high-or-dmmr", "MSI-high or mismatch-repair deficient solid tumour",
                    "unresectable or metastatic AND (msiStatus = MSI-H OR mmrStatus = dMMR)",
                    "FDA accelerated approval of pembrolizumab, tissue-agnostic, 23 May 2017; Le DT et al., Science"
                            + " 2017;357:409-413"),
            new Criterion("tmb-high", "Tumour mutational burden >= 10 mut/Mb",
                    "unresectable or metastatic AND tmb >= 10 mutations/Mb",
                    "FDA approval of pembrolizumab for TMB-H solid tumours, 16 June 2020 (KEYNOTE-158); Marabelle A"
                            + " et al., Lancet Oncol 2020;21:1353-1365"),
            new Criterion("nsclc-pdl1", "Non-small-cell lung cancer with PD-L1 TPS >= 1%, no EGFR/ALK alteration",
                    "tumourType = nsclc AND unresectable or metastatic AND pdl1Tps >= 1 AND egfrOrAlkAlteration = no"
                            + " (TPS >= 50%: high expression)",
                    "Reck M et al., N Engl J Med 2016;375:1823-1833 (KEYNOTE-024); Mok TSK et al., Lancet"
                            + " 2019;393:1819-1830 (KEYNOTE-042)"),
            new Criterion("melanoma", "Unresectable or metastatic melanoma (any biomarker)",
                    "tumourType = melanoma AND unresectable or metastatic",
                    "Hodi FS et al., N Engl J Med 2010;363:711-723; Robert C et al., N Engl J Med 2015;372:2521-2532"
                            + " (KEYNOTE-006)"));

    private CheckpointInhibitorRules() {
    }

    /** The rule set as canonical JSON: version, thresholds, criteria with their rules and sources, caveats. */
    public static String definition() {
        List<Map<String, Object>> criteria = new ArrayList<>();
        for (Criterion criterion : CRITERIA) {
            criteria.add(Map.of("id", criterion.id(), "title", criterion.title(), "rule", criterion.rule(), "source",
                    criterion.source()));
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("version", VERSION);
        definition.put("thresholds", Map.of("tmbHighMutationsPerMb", TMB_HIGH, "pdl1TpsAnyPercent", TPS_ANY,
                "pdl1TpsHighPercent", TPS_HIGH));
        definition.put("criteria", criteria);
        definition.put("caveats", CAVEATS);
        return CanonicalJson.of(definition);
    }

    public static String sha256() {
        return ModelTrainer.sha256(definition().getBytes(StandardCharsets.UTF_8));
    }

    /** Every criterion evaluated, in the rule set's order. */
    public static List<Evaluation> evaluate(CaseValues patient) {
        boolean advanced = "yes".equals(patient.categories().get(ADVANCED));
        String tumour = patient.categories().get(TUMOUR_TYPE);
        List<Evaluation> evaluations = new ArrayList<>();
        evaluations.add(msi(CRITERIA.get(0), advanced, patient));
        evaluations.add(tmb(CRITERIA.get(1), advanced, Optional.ofNullable(patient.numbers().get(TMB))));
        evaluations.add(nsclc(CRITERIA.get(2), advanced, tumour, patient));
        evaluations.add("melanoma".equals(tumour) && advanced
                ? result(CRITERIA.get(3), "MET", "unresectable or metastatic melanoma")
                : result(CRITERIA.get(3), "NOT_MET", "melanoma".equals(tumour)
                        ? "melanoma that is not unresectable or metastatic"
                        : "tumour type " + tumour));
        return evaluations;
    }

    private static Evaluation msi(Criterion criterion, boolean advanced, CaseValues patient) {
        String msi = patient.categories().get(MSI);
        String mmr = patient.categories().get(MMR);
        boolean deficient = "MSI-H".equals(msi) || "dMMR".equals(mmr);
        if (deficient) {
            return advanced
                    ? result(criterion, "MET", "MSI-H".equals(msi) ? "MSI-high" : "mismatch-repair deficient")
                    : result(criterion, "NOT_MET", "MSI-H/dMMR but not unresectable or metastatic");
        }
        if (msi == null && mmr == null) {
            return result(criterion, "NOT_EVALUABLE", "neither MSI nor MMR status given");
        }
        return result(criterion, "NOT_MET", "microsatellite stable / mismatch-repair proficient");
    }

    private static Evaluation tmb(Criterion criterion, boolean advanced, Optional<Double> tmb) {
        if (tmb.isEmpty()) {
            return result(criterion, "NOT_EVALUABLE", "tumour mutational burden not given");
        }
        String value = "TMB " + plain(tmb.get()) + " mutations/Mb";
        if (tmb.get() < TMB_HIGH) {
            return result(criterion, "NOT_MET", value + " is below 10");
        }
        return advanced
                ? result(criterion, "MET", value + " (>= 10)")
                : result(criterion, "NOT_MET", value + " but not unresectable or metastatic");
    }

    private static Evaluation nsclc(Criterion criterion, boolean advanced, String tumour, CaseValues patient) {
        if (!"nsclc".equals(tumour)) {
            return result(criterion, "NOT_MET", "tumour type " + tumour);
        }
        if (!advanced) {
            return result(criterion, "NOT_MET", "NSCLC that is not unresectable or metastatic");
        }
        Double tps = patient.numbers().get(PDL1_TPS);
        String egfrAlk = patient.categories().get(EGFR_ALK);
        if ("yes".equals(egfrAlk)) {
            return result(criterion, "NOT_MET", "EGFR or ALK alteration (targeted therapy first)");
        }
        if (tps == null) {
            return result(criterion, "NOT_EVALUABLE", "PD-L1 tumour proportion score not given");
        }
        if (tps < TPS_ANY) {
            return result(criterion, "NOT_MET", "PD-L1 TPS " + plain(tps) + "% is below 1%");
        }
        if (egfrAlk == null) {
            return result(criterion, "NOT_EVALUABLE", "PD-L1 TPS " + plain(tps) + "% but EGFR/ALK status not given");
        }
        return result(criterion, "MET", "PD-L1 TPS " + plain(tps) + "%" + (tps >= TPS_HIGH
                ? " (high expression, >= 50%)"
                : " (1-49%)") + ", no EGFR/ALK alteration");
    }

    private static Evaluation result(Criterion criterion, String status, String explanation) {
        return new Evaluation(criterion.id(), criterion.title(), status, explanation, criterion.source());
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
