package org.kaoping.rank;

import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.kaoping.model.TiePolicy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Places from exact totals under a declared tie policy (RULES 19). */
public final class Places {
    private Places() {
    }

    /**
     * @param totals    exact totals, higher is better
     * @param tieBreak  for {@link TiePolicy#SEQUENTIAL}: orders equal totals (lower first); ignored for shared
     * @return the place of each entry, 1-based, in input order
     */
    public static int[] assign(List<BigDecimal> totals, TiePolicy policy, Comparator<Integer> tieBreak) {
        int n = totals.size();
        int[] places = new int[n];
        if (n == 0) {
            return places;
        }
        if (policy == TiePolicy.SHARED) {
            // Rank exact values: map each distinct total to its order so doubles never compare rounded scores.
            // Distinct by value (compareTo): 92.0 and 92.00 are one total.
            List<BigDecimal> distinct = new ArrayList<>();
            for (BigDecimal t : totals.stream().sorted(Comparator.reverseOrder()).toList()) {
                if (distinct.isEmpty() || distinct.get(distinct.size() - 1).compareTo(t) != 0) {
                    distinct.add(t);
                }
            }
            double[] keys = new double[n];
            for (int i = 0; i < n; i++) {
                keys[i] = indexOf(distinct, totals.get(i));
            }
            double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.MINIMUM).rank(keys);
            for (int i = 0; i < n; i++) {
                places[i] = (int) ranks[i];
            }
            return places;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigDecimal>comparing(totals::get, Comparator.reverseOrder()).thenComparing(tieBreak));
        for (int p = 0; p < n; p++) {
            places[order.get(p)] = p + 1;
        }
        return places;
    }

    /** The index of {@code v} in {@code distinct} (sorted from highest down): a binary search, not a scan per entry. */
    private static int indexOf(List<BigDecimal> distinct, BigDecimal v) {
        int i = java.util.Collections.binarySearch(distinct, v, Comparator.reverseOrder());
        if (i < 0) {
            throw new IllegalStateException();
        }
        return i;
    }
}
