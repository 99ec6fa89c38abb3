package org.kaoping.cli;

import java.util.PriorityQueue;
import java.util.function.IntFunction;

/**
 * Runs a build's work over every core: a sequence of tasks taken in order (the pages), and tasks that running
 * ones add (a report page's downloads), which are taken before the sequence, heaviest first. Starting the
 * longest work first and leaving the many small tasks (station pages) for the end keeps every core busy to
 * the end of the build: no large task starts when the others have run out.
 * <p>
 * The first failure is kept and rethrown once every task has returned (no task may still be writing into a
 * staging folder that the caller is about to discard); after it, no new task starts.
 */
final class TaskQueue {
    /** @param weight roughly proportional to the task's CPU time */
    record Task(String name, long weight, Runnable run) {
    }

    private final PriorityQueue<Queued> added = new PriorityQueue<>();
    private final IntFunction<Runnable> sequence;
    private final int length;
    private int next;
    private int running;
    private long order;
    private Throwable failure;

    private record Queued(Task task, long order) implements Comparable<Queued> {
        @Override
        public int compareTo(Queued o) {
            int byWeight = Long.compare(o.task.weight(), task.weight());
            return byWeight != 0 ? byWeight : Long.compare(order, o.order);
        }
    }

    /** @param sequence the task at each index of {@code [0, length)}, made when it is taken */
    TaskQueue(int length, IntFunction<Runnable> sequence) {
        this.length = length;
        this.sequence = sequence;
    }

    /** Adds a task to run before the rest of the sequence (from a running task, or before {@link #run}). */
    synchronized void add(Task task) {
        added.add(new Queued(task, order++));
        notifyAll();
    }

    /** Runs everything on {@code threads} threads (this one among them) and returns when all is done. */
    void run(int threads) {
        Thread[] helpers = new Thread[Math.max(0, threads - 1)];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Thread(this::work, "kaoping-build-" + (i + 1));
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
        work();
        boolean interrupted = false;
        for (Thread t : helpers) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    private void work() {
        while (true) {
            Runnable task = take();
            if (task == null) {
                return;
            }
            Throwable failed = null;
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                failed = e;
            }
            done(failed);
        }
    }

    /** The next task to run, waiting while others run that may add some; null when there is none left. */
    private synchronized Runnable take() {
        while (failure == null) {
            Queued q = added.poll();
            if (q != null) {
                running++;
                return q.task().run();
            }
            if (next < length) {
                int i = next++;
                running++;
                return () -> sequence.apply(i).run();
            }
            if (running == 0) {
                return null;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private synchronized void done(Throwable failed) {
        running--;
        if (failed != null && failure == null) {
            failure = failed;
        }
        notifyAll();
    }
}
