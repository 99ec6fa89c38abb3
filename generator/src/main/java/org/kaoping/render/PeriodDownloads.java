package org.kaoping.render;

import org.kaoping.site.DataTable;
import org.kaoping.site.Paging;
import org.kaoping.site.ReportPage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** The files of a period's downloads, path (relative to the site root) → bytes, as the report page lists them. */
public final class PeriodDownloads {
    private PeriodDownloads() {
    }

    public static Map<String, byte[]> files(ReportPage page) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        write(page, out::put);
        return out;
    }

    /**
     * Makes the files one by one, handing each to {@code sink} as soon as it is made, so that a build need not
     * hold a province period's 10,000 sheet files at once; the tables are made once for the workbook and the .csv
     * files. A paged period's workbook ({@link Paging}: more than {@value Paging#PAGE} stations) holds the ranking
     * and one long worksheet of every station's criteria ({@link TableXlsx#longBytes}); a smaller period's, a
     * worksheet per station.
     */
    public static void write(ReportPage page, BiConsumer<String, byte[]> sink) {
        String id = page.periodId();
        sink.accept(ReportPage.docxFile(id), ReportDocx.bytes(page.report()));
        sink.accept(ReportPage.textFile(id), ReportText.bytes(page.report()));
        List<DataTable> tables = page.tables();
        boolean paged = tables.get(0).rows().size() > Paging.PAGE;
        sink.accept(ReportPage.workbookFile(id), paged ? TableXlsx.longBytes(page.report().heading(), tables)
                : TableXlsx.bytes(page.report().heading(), tables));
        for (DataTable t : tables) {
            sink.accept(ReportPage.downloadFolder(id) + t.file(), TableCsv.bytes(t));
        }
    }
}
