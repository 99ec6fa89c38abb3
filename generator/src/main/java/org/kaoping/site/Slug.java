package org.kaoping.site;

import java.util.regex.Pattern;

/**
 * Ids become file names (stations/&lt;id&gt;.html). They are validated on load, but the site
 * guards again: an id that could leave the output folder is a build error, never a path.
 */
public final class Slug {
    static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9.-]*$");

    private Slug() {
    }

    /**
     * What {@link #ID} matches, checked char by char: every link of every page passes here (a province's
     * pages ask some ten million times), and a regex matcher per call was a visible part of the build's CPU.
     */
    static boolean isId(String id) {
        if (id == null || id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || i > 0 && (c == '.' || c == '-');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public static String of(String id, String what) {
        if (!isId(id) || id.contains("..")) {
            throw new SiteException(what + " id \"" + id + "\" cannot be used in a page address: ids must match "
                    + ID.pattern() + " and contain no \"..\"");
        }
        return id;
    }

    public static String stationPage(String id) {
        return "stations/" + of(id, "station") + ".html";
    }

    /**
     * A station's sheets of every paged period as one .csv ({@link StationSheets}). The folder is not a period's:
     * {@link SiteModelBuilder} refuses a period whose id is {@value #STATION_DOWNLOADS}.
     */
    public static String stationSheets(String id) {
        return "downloads/" + STATION_DOWNLOADS + "/" + of(id, "station") + ".csv";
    }

    /** The folder under downloads/ of the stations' own .csv files. */
    public static final String STATION_DOWNLOADS = "stations";

    public static String periodPage(String id) {
        return "periods/" + of(id, "period") + ".html";
    }

    public static String reportPage(String periodId) {
        return "reports/" + of(periodId, "period") + ".html";
    }

    public static String rubricPage(String id) {
        return "rubrics/" + of(id, "rubric") + ".html";
    }

    public static String rubricJson(String id) {
        return "assets/rubrics/" + of(id, "rubric") + ".json";
    }

    /**
     * The anchor of a criterion's row on its rubric page and in its self-check form ("c-1.1"). The id must be
     * an id as the schema defines it (a-z, 0-9, '.', '-'), so the anchor is a valid HTML id and needs no
     * escaping in a URL fragment; anything else is refused here too, as page addresses are.
     */
    public static String criterionAnchor(String criterionId) {
        if (!isId(criterionId)) {
            throw new SiteException("criterion id \"" + criterionId + "\" cannot be used as a page anchor: ids must match "
                    + ID.pattern());
        }
        return "c-" + criterionId;
    }
}
