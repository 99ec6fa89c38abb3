package org.kaoping.support;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Decimal assertions by value: 1.50 equals 1.5, and the failure message shows both plainly. */
public final class Decimals {
    private Decimals() {
    }

    public static void assertDecimal(String expected, BigDecimal actual) {
        assertDecimal(expected, actual, null);
    }

    public static void assertDecimal(String expected, BigDecimal actual, String message) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual),
                (message == null ? "" : message + ": ") + "expected " + expected + " but was " + actual.toPlainString());
    }
}
