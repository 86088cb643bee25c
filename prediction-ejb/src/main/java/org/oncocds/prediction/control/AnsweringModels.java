package org.oncocds.prediction.control;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The model of each task's ACTIVE version, remembered on this server so that a recommendation does not read the registry
 * row (a database round trip, and the largest single cost of an API recommendation after the model itself). Safe because
 * the remembered answer is never trusted alone: every recommendation's audit record is committed only if its version is
 * still ACTIVE with that model at that moment ({@link ActiveVersionCheck}, asked by the audit writer once per batch), and
 * a caller told otherwise {@linkplain #forget forgets} the task and asks again.
 * <p>
 * What is remembered is read again from the registry after {@value #REMEMBER_MILLIS} ms, and forgotten at once when a
 * lifecycle change of the task commits on this server; so pages that show the active version are at most that stale
 * after a change on another server, and never after one on this server.
 */
@ApplicationScoped
public class AnsweringModels {

    /** How long a remembered answer is used before the registry is read again. */
    static final long REMEMBER_MILLIS = 5_000;

    private record Remembered(TrainedModel model, long readAtMillis) {
    }

    private final Map<String, Remembered> byTask = new ConcurrentHashMap<>();

    @EJB
    VersionStore store;

    @EJB
    ModelRegistry registry;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** The clock (replaced in unit tests). */
    LongSupplier clock = System::currentTimeMillis;

    /** Outside a container (unit tests): over the given registry rows and models, without transactions. */
    public static AnsweringModels over(VersionStore store, ModelRegistry registry) {
        AnsweringModels answering = new AnsweringModels();
        answering.store = store;
        answering.registry = registry;
        return answering;
    }

    /**
     * The model of the task's ACTIVE version, or empty when it has none (not remembered: a version activated on another
     * server answers here at once).
     *
     * @throws ModelLoadRefusedException
     *             when the ACTIVE version's stored model fails a check at load
     */
    public Optional<TrainedModel> of(String taskId) {
        long now = clock.getAsLong();
        Remembered remembered = byTask.get(taskId);
        if (remembered != null && now - remembered.readAtMillis() < REMEMBER_MILLIS) {
            return Optional.of(remembered.model());
        }
        Optional<TrainedModel> active = store.active(taskId).map(registry::model);
        active.ifPresentOrElse(model -> byTask.put(taskId, new Remembered(model, now)), () -> byTask.remove(taskId));
        return active;
    }

    /** Reads the task's ACTIVE version from the registry on the next call (its remembered one no longer answers). */
    public void forget(String taskId) {
        byTask.remove(taskId);
    }

    /**
     * Forgets the task now and once more when the caller's transaction ends (committed or not): a lifecycle change
     * becomes visible to other threads only at commit, and a recommendation in between would remember the old answer.
     */
    public void forgetWhenTransactionEnds(String taskId) {
        forget(taskId);
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    forget(taskId);
                }
            });
        }
    }
}
