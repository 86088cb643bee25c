package org.oncocds.prediction.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.List;
import weka.classifiers.Classifier;
import weka.classifiers.meta.FilteredClassifier;
import weka.core.Instances;
import weka.core.Version;

/**
 * A trained model as the registry stores it, and the checks before a stored one is used again: Weka models are
 * Java-serialized and tied to the classes that wrote them, so a model is loaded only when its bytes still match their
 * SHA-256, it was written by the Weka version this server runs, and its training header is exactly the task's inputs.
 */
public final class ModelArtifacts {

    /** Only Weka's and the JDK's classes may be deserialized from a stored model. */
    private static final ObjectInputFilter ONLY_WEKA = ObjectInputFilter.Config.createFilter(
            "maxdepth=10000;weka.**;java.**;no.uib.cipr.**;!*");

    private ModelArtifacts() {
    }

    /** The Weka version this server runs, as stored with every model. */
    public static String wekaVersion() {
        return Version.VERSION;
    }

    /** The model and its training header as {@code SerializationHelper.writeAll} writes them. */
    public static byte[] modelBytes(TrainedModel model) {
        return ModelTrainer.serialized(model.classifier(), model.header());
    }

    /** The bootstrap models as one Java-serialized array, in seed order. */
    public static byte[] bootstrapBytes(TrainedModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model.ensemble().classifiers().toArray(new Classifier[0]));
        } catch (IOException e) {
            throw new IllegalStateException("the bootstrap models cannot be serialized", e);
        }
        return bytes.toByteArray();
    }

    public static String sha256(byte[] bytes) {
        return ModelTrainer.sha256(bytes);
    }

    /**
     * Loads a stored version of {@code task} after checking it.
     *
     * @throws ModelLoadRefusedException
     *             naming the version and the reason, when any check fails; nothing is loaded
     */
    public static TrainedModel load(TaskDefinition task, StoredModel stored) {
        String version = stored.version();
        if (!wekaVersion().equals(stored.wekaVersion())) {
            throw new ModelLoadRefusedException(version, "it was serialized by Weka " + stored.wekaVersion()
                    + " and this server runs Weka " + wekaVersion() + "; retrain it on this server");
        }
        if (!sha256(stored.modelBytes()).equals(stored.sha256())) {
            throw new ModelLoadRefusedException(version, "the stored model's bytes no longer match its SHA-256 "
                    + stored.sha256() + " (changed after training)");
        }
        if (!sha256(stored.bootstrapBytes()).equals(stored.bootstrapSha256())) {
            throw new ModelLoadRefusedException(version, "the stored bootstrap models' bytes no longer match their "
                    + "SHA-256 " + stored.bootstrapSha256() + " (changed after training)");
        }
        Object[] modelAndHeader = read(version, stored.modelBytes(), "model");
        if (modelAndHeader.length != 2 || !(modelAndHeader[0] instanceof FilteredClassifier classifier)
                || !(modelAndHeader[1] instanceof Instances header)) {
            throw new ModelLoadRefusedException(version,
                    "the stored model is not a FilteredClassifier with its header");
        }
        String mismatch = WekaDataset.header(task).equalHeadersMsg(header);
        if (mismatch != null) {
            throw new ModelLoadRefusedException(version, "its training header does not match the inputs of task "
                    + task.id() + ": " + mismatch.strip());
        }
        Object[] members = read(version, stored.bootstrapBytes(), "bootstrap models");
        if (members.length != 1 || !(members[0] instanceof Classifier[] bootstrap)) {
            throw new ModelLoadRefusedException(version, "the stored bootstrap models are not an array of classifiers");
        }
        return new TrainedModel(task, version, classifier, header, stored.sha256(), stored.trainingDataSha256(),
                stored.trainedAt(), stored.trainingRows(), ModelTrainer.trainingMeansAndModes(task, classifier
                        .getFilter(), header),
                stored.crossValidation(), BootstrapEnsemble.of(Arrays.asList(bootstrap), header));
    }

    /**
     * The objects in {@code bytes}: a model file holds the model and then its header ({@code writeAll}), a bootstrap
     * file one array.
     */
    private static Object[] read(String version, byte[] bytes, String what) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ONLY_WEKA);
            List<Object> objects = new java.util.ArrayList<>();
            while (true) {
                try {
                    objects.add(in.readObject());
                } catch (java.io.EOFException end) {
                    return objects.toArray();
                }
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new ModelLoadRefusedException(version, "the stored " + what + " cannot be read by this server ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }
}
