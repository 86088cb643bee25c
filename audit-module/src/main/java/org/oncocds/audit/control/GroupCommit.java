package org.oncocds.audit.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Group commit: many callers hand in items, one writer thread takes everything pending (up to a batch size) and writes
 * it in one go, then completes each caller's future with its own result, or fails every caller of a batch whose write
 * failed. Nothing is acknowledged before the write of its batch returned, and a failed batch acknowledges nothing.
 * Plain Java: the thread and the transaction around each write come from the caller ({@link RecordWriter}).
 *
 * @param <T>
 *            what callers hand in
 * @param <R>
 *            what each caller gets back
 */
public final class GroupCommit<T, R> {

    private record Entry<T, R>(T item, CompletableFuture<R> result) {
    }

    private final BlockingQueue<Entry<T, R>> pending = new LinkedBlockingQueue<>();
    private final Function<List<T>, List<R>> writeBatch;
    private final int maxBatchSize;
    private volatile boolean stopped;

    /**
     * @param writeBatch
     *            writes a batch durably and returns one result per item, in the same order; throws if nothing of it was
     *            written
     * @param maxBatchSize
     *            the most items one write takes
     */
    public GroupCommit(Function<List<T>, List<R>> writeBatch, int maxBatchSize) {
        this.writeBatch = writeBatch;
        this.maxBatchSize = maxBatchSize;
    }

    /** Queues an item; the future completes once its batch is written, or fails with the batch's failure. */
    public CompletableFuture<R> submit(T item) {
        CompletableFuture<R> result = new CompletableFuture<>();
        if (stopped) {
            result.completeExceptionally(new IllegalStateException("the audit writer is shut down"));
            return result;
        }
        pending.add(new Entry<>(item, result));
        if (stopped) {
            failRemaining();
        }
        return result;
    }

    /**
     * The writer's loop: waits for work, writes it in batches, until {@link #stop()}; what is still queued then is
     * written before it returns.
     */
    public void run() {
        boolean interrupted = false;
        while (!stopped) {
            try {
                Entry<T, R> first = pending.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    writeOne(first);
                }
            } catch (InterruptedException e) {
                // The writer is going away: take no more work (later callers fail at once instead of waiting for a
                // writer that is gone), write what is queued, then keep the interrupt for the thread's owner.
                stopped = true;
                interrupted = true;
            }
        }
        Entry<T, R> next;
        while ((next = pending.poll()) != null) {
            writeOne(next);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking work; the loop writes what is queued and returns. */
    public void stop() {
        stopped = true;
    }

    /** Writes {@code first} and whatever else is pending, up to the batch size. */
    void writeOne(Entry<T, R> first) {
        List<Entry<T, R>> batch = new ArrayList<>();
        batch.add(first);
        pending.drainTo(batch, maxBatchSize - 1);
        List<R> results;
        try {
            results = writeBatch.apply(batch.stream().map(Entry::item).toList());
            if (results.size() != batch.size()) {
                throw new IllegalStateException("the batch write returned " + results.size() + " results for "
                        + batch.size() + " items");
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(entry -> entry.result().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(results.get(i));
        }
    }

    private void failRemaining() {
        Entry<T, R> next;
        while ((next = pending.poll()) != null) {
            next.result().completeExceptionally(new IllegalStateException("the audit writer is shut down"));
        }
    }
}
