package org.kaoping.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * An immutable map that keeps its entries in the order given, as two arrays: its keys with their hash
 * index, shared by every map with the same keys in the same order, and its own values. A sheet's criteria
 * were a LinkedHashMap of 47 entries (about 4 KB a sheet, 80,000 sheets in a province); as a CompactMap they
 * are one array of values, the keys and index being the rubric's, built once. Lookups hash, never scan.
 * Equality, hash code and text are those of any {@link Map} with the same entries (LinkedHashMap's too);
 * null keys and values are kept as LinkedHashMap keeps them; every mutator throws.
 */
public final class CompactMap<K, V> extends AbstractMap<K, V> {
    private static final CompactMap<?, ?> EMPTY = new CompactMap<>(new Keys(new Object[0]), new Object[0]);
    /** Key arrays worth sharing: few keys, short ones (criterion ids, attribute names); others stay unshared. */
    private static final Interner<Keys> SHARED_KEYS = new Interner<>(1024);
    private static final int SHARED_MAX_KEYS = 256;
    private static final int SHARED_MAX_KEY_LENGTH = 64;

    private final Keys keys;
    private final Object[] values;

    private CompactMap(Keys keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** An immutable copy of {@code map} in its iteration order (a CompactMap is returned as it is). */
    public static <K, V> Map<K, V> copyOf(Map<? extends K, ? extends V> map) {
        return copyOf(map, null);
    }

    /**
     * As {@link #copyOf(Map)}, each value passed through {@code share} (an {@link Interner}'s, say); null
     * for none. A CompactMap is copied too when {@code share} is given.
     */
    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> copyOf(Map<? extends K, ? extends V> map, UnaryOperator<V> share) {
        if (map instanceof CompactMap<?, ?> c && share == null) {
            return (Map<K, V>) c;
        }
        int n = map.size();
        if (n == 0) {
            return (Map<K, V>) EMPTY;
        }
        Object[] k = new Object[n];
        Object[] v = new Object[n];
        int i = 0;
        for (Map.Entry<? extends K, ? extends V> e : map.entrySet()) {
            if (i == n) {
                throw new IllegalStateException("map grew while copied");
            }
            k[i] = e.getKey();
            V value = e.getValue();
            v[i] = share == null ? value : share.apply(value);
            i++;
        }
        if (i != n) {
            throw new IllegalStateException("map shrank while copied");
        }
        return new CompactMap<>(Keys.of(k), v);
    }

    /** Whether two CompactMaps share one key array (for tests: the memory saving this class exists for). */
    static boolean sameKeys(Map<?, ?> a, Map<?, ?> b) {
        return a instanceof CompactMap<?, ?> x && b instanceof CompactMap<?, ?> y && x.keys == y.keys;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isEmpty() {
        return values.length == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return keys.indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = keys.indexOf(key);
        return i < 0 ? null : (V) values[i];
    }

    @Override
    @SuppressWarnings("unchecked")
    public V getOrDefault(Object key, V defaultValue) {
        int i = keys.indexOf(key);
        return i < 0 ? defaultValue : (V) values[i];
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super K, ? super V> action) {
        Objects.requireNonNull(action);
        for (int i = 0; i < values.length; i++) {
            action.accept((K) keys.keys[i], (V) values[i]);
        }
    }

    /** A view made when asked, not kept: a kept view would weigh on every one of 80,000 sheets. */
    @Override
    @SuppressWarnings("unchecked")
    public Set<K> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<K> iterator() {
                return new Positions<>(values.length, i -> (K) keys.keys[i]);
            }

            @Override
            public int size() {
                return values.length;
            }

            @Override
            public boolean contains(Object o) {
                return containsKey(o);
            }
        };
    }

    /** As {@link #keySet()}, made when asked. */
    @Override
    @SuppressWarnings("unchecked")
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                return new Positions<>(values.length,
                        i -> new AbstractMap.SimpleImmutableEntry<>((K) keys.keys[i], (V) values[i]));
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    // Immutable: every mutator throws, even when it would change nothing (as Map.of's maps do).

    @Override
    public V put(K key, V value) {
        throw immutable();
    }

    @Override
    public V remove(Object key) {
        throw immutable();
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        throw immutable();
    }

    @Override
    public void clear() {
        throw immutable();
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        throw immutable();
    }

    @Override
    public V putIfAbsent(K key, V value) {
        throw immutable();
    }

    @Override
    public boolean remove(Object key, Object value) {
        throw immutable();
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        throw immutable();
    }

    @Override
    public V replace(K key, V value) {
        throw immutable();
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        throw immutable();
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        throw immutable();
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        throw immutable();
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        throw immutable();
    }

    /** As {@link #keySet()}, made when asked. */
    @Override
    @SuppressWarnings("unchecked")
    public Collection<V> values() {
        return new java.util.AbstractCollection<>() {
            @Override
            public Iterator<V> iterator() {
                return new Positions<>(values.length, i -> (V) values[i]);
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    /** Walks positions 0..size-1 in order, each turned into an element: the iterator of every view. */
    private static final class Positions<T> implements Iterator<T> {
        private final int size;
        private final java.util.function.IntFunction<T> at;
        private int next;

        Positions(int size, java.util.function.IntFunction<T> at) {
            this.size = size;
            this.at = at;
        }

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public T next() {
            if (next >= size) {
                throw new NoSuchElementException();
            }
            return at.apply(next++);
        }
    }

    private static UnsupportedOperationException immutable() {
        return new UnsupportedOperationException("immutable map");
    }

    /**
     * Keys in order and an open-addressing index over them (position + 1 by hash, 0 for a free slot), built
     * when first asked: a map whose keys are already shared never builds its own.
     */
    private static final class Keys {
        final Object[] keys;
        private final int hash;
        private volatile int[] slots;

        Keys(Object[] keys) {
            this.keys = keys;
            this.hash = Arrays.hashCode(keys);
        }

        private int[] slots() {
            int[] t = slots;
            if (t == null) {
                t = new int[Integer.highestOneBit(Math.max(2, keys.length * 2 - 1)) << 1];
                int mask = t.length - 1;
                for (int i = 0; i < keys.length; i++) {
                    int s = spread(keys[i]) & mask;
                    while (t[s] != 0) {
                        s = (s + 1) & mask;
                    }
                    t[s] = i + 1;
                }
                slots = t; // built the same by any thread that races here
            }
            return t;
        }

        static Keys of(Object[] keys) {
            Keys k = new Keys(keys);
            return worthSharing(keys) ? SHARED_KEYS.intern(k) : k;
        }

        private static boolean worthSharing(Object[] keys) {
            if (keys.length > SHARED_MAX_KEYS) {
                return false;
            }
            for (Object k : keys) {
                if (!(k instanceof String s) || s.length() > SHARED_MAX_KEY_LENGTH) {
                    return false;
                }
            }
            return true;
        }

        private static int spread(Object key) {
            int h = Objects.hashCode(key);
            return h ^ (h >>> 16);
        }

        /** The first position of {@code key}, or -1. */
        int indexOf(Object key) {
            int[] t = slots();
            int mask = t.length - 1;
            int s = spread(key) & mask;
            int at;
            while ((at = t[s]) != 0) {
                Object k = keys[at - 1];
                if (k == key || (key != null && key.equals(k))) {
                    return at - 1;
                }
                s = (s + 1) & mask;
            }
            return -1;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Keys k && hash == k.hash && Arrays.equals(keys, k.keys);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
