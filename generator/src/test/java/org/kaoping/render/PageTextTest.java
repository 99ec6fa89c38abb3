package org.kaoping.render;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reused buffers never carry one page's text into the next, nested or not. */
class PageTextTest {
    @Test
    void reusedBuffersHoldOnlyTheirOwnPage() {
        Random random = new Random(3L);
        for (int page = 0; page < 2_000; page++) {
            PageText layout = PageText.open();
            String head = text(random, random.nextInt(3_000));
            layout.write(head);
            PageText body = PageText.open(); // a body rendered while its layout is open
            String inner = text(random, random.nextInt(200_000) < 1_000 ? 150_000 : random.nextInt(5_000));
            body.write(inner);
            if (random.nextInt(10) == 0) {
                body.release(); // a failed render gives its buffer back without a text
                continue;
            }
            String b = body.finish();
            assertEquals(inner, b);
            String tail = text(random, random.nextInt(100));
            layout.write(b);
            layout.write(tail);
            assertEquals(head + inner + tail, layout.finish());
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
