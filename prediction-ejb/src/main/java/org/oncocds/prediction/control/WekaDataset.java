package org.oncocds.prediction.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

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

    /**
     * A case's attribute values in the header's order, the class missing: a binned number given in its unit is stored
     * as its bin, a feature absent from {@code values} is missing. Reads each map once per feature and copies nothing,
     * so that scoring several options of one patient can share it (see {@link #withValue(Instances, double[], int,
     * int)}).
     */
    static double[] attributeValues(Instances header, TaskDefinition task, CaseValues values) {
        double[] row = new double[header.numAttributes()];
        Arrays.fill(row, Utils.missingValue());
        List<FeatureSpec> features = task.features();
        for (int index = 0; index < features.size(); index++) {
            FeatureSpec feature = features.get(index);
            Attribute attribute = header.attribute(index);
            String code = values.categories().get(feature.name());
            Double number = values.numbers().get(feature.name());
            if (code == null && number != null && feature.isBinned()) {
                code = feature.binOf(number);
            }
            if (attribute.isNominal() && code != null) {
                row[index] = categoryIndex(attribute, code);
            } else if (attribute.isNumeric() && number != null) {
                row[index] = number;
            }
        }
        String option = values.categories().get(task.treatmentFeature());
        if (option != null) {
            row[features.size()] = categoryIndex(header.attribute(features.size()), option);
        }
        return row;
    }

    /** An instance of {@code header} with the values of {@code row} and attribute {@code slot} set to {@code value}. */
    static Instance withValue(Instances header, double[] row, int slot, int value) {
        double[] values = row.clone();
        values[slot] = value;
        Instance instance = new DenseInstance(1.0, values);
        instance.setDataset(header);
        return instance;
    }

    private static int categoryIndex(Attribute attribute, String code) {
        int index = attribute.indexOfValue(code);
        if (index < 0) {
            throw new IllegalArgumentException(attribute.name() + " has no category " + code);
        }
        return index;
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
