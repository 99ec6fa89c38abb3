package org.kaoping.site;

import org.kaoping.model.Station;
import org.kaoping.rank.Standing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every station's place and total in every period, one row per station: the table bureau staff keep
 * by hand in Excel, on the stations index.
 *
 * @param periods the columns, oldest first
 * @param rows    one per station, in pinyin order (by id)
 */
public record StationGrid(List<Link> periods, List<Row> rows) {

    /** @param cells one per period: "第 3 名" and "94.40", or empty where the station took no part */
    public record Row(String station, String href, List<Cell> cells) {
    }

    /** @param rank the place, or 0 where the station took no part */
    public record Cell(int rank, String total, boolean present) {
        /** "第 3 名", or "" */
        public String place() {
            return present ? "第 " + rank + " 名" : "";
        }
    }

    /** More rows than a page shows: the first {@link Paging#PAGE} are rendered, site.js pages through the rest. */
    public boolean paged() {
        return Paging.paged(rows);
    }

    public List<Row> shownRows() {
        return Paging.firstPage(rows);
    }

    public int count() {
        return rows.size();
    }

    public int pageRows() {
        return Paging.PAGE;
    }

    public String dataFile() {
        return Paging.GRID_DATA;
    }

    static StationGrid of(List<ScoredPeriod> periods, Stations stations) {
        List<Link> heads = periods.stream().map(sp -> new Link(sp.period().title(), Slug.periodPage(sp.id()))).toList();
        List<Row> rows = new ArrayList<>();
        for (Station s : stations.all().stream().sorted(Comparator.comparing(Station::id)).toList()) {
            List<Cell> cells = new ArrayList<>();
            for (ScoredPeriod sp : periods) {
                Optional<Standing> st = sp.standing(s.id());
                cells.add(st.map(x -> new Cell(x.place(), Numbers.fixed(x.total(), sp.assessment().scale()), true))
                        .orElse(new Cell(0, "", false)));
            }
            rows.add(new Row(s.name(), Slug.stationPage(s.id()), cells));
        }
        return new StationGrid(heads, rows);
    }

    public boolean shown() {
        return !periods.isEmpty() && !rows.isEmpty();
    }
}
