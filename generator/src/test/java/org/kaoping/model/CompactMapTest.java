package org.kaoping.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** CompactMap keeps Map's contract as a LinkedHashMap copy would: order, lookups, equality, immutability. */
class CompactMapTest {
    private static final long SEED = Long.getLong("kaoping.seed", 20261201L);
    /** "Aa" and "BB" share a hash code, so the index's collision path is exercised. */
    private static final String[] KEYS = {"1.1", "1.2", "2.1", "Aa", "BB", "", "x", "5.10", "10.5", "y", "z",
            "3.3", "4.4", "6.1", "6.2", "7.7", "8.1", "9.9", "AaAa", "BBBB", "AaBB", "BBAa"};

    private static LinkedHashMap<String, Integer> randomMap(Random r) {
        LinkedHashMap<String, Integer> m = new LinkedHashMap<>();
        int n = r.nextInt(KEYS.length + 1);
        for (int i = 0; i < n; i++) {
            String key = r.nextInt(40) == 0 ? null : KEYS[r.nextInt(KEYS.length)];
            m.put(key, r.nextInt(8) == 0 ? null : r.nextInt(5));
        }
        return m;
    }

    @Test
    void behavesAsTheLinkedHashMapItCopies() {
        for (int c = 0; c < 3_000; c++) {
            long seed = SEED + c;
            Random r = new Random(seed);
            LinkedHashMap<String, Integer> expected = randomMap(r);
            Map<String, Integer> m = CompactMap.copyOf(expected);
            try {
                assertEquals(expected, m);
                assertEquals(m, expected);
                assertEquals(expected.hashCode(), m.hashCode());
                assertEquals(expected.toString(), m.toString());
                assertEquals(expected.size(), m.size());
                assertEquals(expected.isEmpty(), m.isEmpty());
                assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(m.keySet()));
                assertEquals(new ArrayList<>(expected.values()), new ArrayList<>(m.values()));
                assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(m.entrySet()));
                assertEquals(expected.entrySet(), m.entrySet());
                assertEquals(expected.keySet(), m.keySet());
                List<String> order = new ArrayList<>();
                m.forEach((k, v) -> {
                    order.add(k);
                    assertEquals(expected.get(k), v);
                });
                assertEquals(new ArrayList<>(expected.keySet()), order);
                for (String k : KEYS) {
                    assertEquals(expected.get(k), m.get(k), k);
                    assertEquals(expected.containsKey(k), m.containsKey(k), k);
                    assertEquals(expected.getOrDefault(k, -1), m.getOrDefault(k, -1), k);
                }
                assertEquals(expected.get(null), m.get(null));
                assertEquals(expected.containsKey(null), m.containsKey(null));
                assertEquals(expected.containsKey("absent"), m.containsKey("absent"));
                assertEquals(expected.containsKey(42), m.containsKey(42));
                for (int v = -1; v < 6; v++) {
                    assertEquals(expected.containsValue(v), m.containsValue(v));
                }
                assertEquals(expected.containsValue(null), m.containsValue(null));
                // Equal to any map with the same entries, whatever its order (Map's contract, not the list's).
                HashMap<String, Integer> unordered = new HashMap<>(expected);
                assertEquals(unordered, m);
                assertEquals(m, unordered);
                LinkedHashMap<String, Integer> other = new LinkedHashMap<>(expected);
                other.put("absent", 1);
                assertNotEquals(other, m);
                assertNotEquals(m, other);
                // A copy of a copy is the copy: it is already immutable.
                assertSame(m, CompactMap.copyOf(m));
            } catch (AssertionError e) {
                fail("seed " + seed + " (replay with -Dkaoping.seed=" + seed + "): " + expected + "\n" + e, e);
            }
        }
    }

    @Test
    void keepsTheOrderOfTheMapItCopies() {
        TreeMap<String, Integer> sorted = new TreeMap<>(Map.of("b", 2, "a", 1, "c", 3));
        assertEquals(List.of("a", "b", "c"), new ArrayList<>(CompactMap.copyOf(sorted).keySet()));
        LinkedHashMap<String, Integer> reversed = new LinkedHashMap<>();
        reversed.put("c", 3);
        reversed.put("b", 2);
        reversed.put("a", 1);
        assertEquals(List.of("c", "b", "a"), new ArrayList<>(CompactMap.copyOf(reversed).keySet()));
    }

    @Test
    void everyMutatorThrows() {
        LinkedHashMap<String, Integer> source = new LinkedHashMap<>();
        source.put("a", 1);
        source.put("b", 2);
        for (Map<String, Integer> m : List.of(CompactMap.copyOf(source), CompactMap.<String, Integer>copyOf(Map.of()))) {
            List<Consumer<Map<String, Integer>>> mutators = List.of(
                    x -> x.put("a", 1), x -> x.put("new", 1), x -> x.remove("a"), x -> x.remove("absent"),
                    x -> x.remove("a", 1), x -> x.putAll(Map.of()), x -> x.putAll(Map.of("z", 1)), Map::clear,
                    x -> x.replaceAll((k, v) -> v), x -> x.putIfAbsent("a", 1), x -> x.putIfAbsent("new", 1),
                    x -> x.replace("a", 1), x -> x.replace("a", 1, 2), x -> x.computeIfAbsent("a", k -> 1),
                    x -> x.computeIfAbsent("new", k -> 1), x -> x.computeIfPresent("a", (k, v) -> v),
                    x -> x.compute("a", (k, v) -> v), x -> x.merge("a", 1, Integer::sum),
                    x -> x.keySet().remove("a"), x -> x.values().remove(1), x -> x.entrySet().clear(),
                    x -> x.keySet().clear(), x -> x.values().clear());
            for (int i = 0; i < mutators.size(); i++) {
                var mutator = mutators.get(i);
                if (m.isEmpty() && i >= mutators.size() - 5) {
                    continue; // the views of an empty map have nothing to remove: AbstractCollection's rule
                }
                assertThrows(UnsupportedOperationException.class, () -> mutator.accept(m), "mutator " + i);
            }
            if (!m.isEmpty()) {
                var it = m.entrySet().iterator();
                var e = it.next();
                assertThrows(UnsupportedOperationException.class, it::remove);
                assertThrows(UnsupportedOperationException.class, () -> e.setValue(9));
                assertEquals(source, m);
            }
        }
    }

    @Test
    void aCopyDoesNotFollowItsSource() {
        LinkedHashMap<String, Integer> source = new LinkedHashMap<>();
        source.put("a", 1);
        Map<String, Integer> m = CompactMap.copyOf(source);
        source.put("b", 2);
        source.put("a", 5);
        assertEquals(Map.of("a", 1), m);
        assertNull(m.get("b"));
    }

    @Test
    void mapsWithTheSameKeysInTheSameOrderShareThem() {
        LinkedHashMap<String, Integer> a = new LinkedHashMap<>();
        LinkedHashMap<String, Integer> b = new LinkedHashMap<>();
        LinkedHashMap<String, Integer> reordered = new LinkedHashMap<>();
        for (int i = 0; i < 47; i++) {
            a.put("c" + i, i);
            b.put(new String("c" + i), -i); // equal keys, other instances, other values
        }
        for (int i = 46; i >= 0; i--) {
            reordered.put("c" + i, i);
        }
        Map<String, Integer> ca = CompactMap.copyOf(a);
        Map<String, Integer> cb = CompactMap.copyOf(b);
        Map<String, Integer> cr = CompactMap.copyOf(reordered);
        assertTrue(CompactMap.sameKeys(ca, cb));
        assertFalse(CompactMap.sameKeys(ca, cr));
        assertEquals(a, ca);
        assertEquals(b, cb);
        assertEquals(reordered, cr);
        assertEquals(ca, cr); // same entries, other order: equal as maps
        assertEquals(-46, cb.get("c46"));
        assertEquals(46, cr.get("c46"));
    }

    @Test
    void valuesPassThroughTheSharingFunction() {
        Interner<String> texts = new Interner<>(100);
        LinkedHashMap<String, String> a = new LinkedHashMap<>();
        LinkedHashMap<String, String> b = new LinkedHashMap<>();
        a.put("k", new String("same text"));
        b.put("k", new String("same text"));
        Map<String, String> ca = CompactMap.copyOf(a, texts::intern);
        Map<String, String> cb = CompactMap.copyOf(b, texts::intern);
        assertSame(ca.get("k"), cb.get("k"));
        assertEquals(a, cb);
    }
}
