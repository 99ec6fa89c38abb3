package org.kaoping.cli;

import org.kaoping.serve.BuildOutcome;

import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * `serve`'s writes of the output folder, after the preview has been updated: one at a time, on one core (the
 * build's parallel work runs in a pool of one thread and its pages are rendered by one, so the other core stays
 * free for the preview; while the preview rebuilds, the write waits at its {@link WriteGate}), and only
 * the newest: changes made while a write runs are written once it ends, by one more write. A write starts
 * {@value #DELAY_MS} ms after it is asked for, so that the browsers' reloads after a change are answered first.
 */
final class OutputWrites implements AutoCloseable {
    private final Supplier<BuildOutcome> write;
    private final Consumer<BuildOutcome> report;
    private final ForkJoinPool pool = new ForkJoinPool(1, p -> {
        var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
        t.setName("kaoping-output");
        t.setDaemon(true);
        return t;
    }, null, false);
    static final long DELAY_MS = 1_000;
    private boolean running;
    private boolean again;

    OutputWrites(Supplier<BuildOutcome> write, Consumer<BuildOutcome> report) {
        this.write = write;
        this.report = report;
    }

    /** Writes the output folder soon: now if no write runs, else once more after the running one. */
    synchronized void request() {
        if (running) {
            again = true;
            return;
        }
        running = true;
        pool.execute(this::run);
    }

    private void run() {
        while (true) {
            try {
                Thread.sleep(DELAY_MS);
            } catch (InterruptedException stop) {
                synchronized (this) {
                    running = false;
                    notifyAll();
                }
                return;
            }
            synchronized (this) {
                again = false; // the write reads the folders as they are now: it includes changes asked for till now
            }
            report.accept(write.get());
            synchronized (this) {
                if (!again) {
                    running = false;
                    notifyAll();
                    return;
                }
                again = false;
            }
        }
    }

    /** Waits until no write runs or is due (tests; a build that writes the site after serve). */
    synchronized void await() throws InterruptedException {
        while (running) {
            wait();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
