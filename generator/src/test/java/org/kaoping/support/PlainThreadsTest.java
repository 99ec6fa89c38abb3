package org.kaoping.support;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A test body runs on a plain thread, and a parallel stream in it runs where it would in the jar. */
class PlainThreadsTest {
    @Test
    void aTestBodyIsNotOnJunitsForkJoinPool() {
        assertFalse(Thread.currentThread() instanceof ForkJoinWorkerThread, Thread.currentThread().getName());
        // Every worker a parallel stream uses here is the common pool's, never one of JUnit's two.
        long foreign = IntStream.range(0, 10_000).parallel()
                .filter(i -> Thread.currentThread() instanceof ForkJoinWorkerThread w && w.getPool() != ForkJoinPool.commonPool())
                .count();
        assertEquals(0, foreign);
        assertTrue(IntStream.range(0, 1000).parallel().sum() == 499_500);
    }
}
