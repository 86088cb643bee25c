package org.oncocds.prediction.control;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.oncocds.prediction.entity.StoredModelVersion;

/**
 * Writes a version's model card (TRIPOD+AI items: data source, outcome and horizon, exclusions, predictors, missing
 * data, performance, intended use, limitations): what the task says about its data, and the version's own algorithm
 * and cross-validation.
 */
public final class ModelCards {

    private static final String INTENDED_USE = "Decision support for oncologists discussing adjuvant treatment options"
            + " with a patient: the predicted risk under each option, next to (never instead of) the clinician's"
            + " judgement and the multidisciplinary team's recommendation. Not for screening, diagnosis, patients"
            + " outside the training population, or automated decisions.";

    private static final Map<String, String[]> TASK_TEXTS = Map.of(ColonRecurrence.TASK.id(), new String[]{
            "Patients with resected stage B/C colon cancer in the NCCTG/Mayo adjuvant trial (R survival::colon, 929"
                    + " patients, randomised to observation, levamisole or levamisole + 5-FU, 1984-1987 accrual)."
                    + " Licence LGPL (>= 2), Laurie 1989, Moertel 1990 and 1995.",
            "Colon cancer recurrence within 5 years (1826.25 days) of randomisation (rows with etype 1).",
            "Patients censored at or before 5 years are excluded (no known label); nothing else.",
            "Recurrence-free trial patients of the 1980s: absolute risks may be higher than after today's staging and"
                    + " surgery; levamisole is no longer used; the cohort is North American and mostly white; no"
                    + " external validation yet (use batch scoring with local outcomes)."},
            RotterdamRelapseFree.TASK.id(), new String[]{
                    "Primary breast cancer patients of the Rotterdam tumour bank, surgery 1978-1993 (R"
                            + " survival::rotterdam, 2982 patients). Licence LGPL (>= 2), Royston and Altman 2013.",
                    "Relapse or death within 5 years (1826.25 days) of surgery (relapse-free survival).",
                    "Patients censored at or before 5 years are excluded (no known label); nothing else.",
                    "Treatment was not randomised: differences between therapies are confounded by indication and are"
                            + " not treatment effects. Tumour size is known only as <=20, 20-50, >50 mm. Only grades"
                            + " 2 and 3 occur. 1978-1993 practice; no HER2 status; no external validation yet."});

    private ModelCards() {
    }

    /** Fills the card of {@code stored} for a model of {@code model.task()}. */
    public static void write(TrainedModel model, StoredModelVersion stored) {
        TaskDefinition task = model.task();
        String[] texts = TASK_TEXTS.getOrDefault(task.id(), new String[]{task.dataset(), task.outcome(),
                "Patients censored at or before the horizon are excluded.",
                "No limitations were documented for this task."});
        CrossValidationResult cv = model.crossValidation();
        String predictors = task.features().stream().map(ModelCards::predictor).collect(Collectors.joining("; "))
                + "; treatment " + task.treatmentFeature() + " (" + String.join(", ", task.treatmentOptions()) + ")";
        String missing = "Missing optional inputs (" + task.features().stream().filter(f -> !f.required()).map(
                FeatureSpec::name).collect(Collectors.joining(", ")) + ") are replaced by the training mean (numbers)"
                + " or mode (categories) inside the model (Weka ReplaceMissingValues in a FilteredClassifier); the"
                + " imputed values are shown and audited. Required inputs must be given.";
        String performance = String.format(Locale.ROOT, "Seeded stratified %d-fold cross-validation (seed %d) on %d"
                + " labelled patients: AUC %.3f, Brier score %.3f, accuracy %.3f, calibration-in-the-large %.3f,"
                + " calibration slope %.3f. Algorithm %s %s.", cv.folds(), cv.seed(), model.trainingRows(), cv.auc(),
                cv.brierScore(), cv.accuracy(), cv.calibrationInTheLarge(), cv.calibrationSlope(), model
                        .classifierName(),
                model.classifierOptions());
        stored.setCard(texts[0], texts[1], texts[2], predictors, missing, performance, INTENDED_USE, texts[3]);
    }

    private static String predictor(FeatureSpec feature) {
        if (feature.isCategory()) {
            return feature.name() + " (" + String.join("/", feature.categories()) + ")";
        }
        String range = feature.name() + " (" + feature.unit() + ", " + plain(feature.minimum()) + "-" + plain(feature
                .maximum());
        return feature.isBinned() ? range + ", used as " + String.join("/", feature.categories()) + ")" : range + ")";
    }

    private static String plain(Double value) {
        return value == null ? "" : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
