package org.oncocds.prediction.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * The model's algorithm trained again on seeded bootstrap resamples of its training data (drawn with replacement, as
 * many rows as the original). How far the members' risks for one patient spread shows how much the prediction depends
 * on which patients happened to be in the finite training sample; it says nothing about the patient's own chance
 * variation. Every member scores from its own {@link ScoringPool}, so the ensemble is as thread-safe as the model.
 */
final class BootstrapEnsemble {

    private final List<ScoringPool> members;
    /** Each member's log-odds as a sum of per-attribute terms where that reproduces Weka's scores, else null. */
    private final AdditiveLogit[] additive;

    private BootstrapEnsemble(List<ScoringPool> members) {
        this(List.copyOf(members), new AdditiveLogit[members.size()]);
    }

    private BootstrapEnsemble(List<ScoringPool> members, AdditiveLogit[] additive) {
        this.members = members;
        this.additive = additive;
    }

    /**
     * The same members, each scoring rows by its additive log-odds where those were checked against Weka (see
     * {@link AdditiveLogit}; a logistic member qualifies, a forest does not).
     *
     * @param reference
     *            a complete row of attribute values to read the terms at (the training means and modes)
     */
    BootstrapEnsemble withAdditiveScoring(double[] reference) {
        AdditiveLogit[] checked = new AdditiveLogit[members.size()];
        for (int member = 0; member < members.size(); member++) {
            ScoringPool pool = members.get(member);
            checked[member] = AdditiveLogit.of(pool.header(), reference, row -> pool.positiveProbabilities(
                    new double[][]{row})[0]).orElse(null);
        }
        return new BootstrapEnsemble(members, checked);
    }

    /** How many members score by their additive log-odds instead of through Weka. */
    int additiveMembers() {
        int count = 0;
        for (AdditiveLogit member : additive) {
            count += member == null ? 0 : 1;
        }
        return count;
    }

    /** Member {@code i} is trained on the resample drawn with {@code new Random(seed + i)}: the same on every start. */
    static BootstrapEnsemble train(Classifier untrained, Instances data, int size, long seed) {
        return train(untrained, data, size, seed, Runnable::run);
    }

    /**
     * As {@link #train(Classifier, Instances, int, long)}, the members trained on {@code executor} (e.g. the server's
     * managed executor, to use every core at start). Each member depends only on its own seed, so the ensemble is the
     * same whichever thread trains which member; the training data is only read.
     */
    static BootstrapEnsemble train(Classifier untrained, Instances data, int size, long seed, Executor executor) {
        Instances header = new Instances(data, 0);
        List<CompletableFuture<ScoringPool>> training = new ArrayList<>();
        for (int member = 0; member < size; member++) {
            long memberSeed = seed + member;
            training.add(CompletableFuture.supplyAsync(() -> new ScoringPool(trained(untrained, data.resample(
                    new Random(memberSeed))), header), executor));
        }
        try {
            return new BootstrapEnsemble(training.stream().map(CompletableFuture::join).toList());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static Classifier trained(Classifier untrained, Instances resample) {
        try {
            Classifier classifier = AbstractClassifier.makeCopy(untrained);
            classifier.buildClassifier(resample);
            return classifier;
        } catch (Exception e) {
            throw new IllegalStateException("training a bootstrap member of " + resample.relationName() + " failed",
                    e);
        }
    }

    /** An ensemble of already trained members (e.g. loaded from the registry), each scoring against {@code header}. */
    static BootstrapEnsemble of(List<Classifier> trained, Instances header) {
        return new BootstrapEnsemble(trained.stream().map(member -> new ScoringPool(member, header)).toList());
    }

    /** The trained members, in seed order, for storing. */
    List<Classifier> classifiers() {
        return members.stream().map(ScoringPool::trained).toList();
    }

    int size() {
        return members.size();
    }

    /**
     * Each member's probabilities of the positive class for one row of attribute values under each value of one
     * nominal attribute (e.g. each treatment option): one row per member, values in order. The members score the same
     * row one after the other, each setting {@code slot} to every value in turn: by their additive log-odds where they
     * have them (within {@link AdditiveLogit#TOLERANCE} of Weka), else through Weka.
     */
    double[][] positiveProbabilitiesBySlotValue(double[] row, int slot, int values) {
        double[][] risks = new double[members.size()][];
        for (int member = 0; member < members.size(); member++) {
            double[] additiveRisks = additive[member] == null
                    ? null
                    : additive[member].positiveProbabilitiesBySlotValue(row, slot, values);
            risks[member] = additiveRisks != null
                    ? additiveRisks
                    : members.get(member).positiveProbabilitiesBySlotValue(row, slot, values);
        }
        return risks;
    }

    /** Each member's probabilities of the positive class for the cases: one row per member, cases in order. */
    double[][] positiveProbabilities(List<CaseValues> cases) {
        double[][] risks = new double[members.size()][];
        for (int member = 0; member < members.size(); member++) {
            risks[member] = members.get(member).positiveProbabilities(cases).stream().mapToDouble(Double::doubleValue)
                    .toArray();
        }
        return risks;
    }
}
