package org.kaoping.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** serve's output write waits while the preview rebuilds, and for the grace time after it, never longer. */
class WriteGateTest {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path tmp;

    @Test
    @DisplayName("a write waits while the preview rebuilds and goes on after the grace time")
    void waitsWhileClosed() throws Exception {
        WriteGate gate = new WriteGate();
        assertFalse(gate.closed());
        gate.pass(); // open: no wait

        gate.close();
        gate.close(); // two rebuilds overlap: open only after both
        AtomicLong passedAt = new AtomicLong();
        CountDownLatch passed = new CountDownLatch(1);
        Thread write = new Thread(() -> {
            gate.pass();
            passedAt.set(System.nanoTime());
            passed.countDown();
        });
        write.start();
        assertFalse(passed.await(300, TimeUnit.MILLISECONDS), "passed while the preview rebuilds");
        gate.open(0);
        assertFalse(passed.await(300, TimeUnit.MILLISECONDS), "passed while the other rebuild runs");
        assertTrue(gate.closed());
        long opened = System.nanoTime();
        gate.open(200);
        assertTrue(gate.closed(), "closed during the grace time");
        assertTrue(passed.await(30, TimeUnit.SECONDS), "never passed");
        assertTrue(passedAt.get() - opened >= 200_000_000L, "passed before the grace time ended");
        write.join();
        assertFalse(gate.closed());
        assertEquals(Thread.State.TERMINATED, write.getState());
    }

    @Test
    @DisplayName("serve's output write is rendered by one thread and checks and renders through the gate")
    void writeGivesWay() throws Exception {
        WriteGate gate = new WriteGate();
        Folders f = new Folders();
        f.content = java.nio.file.Path.of("content");
        f.rubrics = java.nio.file.Path.of("rubrics");
        f.theme = java.nio.file.Path.of("site-theme");
        java.nio.file.Path out = tmp.resolve("site");
        f.out = out;
        Rebuilds rebuilds = new Rebuilds(f, new org.kaoping.load.LoadCache(), gate);
        gate.close();
        var outcome = new java.util.concurrent.atomic.AtomicReference<org.kaoping.serve.BuildOutcome>();
        Thread write = new Thread(() -> outcome.set(rebuilds.build()));
        write.start();
        write.join(3_000);
        assertTrue(write.isAlive(), "the write went on while the preview rebuilds");
        assertFalse(java.nio.file.Files.exists(out.resolve("index.html")));
        gate.open(0);
        write.join(120_000);
        assertFalse(write.isAlive());
        assertTrue(outcome.get().ok(), outcome.get().report());
        assertTrue(java.nio.file.Files.isRegularFile(out.resolve("index.html")));
    }
}
