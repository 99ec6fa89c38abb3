package org.kaoping.site;

/**
 * A station's change of place against the previous period, for the ▲▼ column.
 *
 * @param symbol        what the cell shows: ▲3, ▼2, –, 新
 * @param words         the same for screen readers and print: 上升 3 位
 * @param css           up, down, same or new
 * @param rubricChanged the previous period used another rubric: the comparison is marked
 */
public record Movement(String symbol, String words, String css, boolean rubricChanged) {

    /** No previous period at all: nothing to compare. */
    public static final Movement NONE = new Movement("", "", "none", false);

    public static Movement between(Integer previousPlace, int place, boolean rubricChanged) {
        if (previousPlace == null) {
            return new Movement("新", "上期未参评", "new", rubricChanged);
        }
        int delta = previousPlace - place;
        if (delta > 0) {
            return new Movement("▲" + delta, "上升 " + delta + " 位", "up", rubricChanged);
        }
        if (delta < 0) {
            return new Movement("▼" + (-delta), "下降 " + (-delta) + " 位", "down", rubricChanged);
        }
        return new Movement("–", "名次不变", "same", rubricChanged);
    }

    public static Movement of(ScoredPeriod period, String stationId, int place) {
        if (period.previous() == null) {
            return NONE;
        }
        Integer before = period.previous().standing(stationId).map(s -> s.place()).orElse(null);
        return between(before, place, period.rubricChanged());
    }

    public boolean shown() {
        return !symbol.isEmpty();
    }
}
