package org.kaoping.render;

import org.kaoping.site.DataTable;
import org.kaoping.site.ReportDraft;

import java.math.BigDecimal;
import java.util.List;

/**
 * Loads the office-file writers (fastexcel, the report's {@link DocxSkeleton}, the zip and deflate code) on a
 * thread of their own while a build loads and checks its input, so that their first use is not on the rendering
 * path. Apache POI is no longer among them: the report .docx is written from the skeleton, and POI's schema type
 * system, which took about a third of the sample site's CPU, loads only for a text POI must write itself.
 * Nothing it makes is kept: the build's own files are written afterwards exactly as before.
 */
public final class OfficeWarmUp {
    private static final java.util.concurrent.atomic.AtomicBoolean STARTED = new java.util.concurrent.atomic.AtomicBoolean();

    private OfficeWarmUp() {
    }

    /** Starts the warm-up once per process (a daemon thread: it never holds the process open). */
    public static void start() {
        if (STARTED.getAndSet(true)) {
            return;
        }
        Thread t = new Thread(OfficeWarmUp::run, "kaoping-office-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
    }

    static void run() {
        try {
            // The writers the period downloads use, through the very methods the build calls, on a draft and a
            // table that reach every kind of paragraph (title, headings, body, quoted wording) and cell: every
            // class and schema type they touch is loaded here rather than on the rendering path.
            ReportDraft draft = draft();
            ReportDocx.bytes(draft);
            ReportText.bytes(draft);
            DataTable table = new DataTable("排名", "ranking.csv", List.of("名次", "司法所", "得分"),
                    List.of(List.of(1, "某司法所", new BigDecimal("95.5")), List.of(2, "", BigDecimal.ONE)));
            TableXlsx.bytes("", List.of(table));
            TableCsv.bytes(table);
        } catch (RuntimeException e) {
            // Only a warm-up: the build writes the real files itself and reports any failure there.
        }
    }

    private static ReportDraft draft() {
        var problem = new ReportDraft.Problem("1", "1", "内容", List.of("a"), 1, 1, "1", "问题", "问题");
        return new ReportDraft("报告", "司法局", "引言", List.of("方式"), List.of("情况"), "得分情况", "依据",
                List.of(new ReportDraft.ProblemSection("（一）方面", List.of(problem), List.of(problem), "")),
                List.of(new ReportDraft.StationDetail(1, "a", "某司法所", "", "95.5", "原因", true, "原文")), "报告");
    }
}
