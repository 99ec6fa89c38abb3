package org.kaoping.write;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * A step taken for each of an output's listed files — checking one, deleting one — either one file after another or
 * several at once; either way a failure is the one the first failing file in the list gives, so what is said does not
 * depend on which thread got there first.
 */
final class EachFile {
    /** The step for the file at one index of the list. */
    interface Step {
        void take(int index) throws IOException;
    }

    private EachFile() {
    }

    /**
     * @param threads 1: in list order on this thread, stopping at the first failure; more: that many files at once,
     *                on a pool of their own (every step is taken, then the first failure in list order thrown)
     */
    static void run(int count, int threads, Step step) throws IOException {
        if (threads <= 1) {
            for (int i = 0; i < count; i++) {
                step.take(i);
            }
            return;
        }
        IOException[] failed = new IOException[count];
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            // A parallel stream started inside a pool runs on that pool's threads.
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(i -> {
                try {
                    step.take(i);
                } catch (IOException e) {
                    failed[i] = e;
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while going through an output's files");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        for (IOException e : failed) {
            if (e != null) {
                throw e;
            }
        }
    }
}
