package org.kaoping.model;

import java.util.AbstractList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * An immutable list that also finds its items by key in constant time. Records keep it as an ordinary
 * {@code List} component (equality, order and JSON unchanged), while their lookups by id stop scanning:
 * a province has 10,000 stations per period, and a scan per station page made page building quadratic.
 * The first item with a key wins, as the scans it replaces did.
 */
public final class KeyedList<T> extends AbstractList<T> implements RandomAccess {
    private final List<T> items;
    private final Map<String, T> byKey;

    private KeyedList(List<T> items, Function<? super T, String> key) {
        this.items = items;
        this.byKey = new HashMap<>(items.size() * 2);
        for (T t : items) {
            byKey.putIfAbsent(key.apply(t), t);
        }
    }

    /** Below this size a scan is as quick as a hash and the index would only cost memory. */
    private static final int INDEXED_FROM = 16;

    /**
     * An immutable copy of {@code items} (nulls refused, as {@link List#copyOf}) indexed by {@code key};
     * a short list (a section's few criteria) stays a plain immutable list, searched by {@link #find}'s scan.
     */
    public static <T> List<T> of(Collection<? extends T> items, Function<? super T, String> key) {
        List<T> copy = List.copyOf(items);
        return copy.size() < INDEXED_FROM ? copy : new KeyedList<>(copy, key);
    }

    /**
     * The first item of {@code list} whose key is {@code key}: by index when the list is a KeyedList built
     * with the same key function, else by scanning.
     */
    public static <T> Optional<T> find(List<T> list, String key, Function<? super T, String> keyOf) {
        if (list instanceof KeyedList<T> k) {
            return Optional.ofNullable(k.byKey.get(key));
        }
        // A plain loop: short lists are searched for every criterion of every sheet, and a stream's set-up
        // cost more than the scan (a fifth of a build's CPU at 1,000 stations).
        for (T t : list) {
            if (key.equals(keyOf.apply(t))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public T get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }
}
