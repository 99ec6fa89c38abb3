package org.kaoping.render;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Reused buffers never carry one page's text into the next, nested or not. */
class PageTextTest {
    @Test
    void reusedBuffersHoldOnlyTheirOwnPage() {
        Random random = new Random(3L);
        for (int page = 0; page < 2_000; page++) {
            String head = text(random, random.nextInt(3_000));
            String inner = text(random, random.nextInt(200_000) < 1_000 ? 150_000 : random.nextInt(5_000));
            String tail = text(random, random.nextInt(100));
            boolean fails = random.nextInt(10) == 0;
            String[] body = new String[1];
            String whole = PageText.collect(layout -> {
                layout.write(head);
                if (fails) {
                    // a failed render gives its buffer back without a text
                    assertThrows(IllegalStateException.class, () -> PageText.collect(w -> {
                        w.write(inner);
                        throw new IllegalStateException("template failed");
                    }));
                    return;
                }
                body[0] = PageText.collect(w -> w.write(inner)); // a body rendered while its layout is open
                layout.write(body[0]);
                layout.write(tail);
            });
            if (fails) {
                assertEquals(head, whole);
                continue;
            }
            assertEquals(inner, body[0]);
            assertEquals(head + inner + tail, whole);
        }
    }

    private static String text(Random random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(random.nextInt(4) == 0 ? (char) (0x4E00 + random.nextInt(0x5000)) : (char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }
}
