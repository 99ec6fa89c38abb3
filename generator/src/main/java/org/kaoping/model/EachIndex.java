package org.kaoping.model;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A step for each index of {@code [0, count)} over the cores: the caller and the threads of the pool it runs in (the
 * common pool when it runs in none), each taking the next index as it finishes one, so that all of them stop within
 * one step of each other.
 * <p>
 * Why not a parallel stream: a stream hands out its range in pieces fixed up front, four times the common pool's
 * parallelism, which is 1 on two cores: four quarters. Pieces of unequal cost leave a core waiting at the end —
 * in a province's loading, the quarter holding the period files, read while the code was still interpreted, ran a
 * second alone. A step must store its result at its index: the order the steps run in is not the order of indexes.
 */
public final class EachIndex {
    private EachIndex() {
    }

    /**
     * Runs {@code step} once for each index and returns when every step has returned. After a step throws, no
     * further index is taken, and the exception of the lowest index that threw is rethrown, the very object thrown
     * (kept, not thrown out of a helper: a fork-join task's failure reaches a joiner only as a copy, whose message may
     * be lost, and nobody joins these helpers): the indexes are taken in order, so every index below a failing one
     * has run, and which failure is said does not depend on the threads.
     */
    public static void run(int count, IntConsumer step) {
        AtomicInteger next = new AtomicInteger();
        Failure failure = new Failure();
        Runnable claim = () -> {
            for (int i; (i = next.getAndIncrement()) < count; ) {
                try {
                    step.accept(i);
                } catch (RuntimeException | Error e) {
                    failure.offer(i, e);
                    next.set(count);
                }
            }
        };
        Helpers helpers = new Helpers(claim);
        ForkJoinPool pool = ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
        // fork() queues a helper in the caller's own pool (the common pool for a plain thread). The caller waits
        // only for the helpers that started: one still queued behind other work when the indexes run out would
        // otherwise hold the caller until a busy pool got to it, only to find nothing left.
        for (int h = Math.min(count - 1, pool.getParallelism()); h > 0; h--) {
            ForkJoinTask.adapt(helpers::help).fork();
        }
        claim.run();
        helpers.awaitStarted();
        failure.rethrow();
    }

    /** The helpers of one run: how many are taking indexes, and whether one may still begin. */
    private static final class Helpers {
        private final Runnable claim;
        private int running;
        private boolean closed;

        Helpers(Runnable claim) {
            this.claim = claim;
        }

        void help() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                running++;
            }
            try {
                claim.run();
            } finally {
                synchronized (this) {
                    running--;
                    notifyAll();
                }
            }
        }

        /** Once the caller has run out of indexes: no helper begins any more, and those that began are waited for. */
        synchronized void awaitStarted() {
            closed = true;
            boolean interrupted = false;
            while (running > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the steps running write into the caller's arrays: they are still waited for
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The failure of the lowest index so far. */
    private static final class Failure {
        private int index = Integer.MAX_VALUE;
        private Throwable thrown;

        synchronized void offer(int i, Throwable t) {
            if (i < index) {
                index = i;
                thrown = t;
            }
        }

        synchronized void rethrow() {
            if (thrown instanceof RuntimeException e) {
                throw e;
            }
            if (thrown instanceof Error e) {
                throw e;
            }
        }
    }
}
