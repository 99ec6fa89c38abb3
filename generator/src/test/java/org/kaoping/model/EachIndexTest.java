package org.kaoping.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EachIndexTest {
    @Test
    void everyIndexOnceWhateverTheCount() {
        for (int count : new int[]{0, 1, 2, 3, 7, 1_000, 100_003}) {
            AtomicIntegerArray taken = new AtomicIntegerArray(count);
            EachIndex.run(count, taken::incrementAndGet);
            for (int i = 0; i < count; i++) {
                assertEquals(1, taken.get(i), "count " + count + ", index " + i);
            }
        }
    }

    @Test
    void theCallerAndThePoolsThreadsTakeStepsAtOnce() throws Exception {
        // Each step waits until all three have started: three threads at once, or the latch times out.
        CountDownLatch started = new CountDownLatch(3);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        ForkJoinPool pool = new ForkJoinPool(3);
        try {
            pool.submit(() -> EachIndex.run(3, i -> {
                threads.add(Thread.currentThread());
                started.countDown();
                try {
                    assertTrue(started.await(30, TimeUnit.SECONDS), "step " + i + " waited alone");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            })).get();
        } finally {
            pool.shutdown();
        }
        assertEquals(3, threads.size());
    }

    @Test
    void inAPoolOfOneEveryStepRunsOnItsThreadInOrder() throws Exception {
        // serve's output write builds in a pool of one thread, to leave the other core to the preview.
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            pool.submit(() -> EachIndex.run(50, i -> {
                threads.add(Thread.currentThread());
                order.add(i);
            })).get();
        } finally {
            pool.shutdown();
        }
        assertEquals(1, threads.size());
        assertTrue(threads.iterator().next().getName().startsWith("ForkJoinPool-"), threads.toString());
        assertEquals(java.util.stream.IntStream.range(0, 50).boxed().toList(), order);
    }

    @Test
    void aFailureStopsTheTakingAndIsRethrown() throws Exception {
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            var result = pool.submit(() -> assertThrows(IllegalArgumentException.class, () -> EachIndex.run(50, i -> {
                ran.add(i);
                if (i == 5) {
                    throw new IllegalArgumentException("step 5 failed");
                }
            })));
            assertEquals("step 5 failed", result.get().getMessage());
        } finally {
            pool.shutdown();
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5), ran);
    }

    @Test
    void theLowestFailingIndexIsSaidWhicheverThreadMetIt() throws Exception {
        // Every index from 3 on fails, each with an exception of its own; three threads take them. What reaches the
        // caller is index 3's own object, not a copy, in every run.
        ForkJoinPool pool = new ForkJoinPool(3);
        try {
            for (int run = 0; run < 200; run++) {
                RuntimeException[] thrown = new RuntimeException[1_000];
                var result = pool.submit(() -> assertThrows(IllegalStateException.class, () -> EachIndex.run(1_000, i -> {
                    if (i >= 3) {
                        thrown[i] = new IllegalStateException("index " + i);
                        throw thrown[i];
                    }
                })));
                Throwable said = result.get(); // before reading thrown[3]: the run may still be going
                assertSame(thrown[3], said, "run " + run);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aHelpersFailureReachesACallerOnAPlainThread() {
        // The helpers are then the common pool's; the error is the one thrown, message and all.
        Error thrown = assertThrows(AssertionError.class, () -> EachIndex.run(1_000, i -> {
            if (i == 3) {
                throw new AssertionError("index 3");
            }
        }));
        assertEquals("index 3", thrown.getMessage());
    }
}
