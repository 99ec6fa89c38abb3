package org.kaoping.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Sheets share equal small entries and texts, and stay equal, ordered and immutable as before. */
class SheetSharingTest {
    private static Sheet sheet(String station, Map<String, Sheet.Entry> criteria) {
        return new Sheet("r", null, station, "2022-annual", null, new String("2023-01-05"), null, criteria, null,
                null, null, null, null);
    }

    private static LinkedHashMap<String, Sheet.Entry> entries(String reason) {
        LinkedHashMap<String, Sheet.Entry> m = new LinkedHashMap<>();
        m.put("1.2", Sheet.Entry.ofScore(new BigDecimal("2")));
        m.put("1.1", new Sheet.Entry(new BigDecimal("0.5"), null, null, reason));
        m.put("2.1", new Sheet.Entry(null, null, true, null));
        return m;
    }

    @Test
    void equalEntriesAndTextsAreOneInstanceAcrossSheets() {
        LinkedHashMap<String, Sheet.Entry> a = entries(new String("台账未建立"));
        LinkedHashMap<String, Sheet.Entry> b = entries(new String("台账未建立"));
        Sheet sa = sheet("s1", a);
        Sheet sb = sheet("s2", b);
        for (String id : a.keySet()) {
            assertSame(sa.criteria().get(id), sb.criteria().get(id), id);
        }
        assertSame(sa.date(), sb.date());
        assertEquals(a, sa.criteria());
        assertEquals(sa.criteria(), a);
        assertEquals(a.hashCode(), sa.criteria().hashCode());
        assertEquals(List.of("1.2", "1.1", "2.1"), new ArrayList<>(sa.criteria().keySet()));
        assertEquals(sa, sheet("s1", entries("台账未建立")));
        assertEquals(sa.hashCode(), sheet("s1", entries("台账未建立")).hashCode());
        assertThrows(UnsupportedOperationException.class, () -> sa.criteria().put("9", Sheet.Entry.ofScore(BigDecimal.ONE)));
        assertThrows(UnsupportedOperationException.class, () -> sa.attributes().put("a", "b"));
        assertThrows(UnsupportedOperationException.class, () -> sa.targets().put("a", BigDecimal.ONE));
    }

    @Test
    void scoresOfAnotherScaleAndLongReasonsAreKeptApart() {
        Sheet two = sheet("s1", Map.of("1.2", Sheet.Entry.ofScore(new BigDecimal("2"))));
        Sheet twoPointZero = sheet("s1", Map.of("1.2", Sheet.Entry.ofScore(new BigDecimal("2.0"))));
        // BigDecimal equality counts the scale, so 2 and 2.0 stay distinct values, as written.
        assertEquals("2.0", twoPointZero.criteria().get("1.2").score().toString());
        assertEquals("2", two.criteria().get("1.2").score().toString());
        String longReason = "很长的扣分原因".repeat(100);
        Sheet.Entry long1 = new Sheet.Entry(BigDecimal.ONE, null, null, new String(longReason));
        Sheet.Entry long2 = new Sheet.Entry(BigDecimal.ONE, null, null, new String(longReason));
        Sheet x = sheet("s1", Map.of("1.1", long1));
        Sheet y = sheet("s1", Map.of("1.1", long2));
        assertSame(long1, x.criteria().get("1.1")); // not shared: the shared table holds short values only
        assertNotSame(x.criteria().get("1.1"), y.criteria().get("1.1"));
        assertEquals(x, y);
    }

    @Test
    void derivedSheetsKeepOrderAndEntries() {
        Sheet s = sheet("s1", entries("原因"));
        Sheet fixed = s.withEntries(Map.of("1.1", Sheet.Entry.ofScore(BigDecimal.ONE)));
        assertEquals(List.of("1.2", "1.1", "2.1"), new ArrayList<>(fixed.criteria().keySet()));
        assertEquals(BigDecimal.ONE, fixed.criteria().get("1.1").score());
        Sheet withAttributes = s.withAttributes(Map.of("size", "large"));
        assertEquals(Map.of("size", "large"), withAttributes.attributes());
        assertSame(s.criteria(), withAttributes.criteria());
        Sheet withTargets = s.withTargets(Map.of("1.1/r", BigDecimal.TEN));
        assertEquals(Map.of("1.1/r", BigDecimal.TEN), withTargets.targets());
        assertEquals(s.criteria(), withTargets.criteria());
    }
}
