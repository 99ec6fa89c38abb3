package org.kaoping.render;

import org.kaoping.site.DataTable;
import org.kaoping.site.Paging;
import org.kaoping.site.ReportPage;
import org.kaoping.site.SheetRows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.Deflater;

/**
 * The files of a period's downloads, as the report page lists them: the report as .docx and .txt, the ranking
 * and (unless the period is paged) every sheet as .csv, all of them in one .xlsx. They are made as independent {@link Part}s, so that a
 * build runs a province's (a 7 MB workbook, a 12 MB report, 10,000 sheet files per period) over every core
 * beside the pages instead of one period at a time in the task that renders its report page.
 */
public final class PeriodDownloads {
    /**
     * Sheet .csv files per part: all of a period's. Two threads creating files in the same folder contend for it
     * in the file system (with parts of 500, a province build's profile had both threads in open(2) on the same
     * folder for most of the .csv phase); one part per period keeps a folder to one thread, and its few seconds
     * run well before the station pages end.
     */
    static final int SHEETS_PER_PART = 100_000;

    private PeriodDownloads() {
    }

    /**
     * One independent piece of a period's downloads. Each makes its tables itself when it runs (a report page's
     * tables are made when asked for and not kept), so parts waiting to run hold nothing.
     *
     * @param name   what it writes, for messages and tests
     * @param weight its cost, roughly proportional to its CPU time: the build starts the heaviest first
     */
    public record Part(String name, long weight, Consumer<FileSink> job) {
        public void writeTo(FileSink sink) {
            job.accept(sink);
        }
    }

    /** The files, path (relative to the site root) → bytes, in the order of {@link #parts}. */
    public static Map<String, byte[]> files(ReportPage page) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        FileSink memory = new FileSink() {
            @Override
            public void write(String path, byte[] data) {
                out.put(path, data);
            }

            @Override
            public void stream(String path, Body body) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                try {
                    body.writeTo(buffer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                out.put(path, buffer.toByteArray());
            }
        };
        parts(page).forEach(p -> p.writeTo(memory));
        return out;
    }

    /**
     * The parts of a period's downloads. A paged period's workbook ({@link Paging}: more than {@value Paging#PAGE}
     * stations) holds the ranking and one long worksheet of every station's criteria ({@link TableXlsx#writeLong}),
     * and the period has no .csv per sheet ({@link ReportPage#sheetsOnStationPages}): creating a province's 80,000
     * small files cost more system time than anything else in its build; a smaller period's workbook has a
     * worksheet per station, and each sheet is a .csv.
     */
    public static List<Part> parts(ReportPage page) {
        String id = page.periodId();
        int sheets = page.tables().size() - 1; // the list makes no table to count them
        int stations = page.report().stations().size();
        List<Part> out = new ArrayList<>();
        // Weights: rough milliseconds of CPU from a cost per station or sheet (a province period: workbook heaviest).
        out.add(new Part(ReportPage.docxFile(id), 1 + stations * 60L / 1000,
                sink -> sink.stream(ReportPage.docxFile(id), o -> ReportDocx.write(page.report(), o,
                        page.sheetsOnStationPages() ? ReportDocx.PAGED_LEVEL : Deflater.DEFAULT_COMPRESSION))));
        out.add(new Part(ReportPage.textFile(id), 1 + stations * 40L / 1000,
                sink -> sink.stream(ReportPage.textFile(id), o -> ReportText.write(page.report(), o))));
        out.add(new Part(ReportPage.workbookFile(id), 1 + sheets * 300L / 1000, sink -> {
            SheetRows rows = page.rows(); // a province's sheets streamed into the workbook, never made as tables
            boolean paged = rows.ranking().rows().size() > Paging.PAGE;
            sink.stream(ReportPage.workbookFile(id), o -> {
                if (paged) {
                    TableXlsx.writeLong(page.report().heading(), rows, o);
                } else {
                    TableXlsx.write(page.report().heading(), page.tables(), o);
                }
            });
        }));
        out.add(new Part(ReportPage.downloadFolder(id) + "ranking", 1 + stations * 5L / 1000, sink -> {
            DataTable ranking = page.tables().get(0);
            sink.write(ReportPage.downloadFolder(id) + ranking.file(), TableCsv.bytes(ranking));
        }));
        if (page.sheetsOnStationPages()) {
            return out; // each station's sheets are one .csv, written with its page (StationDownloads)
        }
        for (int from = 1; from <= sheets; from += SHEETS_PER_PART) {
            int start = from;
            int end = Math.min(sheets + 1, from + SHEETS_PER_PART);
            out.add(new Part(ReportPage.downloadFolder(id) + "sheets " + start + "–" + (end - 1),
                    1 + (end - start) * 60L / 1000, sink -> {
                        for (DataTable t : page.tables().subList(start, end)) {
                            sink.write(ReportPage.downloadFolder(id) + t.file(), TableCsv.bytes(t));
                        }
                    }));
        }
        return out;
    }
}
