package org.oncocds.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** Runs the writer loop on its own thread until stopped. */
    private static Thread writer(GroupCommit<?, ?> groupCommit) {
        Thread thread = new Thread(groupCommit::run, "test-writer");
        thread.start();
        return thread;
    }

    @Test
    void whatQueuesWhileABatchIsWrittenGoesIntoTheNextBatchAndEachCallerGetsItsOwnResult() throws Exception {
        CountDownLatch firstBatchEntered = new CountDownLatch(1);
        CountDownLatch restQueued = new CountDownLatch(1);
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        Function<List<Integer>, List<String>> write = batch -> {
            batches.add(List.copyOf(batch));
            if (batches.size() == 1) {
                firstBatchEntered.countDown();
                await(restQueued);
            }
            return batch.stream().map(i -> "record-" + i).toList();
        };
        GroupCommit<Integer, String> groupCommit = new GroupCommit<>(write, 100);
        Thread thread = writer(groupCommit);

        CompletableFuture<String> first = groupCommit.submit(0);
        firstBatchEntered.await();
        List<CompletableFuture<String>> rest = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            rest.add(groupCommit.submit(i));
        }
        restQueued.countDown();

        assertEquals("record-0", first.get());
        for (int i = 1; i <= 10; i++) {
            assertEquals("record-" + i, rest.get(i - 1).get());
        }
        assertEquals(List.of(List.of(0), List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)), batches,
                "one write for everything that queued meanwhile");
        groupCommit.stop();
        thread.join();
    }

    @Test
    void aFailedBatchFailsEveryCallerInItAndNothingOfItIsAcknowledged() throws Exception {
        CountDownLatch firstBatchEntered = new CountDownLatch(1);
        CountDownLatch restQueued = new CountDownLatch(1);
        IllegalStateException databaseDown = new IllegalStateException("database down");
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        Function<List<Integer>, List<String>> write = batch -> {
            sizes.add(batch.size());
            if (sizes.size() == 1) {
                firstBatchEntered.countDown();
                await(restQueued);
                return batch.stream().map(String::valueOf).toList();
            }
            if (sizes.size() == 2) {
                throw databaseDown;
            }
            return batch.stream().map(String::valueOf).toList();
        };
        GroupCommit<Integer, String> groupCommit = new GroupCommit<>(write, 100);
        Thread thread = writer(groupCommit);
        CompletableFuture<String> first = groupCommit.submit(0);
        firstBatchEntered.await();
        List<CompletableFuture<String>> failing = List.of(groupCommit.submit(1), groupCommit.submit(2), groupCommit
                .submit(3));
        restQueued.countDown();

        assertEquals("0", first.get());
        for (CompletableFuture<String> caller : failing) {
            ExecutionException failed = assertThrows(ExecutionException.class, caller::get);
            assertSame(databaseDown, failed.getCause());
        }
        assertEquals("4", groupCommit.submit(4).get(), "the writer goes on after a failed batch");
        groupCommit.stop();
        thread.join();
    }

    @Test
    void batchesAreBoundedAndStoppingWritesWhatIsQueuedThenRefusesMore() throws Exception {
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, Integer> groupCommit = new GroupCommit<>(batch -> {
            sizes.add(batch.size());
            return batch;
        }, 4);
        List<CompletableFuture<Integer>> queued = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            queued.add(groupCommit.submit(i));
        }
        groupCommit.stop();
        groupCommit.run();

        for (int i = 0; i < 10; i++) {
            assertEquals(i, queued.get(i).get());
        }
        assertEquals(List.of(4, 4, 2), sizes);
        ExecutionException refused = assertThrows(ExecutionException.class, () -> groupCommit.submit(11).get());
        assertTrue(refused.getCause().getMessage().contains("shut down"));
    }

    @Test
    void anInterruptedWriterWritesWhatIsQueuedAndThenRefusesMoreWork() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<Integer, Integer> groupCommit = new GroupCommit<>(batch -> {
            writing.countDown();
            // A database write is not interrupted half way here; the interrupt is seen when the writer next waits.
            boolean interrupted = Thread.interrupted();
            while (true) {
                try {
                    release.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return batch;
        }, 4);
        Thread thread = writer(groupCommit);
        CompletableFuture<Integer> first = groupCommit.submit(1);
        writing.await();
        CompletableFuture<Integer> queued = groupCommit.submit(2);
        thread.interrupt();
        release.countDown();
        thread.join();

        assertEquals(1, first.get());
        assertEquals(2, queued.get(), "queued before the interrupt: still written");
        assertThrows(ExecutionException.class, () -> groupCommit.submit(3).get());
    }

    @Test
    void aWriteReturningTheWrongNumberOfResultsFailsTheBatch() {
        GroupCommit<Integer, Integer> groupCommit = new GroupCommit<>(batch -> List.of(), 4);
        CompletableFuture<Integer> caller = groupCommit.submit(1);
        groupCommit.stop();
        groupCommit.run();
        assertThrows(ExecutionException.class, caller::get);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
