package org.kaoping.model;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance per distinct immutable value, by {@code equals}: a province holds 80,000 sheets and
 * as many breakdowns of 47 criteria each, and most of their entries ("full marks, no reason") are equal.
 * Sharing an immutable value changes nothing but memory. Thread-safe (sheets load and score in parallel).
 * Bounded: the table forgets everything once it holds {@code limit} values and starts again, so `serve`'s
 * many builds in one process never make it grow, and values already shared stay valid (only later
 * sharing is lost). Callers intern only small values (short texts), so the table's weight is bounded too.
 */
public final class Interner<T> {
    private final int limit;
    private volatile ConcurrentHashMap<T, T> table = new ConcurrentHashMap<>();

    public Interner(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit " + limit);
        }
        this.limit = limit;
    }

    /** The shared instance equal to {@code value} (this one if it is the first); null stays null. */
    public T intern(T value) {
        if (value == null) {
            return null;
        }
        ConcurrentHashMap<T, T> t = table;
        T known = t.get(value);
        if (known != null) {
            return known;
        }
        if (t.mappingCount() >= limit) {
            t = new ConcurrentHashMap<>();
            table = t;
        }
        T previous = t.putIfAbsent(value, value);
        return previous != null ? previous : value;
    }

    /** How many values the table holds now (for tests). */
    int size() {
        return table.size();
    }
}
