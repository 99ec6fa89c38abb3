package org.kaoping.site;

import java.util.List;

/**
 * index.html: the latest ranking at a glance, the periods, and a station finder.
 *
 * @param latest null when there is no period yet
 */
public record HomePage(String heading, String bureau, Latest latest, List<PeriodItem> periods,
                       List<StationItem> stations, List<RubricItem> rubrics, StationGrid grid) implements Page {

    public String path() {
        return "index.html";
    }

    public String template() {
        return "home";
    }

    public String title() {
        return "首页";
    }

    public String nav() {
        return "home";
    }

    /** The home page prints the latest ranking: every printed page says which period it is. */
    @Override
    public String printHeading() {
        return latest == null ? "考核结果总览" : "考核结果总览（最近一期：" + latest.title() + "）";
    }

    /**
     * More stations than a page shows: the finder searches a data file instead of filtering a list of
     * every station, which the page leaves out.
     */
    public boolean stationsPaged() {
        return Paging.paged(stations);
    }

    /** The stations listed in the page: all of them, or none when {@link #stationsPaged()}. */
    public List<StationItem> listedStations() {
        return stationsPaged() ? List.of() : stations;
    }

    public int stationCount() {
        return stations.size();
    }

    public String stationsData() {
        return Paging.STATIONS_DATA;
    }

    /** @param rows the whole ranking, or its first {@link Paging#HOME_TOP} lines when the ranking is paged */
    public record Latest(String title, String href, int count, List<GlanceRow> rows, boolean hasMovement,
                         boolean rubricChanged, String previousTitle) {
        /** Only the first lines are shown. */
        public boolean top() {
            return rows.size() < count;
        }

        public int shownCount() {
            return rows.size();
        }
    }

    public record GlanceRow(int place, String station, String href, String total, String totalSort,
                            Movement movement, String veto) {
        public boolean vetoed() {
            return !veto.isEmpty();
        }
    }

    /** @param rubric null when the period has no rubric */
    public record PeriodItem(String title, String href, String typeLabel, Link rubric, String assessed, int count,
                             String leader) {
    }

    /** @param usedBy the periods that use the rubric, in words, or "" */
    public record RubricItem(String title, String href, String issuer, String year, String usedBy) {
    }

    /** @param names every name the finder matches: name, short name, aliases, id */
    public record StationItem(String name, String href, String names) {
    }
}
