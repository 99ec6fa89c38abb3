package org.kaoping.render;

/**
 * Answers already worked out for the very same immutable objects (a String, a BigDecimal), found again by identity
 * in one array read. A province's tables write the same few hundred texts and figures millions of times, and they
 * are shared instances (the rubric's, the loader's interned reasons, the scorer's shared decimals): a hash lookup by
 * value, or encoding the text again, costs more than the cell. Direct-mapped: a key whose slot is taken replaces the
 * one there, so the table never grows and a miss only means working the answer out. Not thread-safe.
 */
final class ByIdentity<K, V> {
    private final Object[] keys;
    private final Object[] values;
    private final int mask;

    /** @param slots a power of two */
    ByIdentity(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        keys = new Object[slots];
        values = new Object[slots];
        mask = slots - 1;
    }

    /** The answer put for this very instance, or null. */
    @SuppressWarnings("unchecked")
    V get(K key) {
        int i = slot(key);
        return keys[i] == key ? (V) values[i] : null;
    }

    void put(K key, V value) {
        int i = slot(key);
        keys[i] = key;
        values[i] = value;
    }

    private int slot(Object key) {
        int h = System.identityHashCode(key);
        return (h ^ (h >>> 16)) & mask;
    }
}
