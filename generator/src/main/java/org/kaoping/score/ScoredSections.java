package org.kaoping.score;

import org.kaoping.model.Interner;
import org.kaoping.score.Breakdown.CriterionScore;
import org.kaoping.score.Breakdown.SectionScore;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A breakdown's sections as an immutable list (equality, order and JSON those of any list), with a shared
 * index of where each criterion stands. Every breakdown of a rubric has the rubric's shape, and pages look
 * up every criterion of every breakdown, so the index (criterion id → section and position) is built once
 * per shape and shared by all breakdowns with it: a lookup is one hash, never a scan. The first criterion
 * with an id wins, as a scan in section order would.
 */
final class ScoredSections extends AbstractList<SectionScore> implements RandomAccess {
    /** Shapes worth sharing are few (one per rubric); a shape too large to share is indexed per breakdown. */
    private static final Interner<Shape> SHAPES = new Interner<>(256);
    private static final int SHARED_MAX_CRITERIA = 2_000;
    private static final int SHARED_MAX_ID_LENGTH = 64;

    private final SectionScore[] sections;
    private final Shape shape;

    private ScoredSections(SectionScore[] sections, Shape shape) {
        this.sections = sections;
        this.shape = shape;
    }

    /** An immutable copy of {@code sections} (nulls refused, as {@link List#copyOf}), indexed. */
    static List<SectionScore> of(List<SectionScore> sections) {
        if (sections instanceof ScoredSections s) {
            return s;
        }
        SectionScore[] array = List.copyOf(sections).toArray(new SectionScore[0]);
        int n = 0;
        for (SectionScore s : array) {
            n += s.criteria().size();
        }
        String[] ids = new String[n];
        int[] sizes = new int[array.length];
        int at = 0;
        boolean share = n <= SHARED_MAX_CRITERIA;
        for (int si = 0; si < array.length; si++) {
            List<CriterionScore> criteria = array[si].criteria();
            sizes[si] = criteria.size();
            for (CriterionScore c : criteria) {
                ids[at++] = c.id();
                share &= c.id().length() <= SHARED_MAX_ID_LENGTH;
            }
        }
        Shape shape = new Shape(ids, sizes);
        return new ScoredSections(array, share ? SHAPES.intern(shape) : shape);
    }

    /**
     * {@code sections} indexed by {@code like}'s index when they hold the same criterion ids in the same places
     * (sections of a breakdown scored again with some sections anew: only those are compared); else indexed anew.
     */
    static List<SectionScore> sameShape(List<SectionScore> like, SectionScore[] sections) {
        if (like instanceof ScoredSections s && s.sections.length == sections.length) {
            boolean same = true;
            for (int i = 0; i < sections.length && same; i++) {
                same = sections[i] == s.sections[i] || sections[i] != null && sameIds(sections[i], s.sections[i]);
            }
            if (same) {
                return new ScoredSections(sections.clone(), s.shape);
            }
        }
        return of(Arrays.asList(sections));
    }

    private static boolean sameIds(SectionScore a, SectionScore b) {
        List<CriterionScore> x = a.criteria();
        List<CriterionScore> y = b.criteria();
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!x.get(i).id().equals(y.get(i).id())) {
                return false;
            }
        }
        return true;
    }

    /** The criterion with this id in any section, or null. */
    CriterionScore criterion(String id) {
        long where = shape.where(id);
        return where < 0 ? null : sections[(int) (where >>> 32)].criteria().get((int) where);
    }

    @Override
    public SectionScore get(int index) {
        return sections[index];
    }

    @Override
    public int size() {
        return sections.length;
    }

    /** The criterion ids of each section in order; the index is built on first use (shared shapes: once). */
    private static final class Shape {
        private final String[] ids;
        private final int[] sizes;
        private final int hash;
        private volatile Map<String, Long> where;

        Shape(String[] ids, int[] sizes) {
            this.ids = ids;
            this.sizes = sizes;
            this.hash = 31 * Arrays.hashCode(ids) + Arrays.hashCode(sizes);
        }

        /** Section index × 2^32 + position, or -1. */
        long where(String id) {
            Map<String, Long> w = where;
            if (w == null) {
                w = new HashMap<>(ids.length * 2);
                int at = 0;
                for (int si = 0; si < sizes.length; si++) {
                    for (int ci = 0; ci < sizes[si]; ci++) {
                        w.putIfAbsent(ids[at++], (long) si << 32 | ci);
                    }
                }
                where = w; // built the same by any thread that races here
            }
            Long l = w.get(id);
            return l == null ? -1 : l;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Shape s && hash == s.hash && Arrays.equals(sizes, s.sizes) && Arrays.equals(ids, s.ids);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
