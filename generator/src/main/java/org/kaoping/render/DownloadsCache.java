package org.kaoping.render;

import org.kaoping.site.ReportPage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The period downloads (.docx, .xlsx, .csv, .txt) of the previous build in the same process (`serve`):
 * a report page equal to the previous build's (page records have value equality: same draft, same tables)
 * has the same files, so they are not written out again through POI and fastexcel. Only the last build's
 * files are kept.
 */
public final class DownloadsCache {
    private volatile Map<ReportPage, Map<String, byte[]>> previous = Map.of();
    private final Map<ReportPage, Map<String, byte[]>> current = new ConcurrentHashMap<>();

    /** The page's files: the previous build's when the page is equal to one it had, else made now. */
    public Map<String, byte[]> files(ReportPage page) {
        Map<String, byte[]> files = previous.get(page);
        if (files == null) {
            files = PeriodDownloads.files(page);
        }
        current.put(page, files);
        return files;
    }

    /** The page's files as one part of a build (all of them: a preview's periods are small). */
    public java.util.List<PeriodDownloads.Part> parts(ReportPage page) {
        return java.util.List.of(new PeriodDownloads.Part(ReportPage.downloadFolder(page.periodId()), 1,
                sink -> files(page).forEach(sink::write)));
    }

    /** Ends a build that succeeded: its files become the ones the next build may reuse. */
    public void keep() {
        previous = Map.copyOf(current);
        current.clear();
    }

    /** Ends a build that failed: the previous build's files stay the ones to reuse. */
    public void drop() {
        current.clear();
    }
}
