package org.kaoping.rank;

import org.kaoping.model.Assessment;
import org.kaoping.model.Period;

import java.util.ArrayList;
import java.util.List;

/**
 * Tiers after ranking (RULES 18): top-n and bottom-n levels, the rest in between; a disqualified
 * unit (a listed disqualifier, or any veto) drops to the highest level it is not barred from.
 */
final class Tiering {
    private Tiering() {
    }

    static String[] assign(Assessment a, int[] places, List<Period.Result> results,
                           List<List<Standing.VetoApplied>> vetoes) {
        int n = places.length;
        String[] out = new String[n];
        if (a.tiers() == null) {
            return out;
        }
        List<Assessment.TierLevel> levels = a.tiers().levels();
        for (int i = 0; i < n; i++) {
            out[i] = natural(levels, places[i], n);
            List<String> barred = new ArrayList<>();
            for (String dq : results.get(i).disqualifiers()) {
                a.tiers().disqualifiers().stream().filter(d -> d.id().equals(dq)).findFirst()
                        .ifPresent(d -> barred.addAll(d.barredFrom()));
            }
            if (!vetoes.get(i).isEmpty()) {
                // A veto bars every level above the one that takes the rest.
                for (Assessment.TierLevel l : levels) {
                    if (l.top() != null) {
                        barred.add(l.id());
                    }
                }
            }
            if (barred.contains(out[i])) {
                int from = indexOf(levels, out[i]);
                for (int k = from; k < levels.size(); k++) {
                    if (!barred.contains(levels.get(k).id())) {
                        out[i] = levels.get(k).id();
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static String natural(List<Assessment.TierLevel> levels, int place, int n) {
        String rest = null;
        for (Assessment.TierLevel l : levels) {
            if (l.top() != null && place <= l.top()) {
                return l.id();
            }
            if (l.bottom() != null && place > n - l.bottom()) {
                return l.id();
            }
            if (l.top() == null && l.bottom() == null) {
                rest = l.id();
            }
        }
        return rest;
    }

    private static int indexOf(List<Assessment.TierLevel> levels, String id) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).id().equals(id)) {
                return i;
            }
        }
        return 0;
    }
}
