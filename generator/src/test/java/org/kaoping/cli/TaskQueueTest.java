package org.kaoping.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The build's scheduling: added tasks before the sequence, heaviest first; a failure stops it after every task has returned. */
class TaskQueueTest {
    @Test
    void addedTasksRunBeforeTheRestOfTheSequenceHeaviestFirst() {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        TaskQueue[] q = new TaskQueue[1];
        q[0] = new TaskQueue(4, i -> () -> {
            order.add("page " + i);
            if (i == 1) {
                for (int w : new int[]{5, 50, 1, 50, 20}) {
                    q[0].add(new TaskQueue.Task("w" + w, w, () -> order.add("part " + w)));
                }
            }
        });
        q[0].run(1);
        assertEquals(List.of("page 0", "page 1", "part 50", "part 50", "part 20", "part 5", "part 1", "page 2", "page 3"),
                order);
    }

    @Test
    void everyTaskRunsOnceOnEveryThread() {
        for (int threads = 1; threads <= 4; threads++) {
            AtomicInteger pages = new AtomicInteger();
            AtomicInteger parts = new AtomicInteger();
            TaskQueue[] q = new TaskQueue[1];
            q[0] = new TaskQueue(500, i -> () -> {
                pages.incrementAndGet();
                if (i % 50 == 0) {
                    for (int p = 0; p < 10; p++) {
                        q[0].add(new TaskQueue.Task("part", p, parts::incrementAndGet));
                    }
                }
            });
            q[0].run(threads);
            assertEquals(500, pages.get());
            assertEquals(100, parts.get());
        }
    }

    @Test
    void theFirstFailureIsRethrownOnceRunningTasksHaveReturnedAndNothingStartsAfterIt() {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("boom");
        TaskQueue q = new TaskQueue(1000, i -> () -> {
            started.incrementAndGet();
            if (i == 3) {
                throw boom;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.incrementAndGet();
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> q.run(3));
        assertSame(boom, e);
        // Every task that started has returned (none still running), and the queue stopped soon after.
        assertEquals(started.get() - 1, finished.get());
        assertTrue(started.get() < 20, "started " + started.get());
    }
}
