package org.kaoping.site;

import org.kaoping.model.Criterion;
import org.kaoping.model.Section;
import org.kaoping.model.SectionKind;
import org.kaoping.rank.Standing;
import org.kaoping.score.Breakdown;

import java.math.BigDecimal;

/**
 * A station's sheet table made cell by cell ({@link PeriodTables#sheetRows}, {@link SheetRows}): a province period's
 * workbook runs it for 480,000 rows. A class of its own, not part of {@link PeriodTables}, whose once-per-page
 * builders a province build leaves to the quick compiler (cli.JitDirectives): this loop is worth the optimising one.
 */
final class SheetCells {
    private SheetCells() {
    }

    /**
     * The rows of a station's sheet table ({@link PeriodTables#SHEET_HEADER}), handed to {@code sink}: a period's
     * sheet tables and its workbook's long worksheet.
     */
    static void write(ScoredPeriod sp, Standing s, Figures figures, TableSink sink) {
        Breakdown b = s.breakdown();
        RubricLayout layout = sp.layout();
        Breakdown.CriterionScore[] scores = layout.scores(b);
        for (int i = 0; i < scores.length; i++) {
            Section sec = layout.section(i);
            Criterion c = layout.criterion(i);
            Breakdown.CriterionScore cs = present(scores[i]);
            BigDecimal loss = Losses.of(sec.kind(), cs);
            boolean na = loss == null;
            sink.beginRow();
            text(sink, layout.tableLabel(layout.sectionIndex(i)));
            text(sink, c.number());
            text(sink, c.content());
            number(sink, na || sec.kind() != SectionKind.SCORE ? null : c.points());
            if (na) {
                sink.text("不适用");
                sink.text("");
            } else {
                number(sink, figures.declared(cs.score()));
                number(sink, figures.same(loss));
            }
            text(sink, cs.reason());
            sink.text(na ? "不适用" : "");
            sink.endRow();
        }
        sink.beginRow();
        sink.text("合计");
        sink.text("");
        sink.text("");
        number(sink, b.maximum());
        number(sink, figures.declared(b.total()));
        number(sink, figures.same(b.maximum().subtract(b.total())));
        sink.text("");
        sink.text("");
        sink.endRow();
    }

    /**
     * The same rows, each led by {@code lead}: a station's own file, whose rows lead with their period
     * ({@link StationSheets}).
     * <p>
     * A copy of {@link #write}, line for line but the lead, on purpose. HotSpot's optimising compiler profiles a
     * method once for all its callers and compiles it for the sinks it has seen: a province build compiled the one
     * loop there was for the workbooks' sink and a null lead, threw that code away when the station files' rows first
     * reached it, and compiled it twice more. A helper holding the loop's sink calls shared by both, unless inlined,
     * is such a method again (measured: BENCHMARKS.md, twenty-fifth round). {@code SheetRowsTest} holds the two
     * copies to the same rows.
     */
    static void writeLed(ScoredPeriod sp, Standing s, String lead, Figures figures, TableSink sink) {
        Breakdown b = s.breakdown();
        RubricLayout layout = sp.layout();
        Breakdown.CriterionScore[] scores = layout.scores(b);
        for (int i = 0; i < scores.length; i++) {
            Section sec = layout.section(i);
            Criterion c = layout.criterion(i);
            Breakdown.CriterionScore cs = present(scores[i]);
            BigDecimal loss = Losses.of(sec.kind(), cs);
            boolean na = loss == null;
            sink.beginRow();
            sink.text(lead);
            text(sink, layout.tableLabel(layout.sectionIndex(i)));
            text(sink, c.number());
            text(sink, c.content());
            number(sink, na || sec.kind() != SectionKind.SCORE ? null : c.points());
            if (na) {
                sink.text("不适用");
                sink.text("");
            } else {
                number(sink, figures.declared(cs.score()));
                number(sink, figures.same(loss));
            }
            text(sink, cs.reason());
            sink.text(na ? "不适用" : "");
            sink.endRow();
        }
        sink.beginRow();
        sink.text(lead);
        sink.text("合计");
        sink.text("");
        sink.text("");
        number(sink, b.maximum());
        number(sink, figures.declared(b.total()));
        number(sink, figures.same(b.maximum().subtract(b.total())));
        sink.text("");
        sink.text("");
        sink.endRow();
    }

    private static Breakdown.CriterionScore present(Breakdown.CriterionScore cs) {
        if (cs == null) {
            throw new java.util.NoSuchElementException("No value present"); // as the lookup's orElseThrow did
        }
        return cs;
    }

    /** A cell as a table holds it: null is the empty cell. */
    private static void text(TableSink sink, String s) {
        sink.text(s == null ? "" : s);
    }

    private static void number(TableSink sink, BigDecimal d) {
        if (d == null) {
            sink.text("");
        } else {
            sink.number(d);
        }
    }

    /**
     * The figures of a period's sheet rows, each distinct one made once: a sheet's scores and losses take a few
     * hundred values, and a new decimal per cell (scaled, or a loss worked out) was a new text per cell when written
     * ({@link BigDecimal#toString} is kept by the instance). Keys compare by value and scale, as the figure's text
     * does. Not thread-safe: one per list of rows being made.
     */
    static final class Figures {
        private final int scale;
        /** Figures kept at most: none for a single table's rows, which would make the maps for nothing. */
        private final int limit;
        private final java.util.HashMap<BigDecimal, BigDecimal> declared = new java.util.HashMap<>();
        private final java.util.HashMap<BigDecimal, BigDecimal> same = new java.util.HashMap<>();

        Figures(int scale, int limit) {
            this.scale = scale;
            this.limit = limit;
        }

        /** {@link PeriodTables#declared} of {@code v}, the same instance for equal values. */
        BigDecimal declared(BigDecimal v) {
            if (v == null) {
                return null;
            }
            BigDecimal known = declared.get(v);
            if (known == null) {
                known = same(PeriodTables.declared(v, scale));
                if (declared.size() < limit) {
                    declared.put(v, known);
                }
            }
            return known;
        }

        /** The first of the values equal to {@code v} (same value and scale) this has seen. */
        BigDecimal same(BigDecimal v) {
            BigDecimal known = same.get(v);
            if (known == null) {
                known = v;
                if (same.size() < limit) {
                    same.put(v, v);
                }
            }
            return known;
        }
    }
}
