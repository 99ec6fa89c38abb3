package org.kaoping.site;

import java.util.List;

/**
 * How long tables and lists stay light at province scale (issue 12). A table of more than {@link #PAGE}
 * rows is paged: the page renders its first {@code PAGE} rows (complete without JavaScript, and in print),
 * and every row goes into a data file beside the site's pages ({@code data/*.js}, written by
 * {@code render.TableScripts}) that site.js pages through and searches by station name. A county's tables
 * (25 stations) are never paged and look and print as they always did.
 */
public final class Paging {
    /** Rows a paged table renders, and rows per page in the browser. */
    public static final int PAGE = 100;
    /** Rows of the latest ranking the home page shows when that ranking is paged. */
    public static final int HOME_TOP = 20;
    /** The station finder's data, on the home page of a site with more than {@link #PAGE} stations. */
    public static final String STATIONS_DATA = "data/stations.js";
    /** Every station's place and total in every period (the home page's grid). */
    public static final String GRID_DATA = "data/grid.js";

    private Paging() {
    }

    /** The data file of a period's ranking. */
    public static String rankingData(String periodId) {
        return "data/ranking-" + Slug.of(periodId, "period") + ".js";
    }

    static boolean paged(List<?> rows) {
        return rows.size() > PAGE;
    }

    /** The rows a page renders: all of them, or the first {@link #PAGE}. */
    static <T> List<T> firstPage(List<T> rows) {
        return paged(rows) ? List.copyOf(rows.subList(0, PAGE)) : rows;
    }
}
