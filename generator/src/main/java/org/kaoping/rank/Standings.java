package org.kaoping.rank;

import org.kaoping.model.Assessment;
import org.kaoping.model.KeyedList;
import org.kaoping.model.Period;

import java.util.List;
import java.util.Optional;

/** A period's ranking, in place order (voided results last). */
public record Standings(Period period, Assessment assessment, List<Standing> lines) {
    /** Place order, then station id; above() relies on it. */
    static final java.util.Comparator<Standing> ORDER = java.util.Comparator.comparingInt(Standing::place)
            .thenComparing(Standing::station);

    public Standings {
        List<Standing> sorted = lines;
        for (int i = 1; i < lines.size(); i++) {
            if (ORDER.compare(lines.get(i - 1), lines.get(i)) > 0) {
                sorted = new java.util.ArrayList<>(lines);
                sorted.sort(ORDER);
                break;
            }
        }
        lines = KeyedList.of(sorted, Standing::station);
    }

    /**
     * The standing directly above this one in place order, or empty for the first place. Under shared
     * places that is the first line of the nearest strictly better place. Two binary searches, not a scan
     * per station: every station page asks this of every period.
     */
    public Optional<Standing> above(Standing s) {
        int i = firstAtOrAfter(s.place());
        if (i == 0) {
            return Optional.empty();
        }
        return Optional.of(lines.get(firstAtOrAfter(lines.get(i - 1).place())));
    }

    /** The lines at this place: one, or several sharing it. Binary searches, as {@link #above}. */
    public List<Standing> atPlace(int place) {
        return lines.subList(firstAtOrAfter(place), firstAtOrAfter(place + 1));
    }

    /** The index of the first line whose place is at least {@code place} (lines.size() if none). */
    private int firstAtOrAfter(int place) {
        int lo = 0;
        int hi = lines.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lines.get(mid).place() < place) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public Optional<Standing> of(String stationId) {
        return KeyedList.find(lines, stationId, Standing::station);
    }
}
