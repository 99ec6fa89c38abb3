package org.kaoping.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.load.CorpusLoader;
import org.kaoping.rank.Standing;
import org.kaoping.render.TableXlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A period's sheet rows streamed for its workbook ({@link ReportPage#rows}) are the rows of its sheet tables
 * ({@link ReportPage#tables}) cell for cell — same kinds, same values at the same scale — and the province
 * workbook written from either is the same file. A station's own file's rows ({@link SheetCells#writeLed}, a copy
 * of the loop kept apart for the compiler's sake) are those rows, each led by its period. On the shipped content
 * (every rubric: penalties, bonuses, criteria that do not apply) and on a synthetic province of two paged periods.
 */
class SheetRowsTest {
    @TempDir
    Path temp;

    private static List<ReportPage> reports(Path content, Path rubrics) {
        SiteModel m = SiteModelBuilder.build(new CorpusLoader().load(content, rubrics),
                Fingerprint.of(content, rubrics), Clock.systemUTC());
        return m.pages().stream().filter(p -> p instanceof ReportPage).map(p -> (ReportPage) p).toList();
    }

    /** The rows a sink is handed, as a table holds them. */
    private static List<List<Object>> streamed(SheetRows rows, int index) {
        List<List<Object>> out = new ArrayList<>();
        rows.write(index, new TableSink() {
            private List<Object> row;

            @Override
            public void beginRow() {
                assertEquals(null, row, "a row begun inside a row");
                row = new ArrayList<>();
            }

            @Override
            public void text(String s) {
                row.add(s);
            }

            @Override
            public void number(BigDecimal d) {
                row.add(d);
            }

            @Override
            public void number(int i) {
                row.add(i);
            }

            @Override
            public void endRow() {
                out.add(row);
                row = null;
            }
        });
        return out;
    }

    /** Each row with {@code lead} before its cells. */
    private static List<List<Object>> led(List<List<Object>> rows, String lead) {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> r : rows) {
            List<Object> l = new ArrayList<>(List.of(lead));
            l.addAll(r);
            out.add(l);
        }
        return out;
    }

    /** The rows of the page's {@code index}th sheet as a station's own file writes them ({@link SheetCells#writeLed}). */
    private static List<List<Object>> ledRows(ReportPage page, int index, String lead) {
        ScoredPeriod sp = ((PeriodTables.Source) page.tableSource()).period();
        Standing s = sp.standings().lines().stream().filter(l -> l.breakdown() != null).toList().get(index);
        List<List<Object>> out = new ArrayList<>();
        SheetCells.writeLed(sp, s, lead, new SheetCells.Figures(sp.rubric().scale(), 0),
                PeriodTables.rowsInto(out));
        return out;
    }

    private static int check(List<ReportPage> reports) throws IOException {
        int sheets = 0;
        for (ReportPage page : reports) {
            List<DataTable> tables = page.tables();
            SheetRows rows = page.rows();
            assertEquals(tables.get(0), rows.ranking());
            assertEquals(tables.size() - 1, rows.sheets());
            for (int i = 0; i < rows.sheets(); i++) {
                DataTable t = tables.get(i + 1);
                assertEquals(t.header(), rows.sheetHeader());
                List<List<Object>> got = streamed(rows, i);
                // BigDecimal.equals compares the scale too: 92 and 92.00 are different cells.
                assertEquals(t.rows(), got, page.periodId() + " " + t.title());
                assertEquals(t.rows().size(), rows.rows(i));
                assertEquals(led(t.rows(), "考核期"), ledRows(page, i, "考核期"), page.periodId() + " " + t.title());
                sheets++;
            }
            if (rows.sheets() > 0) {
                ByteArrayOutputStream streamedBook = new ByteArrayOutputStream();
                TableXlsx.writeLong(page.report().heading(), page.rows(), streamedBook);
                assertArrayEquals(TableXlsx.longBytes(page.report().heading(), page.tables()),
                        streamedBook.toByteArray(), page.periodId());
            }
        }
        return sheets;
    }

    @Test
    void theShippedPeriodsStreamTheirTablesRows() throws IOException {
        List<ReportPage> reports = reports(SiteBuild.CONTENT, SiteBuild.RUBRICS);
        assertFalse(reports.isEmpty());
        assertTrue(check(reports) > 0, "the shipped content has sheets");
    }

    @Test
    void aProvincesPeriodsStreamTheirTablesRows() throws IOException {
        Path content = Cli.sample(temp.resolve("content"), 150, 2, 7);
        assertEquals(300, check(reports(content, SiteBuild.RUBRICS)));
    }
}
