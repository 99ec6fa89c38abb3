package org.kaoping.render;

import org.kaoping.site.DataTable;
import org.kaoping.site.ReportPage;

import java.util.LinkedHashMap;
import java.util.Map;

/** The files of a period's downloads, path (relative to the site root) → bytes, as the report page lists them. */
public final class PeriodDownloads {
    private PeriodDownloads() {
    }

    public static Map<String, byte[]> files(ReportPage page) {
        String id = page.periodId();
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(ReportPage.docxFile(id), ReportDocx.bytes(page.report()));
        out.put(ReportPage.textFile(id), ReportText.bytes(page.report()));
        out.put(ReportPage.workbookFile(id), TableXlsx.bytes(page.report().heading(), page.tables()));
        for (DataTable t : page.tables()) {
            out.put(ReportPage.downloadFolder(id) + t.file(), TableCsv.bytes(t));
        }
        return out;
    }
}
