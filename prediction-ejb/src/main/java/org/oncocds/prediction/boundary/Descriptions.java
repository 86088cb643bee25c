package org.oncocds.prediction.boundary;

import java.util.List;
import org.oncocds.prediction.control.CrossValidationResult;
import org.oncocds.prediction.control.FeatureSpec;
import org.oncocds.prediction.control.TaskDefinition;
import org.oncocds.prediction.control.TrainedModel;

/** Turns the registry's tasks and models into the records other modules see. */
final class Descriptions {

    private Descriptions() {
    }

    static TaskDescription task(TaskDefinition task, TrainedModel model) {
        return new TaskDescription(task.id(), task.outcome(), task.dataset(), task.treatmentFeature(), task
                .treatmentOptions(), task.referenceOption(), task.randomised(),
                task.features().stream().map(
                        Descriptions::feature).toList(),
                model == null ? null : model(model), task.horizonDays(), task.subgroupAttributes(), task.uploaded());
    }

    static ModelDescription model(TrainedModel model) {
        return new ModelDescription(model.version(), model.algorithm(), model.sha256(), model.trainedAt(), model
                .trainingRows());
    }

    static FeatureDescription feature(FeatureSpec feature) {
        return new FeatureDescription(feature.name(), FeatureType.valueOf(feature.kind().name()), feature.unit(),
                feature.minimum(), feature.maximum(), feature.isCategory() ? feature.categories() : List.of(), feature
                        .required());
    }

    static CrossValidation crossValidation(String taskId, TrainedModel model) {
        return crossValidation(taskId, model.version(), model.crossValidation());
    }

    static CrossValidation crossValidation(String taskId, String version, CrossValidationResult result) {
        return new CrossValidation(taskId, version, result.folds(), result.seed(), result.auc(), result
                .brierScore(), result.accuracy(),
                result.predictions().stream().map(p -> new OutOfFoldPrediction(p
                        .label(), p.risk(), p.attributes())).toList(),
                result.calibrationInTheLarge(), result
                        .calibrationSlope(),
                result.reliability().stream().map(d -> new ReliabilityBin(d
                        .decile(), d.patients(), d.meanRisk(), d.observedRate(), d.lowestRisk(),
                        d
                                .highestRisk()))
                        .toList());
    }
}
