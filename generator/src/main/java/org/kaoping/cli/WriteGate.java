package org.kaoping.cli;

/**
 * Lets `serve`'s output write give way to its preview: while the preview is rebuilt after a change, and for
 * {@link #GRACE_MS} ms after (the browsers' reloads), the write waits at its next sheet or page. On two cores a
 * write beside the preview took the core, and its garbage the collector's pauses, that the changed page waited for.
 */
final class WriteGate {
    /** Long enough for the reloaded page and its files to be asked for; short beside a write. */
    static final long GRACE_MS = 500;
    private int rebuilding;
    private long openAt;

    /** A preview rebuild starts: the write stops at its next sheet or page. */
    synchronized void close() {
        rebuilding++;
    }

    /** The preview rebuild ended: the write goes on {@code graceMs} ms later, unless another has started. */
    synchronized void open(long graceMs) {
        rebuilding--;
        openAt = Math.max(openAt, System.nanoTime() + graceMs * 1_000_000);
        notifyAll();
    }

    /** Waits while the gate is closed (the write's threads call this between sheets and between pages). */
    synchronized void pass() {
        try {
            while (true) {
                long left = openAt - System.nanoTime();
                if (rebuilding > 0) {
                    wait();
                } else if (left > 0) {
                    wait(Math.max(1, left / 1_000_000));
                } else {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // serve stops: the write goes on to its end (or its failure)
        }
    }

    /** True while a write would wait (tests). */
    synchronized boolean closed() {
        return rebuilding > 0 || openAt - System.nanoTime() > 0;
    }
}
