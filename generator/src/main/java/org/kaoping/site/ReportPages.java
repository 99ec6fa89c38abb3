package org.kaoping.site;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Builds a period's report page and the list of its downloads. */
final class ReportPages {
    private ReportPages() {
    }

    static ReportPage build(ScoredPeriod sp, Stations stations, String bureau, BigDecimal commonShare) {
        ReportDraft draft = ReportDrafts.build(sp, stations, bureau, commonShare);
        boolean sheetFiles = PeriodTables.sheetFiles(sp);
        return new ReportPage(sp.id(), new Link(sp.period().title() + "考核结果", Slug.periodPage(sp.id())), draft,
                new PeriodTables.Source(sp, stations), sheetFiles ? downloads(sp.id(), PeriodTables.titles(sp, stations))
                : mainDownloads(sp.id()), !sheetFiles);
    }

    /**
     * Every download of a period, labelled for people; the first three are the report and the workbook.
     *
     * @param tables the title and file of each table, as {@link PeriodTables#titles} lists them
     */
    static List<Link> downloads(String periodId, List<String[]> tables) {
        List<Link> out = new ArrayList<>();
        out.add(new Link("考核情况报告草稿（文字处理文档 .docx）", ReportPage.docxFile(periodId)));
        out.add(new Link("考核情况报告草稿（纯文本 .txt）", ReportPage.textFile(periodId)));
        out.add(new Link("排名与全部评分表（电子表格 .xlsx）", ReportPage.workbookFile(periodId)));
        for (String[] t : tables) {
            String label = t[0].equals("排名") ? "排名（表格文本 .csv）" : t[0] + "司法所评分表（表格文本 .csv）";
            out.add(new Link(label, ReportPage.downloadFolder(periodId) + t[1]));
        }
        return out;
    }

    /** The report, the workbook and the ranking's .csv, without a link per sheet (a paged period's page). */
    static List<Link> mainDownloads(String periodId) {
        List<Link> out = new ArrayList<>(downloads(periodId, List.of()));
        out.add(new Link("排名（表格文本 .csv）", ReportPage.downloadFolder(periodId) + PeriodTables.rankingFile(periodId)));
        return out;
    }
}
