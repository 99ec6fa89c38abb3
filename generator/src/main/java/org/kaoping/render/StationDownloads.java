package org.kaoping.render;

import org.kaoping.site.Page;
import org.kaoping.site.StationPage;

import java.util.Map;

/**
 * A station page's own download: its sheets of every paged period as one .csv ({@link StationPage#sheetsTable}),
 * made and written in the task that renders the page, so that no pass holds a province's 10,000 of them, and written
 * as its rows are made ({@link org.kaoping.site.TableRows}).
 */
public final class StationDownloads {
    private StationDownloads() {
    }

    /** The page's files: path (relative to the site root) → bytes; none for any other page. */
    public static Map<String, byte[]> files(Page page) {
        if (page instanceof StationPage s && s.sheetsTable() != null) {
            return Map.of(s.sheetsFile(), TableCsv.bytes(s.sheetsTable()));
        }
        return Map.of();
    }
}
