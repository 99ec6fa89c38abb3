package org.kaoping.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InternerTest {
    @Test
    void equalValuesBecomeOneInstance() {
        Interner<String> texts = new Interner<>(10);
        String first = new String("扣分原因");
        String second = new String("扣分原因");
        assertSame(first, texts.intern(first));
        assertSame(first, texts.intern(second));
        assertSame(first, texts.intern(first));
        assertNull(texts.intern(null));
    }

    @Test
    void threadsAgreeOnOneInstance() {
        Interner<String> texts = new Interner<>(1_000);
        List<String> got = IntStream.range(0, 20_000).parallel()
                .mapToObj(i -> texts.intern(new String("v" + i % 50))).toList();
        for (int i = 0; i < got.size(); i++) {
            assertEquals("v" + i % 50, got.get(i));
            assertSame(got.get(i % 50), got.get(i), "value " + i);
        }
    }

    @Test
    void staysWithinItsLimitAndKeepsWorkingBeyondIt() {
        Interner<Integer> numbers = new Interner<>(100);
        for (int i = 0; i < 10_000; i++) {
            Integer v = numbers.intern(Integer.valueOf(1_000 + i)); // beyond Integer's own cache
            assertEquals(1_000 + i, v);
            assertTrue(numbers.size() <= 100, "size " + numbers.size());
        }
        Integer again = numbers.intern(new Integer(123_456));
        assertSame(again, numbers.intern(new Integer(123_456)));
        assertThrows(IllegalArgumentException.class, () -> new Interner<>(0));
    }
}
