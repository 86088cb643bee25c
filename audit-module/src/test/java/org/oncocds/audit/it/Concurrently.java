package org.oncocds.audit.it;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Runs a task on several managed threads released at the same moment, for the tests of concurrent appends. */
final class Concurrently {

    /** What each thread runs; {@code index} is the thread's number, 0 to count - 1. */
    interface Task {
        void run(int index) throws Exception;
    }

    private Concurrently() {
    }

    /** Starts {@code count} threads, lets them run {@code task} at once, waits for all; returns what they threw. */
    static List<Throwable> run(ManagedThreadFactory threads, int count, Task task) throws InterruptedException {
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            Thread thread = threads.newThread(() -> {
                try {
                    start.await();
                    task.run(index);
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            thread.start();
            running.add(thread);
        }
        start.countDown();
        for (Thread thread : running) {
            thread.join();
        }
        return failures;
    }
}
