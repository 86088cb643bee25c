package org.oncocds.prediction.control;

import java.util.ArrayList;
import java.util.List;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Translates a task's cases into Weka instances: the features in task order (categories nominal, numbers numeric),
 * then the treatment feature (nominal), then the class {@code no}/{@code yes}.
 */
final class WekaDataset {

    static final String CLASS_ATTRIBUTE = "outcome";
    static final String POSITIVE = "yes";

    private WekaDataset() {
    }

    /** An empty data set with the task's attributes; the class is the last attribute. */
    static Instances header(TaskDefinition task) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (FeatureSpec feature : task.features()) {
            attributes.add(feature.isNominalInModel()
                    ? new Attribute(feature.name(), feature.categories())
                    : new Attribute(feature.name()));
        }
        attributes.add(new Attribute(task.treatmentFeature(), task.treatmentOptions()));
        attributes.add(new Attribute(CLASS_ATTRIBUTE, List.of("no", POSITIVE)));
        Instances header = new Instances(task.id(), attributes, 0);
        header.setClassIndex(header.numAttributes() - 1);
        return header;
    }

    static Instances trainingSet(TaskDefinition task, List<LabelledCase> cases) {
        Instances data = header(task);
        for (LabelledCase labelled : cases) {
            Instance instance = instance(data, labelled.values());
            instance.setClassValue(labelled.label());
            data.add(instance);
        }
        return data;
    }

    /** One unlabelled instance attached to {@code header}; features absent from {@code values} are missing. */
    static Instance instance(Instances header, CaseValues values) {
        Instance instance = new DenseInstance(header.numAttributes());
        instance.setDataset(header);
        for (int index = 0; index < header.numAttributes(); index++) {
            Attribute attribute = header.attribute(index);
            if (attribute.index() != header.classIndex()) {
                set(instance, attribute, values);
            }
        }
        return instance;
    }

    /** An instance of {@code header} over {@code values} itself (not a copy): a change of the array shows in it. */
    static Instance instanceOf(Instances header, double[] values) {
        Instance instance = new DenseInstance(1.0, values);
        instance.setDataset(header);
        return instance;
    }

    private static void set(Instance instance, Attribute attribute, CaseValues values) {
        String name = attribute.name();
        if (attribute.isNominal() && values.categories().containsKey(name)) {
            String code = values.categories().get(name);
            if (attribute.indexOfValue(code) < 0) {
                throw new IllegalArgumentException(name + " has no category " + code);
            }
            instance.setValue(attribute, code);
        } else if (attribute.isNumeric() && values.numbers().containsKey(name)) {
            instance.setValue(attribute, values.numbers().get(name));
        } else {
            instance.setMissing(attribute);
        }
    }
}
