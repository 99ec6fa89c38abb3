package org.kaoping.site;

import java.util.List;
import java.util.function.Supplier;

/**
 * reports/&lt;period&gt;.html: the drafted 考核情况报告 of one period, and the period's downloads (the report as
 * .docx and .txt, the ranking and every sheet as .csv, all of them in one .xlsx), written beside the page.
 *
 * @param tableSource          makes the ranking and the sheets as tables, for the .csv files and the workbook
 * @param sheetsOnStationPages a paged period: no .csv per sheet, each station's sheets are in its own .csv
 *                             ({@link Slug#stationSheets}, linked from its page), and the page links none of them
 */
public record ReportPage(String periodId, Link period, ReportDraft report, Supplier<List<DataTable>> tableSource,
                         List<Link> downloads, boolean sheetsOnStationPages) implements Page {

    public ReportPage {
        downloads = List.copyOf(downloads);
    }

    /**
     * The ranking and the sheets as tables, made anew on each call and not kept: a province's period has
     * 10,000 sheet tables, and holding every period's for the whole build took gigabytes. The list may make
     * each table when asked for it (the build's does): read it in order, once.
     */
    public List<DataTable> tables() {
        return java.util.Collections.unmodifiableList(tableSource.get());
    }

    /**
     * The same tables for the period's workbook, each sheet's rows made as they are written ({@link SheetRows}),
     * never as a table: made anew on each call, as {@link #tables()}.
     */
    public SheetRows rows() {
        return tableSource instanceof PeriodTables.Source source ? source.rows() : SheetRows.of(tables());
    }

    public String path() {
        return Slug.reportPage(periodId);
    }

    public String template() {
        return "report";
    }

    public String title() {
        return report.heading();
    }

    public String nav() {
        return "periods";
    }

    /** The folder of the period's downloads, relative to the site root, ending in '/'. */
    public static String downloadFolder(String periodId) {
        return "downloads/" + Slug.of(periodId, "period") + "/";
    }

    public static String docxFile(String periodId) {
        return downloadFolder(periodId) + Slug.of(periodId, "period") + "-report.docx";
    }

    public static String textFile(String periodId) {
        return downloadFolder(periodId) + Slug.of(periodId, "period") + "-report.txt";
    }

    /** One station's sheet of the period as .csv, as PeriodTables names it (BuiltSiteTest follows the link). */
    public static String sheetFile(String periodId, String stationId) {
        return downloadFolder(periodId) + Slug.of(periodId, "period") + "-" + Slug.of(stationId, "station") + ".csv";
    }

    public static String workbookFile(String periodId) {
        return downloadFolder(periodId) + Slug.of(periodId, "period") + ".xlsx";
    }
}
