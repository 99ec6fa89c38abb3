package org.kaoping.site;

import org.kaoping.model.Assessment;
import org.kaoping.model.Rubric;
import org.kaoping.rank.Standing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A period's figures as tables for download: the ranking, then one table per scored sheet in ranking order. */
final class PeriodTables {
    private PeriodTables() {
    }

    /**
     * A period's tables, made when asked ({@link ReportPage#tables()}). A value, not a lambda, so that report pages
     * stay equal when their period and stations are (value equality of page records is what `serve` relies on).
     */
    record Source(ScoredPeriod period, Stations stations) implements java.util.function.Supplier<List<DataTable>> {
        @Override
        public List<DataTable> get() {
            return of(period, stations);
        }

        /** The same tables for a workbook: the ranking, and each sheet's rows as they are made. */
        public SheetRows rows() {
            return (Tables) of(period, stations);
        }
    }

    /**
     * The ranking, then a table per station with a sheet, in ranking order: exactly the ranking rows marked
     * 有完整评分表 是 (a province's workbook pairs them so, {@code render.TableXlsx.longBytes}). Each sheet's table
     * is made when the list is asked for it and not kept (a province period's 10,000 tables are written one by
     * one, by several tasks at once); the ranking is made once per list, when first asked for.
     */
    static List<DataTable> of(ScoredPeriod sp, Stations stations) {
        Rubric rubric = sp.rubric();
        List<Standing> sheets = rubric == null ? List.of()
                : sp.standings().lines().stream().filter(s -> s.breakdown() != null).toList();
        return new Tables(sp, stations, sheets);
    }

    /** {@link #of}'s list: immutable, its tables made on demand; as {@link SheetRows}, no sheet made as a table. */
    private static final class Tables extends java.util.AbstractList<DataTable> implements java.util.RandomAccess,
            SheetRows {
        private final ScoredPeriod period;
        private final Stations stations;
        private final List<Standing> sheets;
        private DataTable ranking;

        Tables(ScoredPeriod period, Stations stations, List<Standing> sheets) {
            this.period = period;
            this.stations = stations;
            this.sheets = sheets;
        }

        @Override
        public DataTable get(int index) {
            return index == 0 ? ranking() : sheet(period, period.rubric(), sheets.get(index - 1), stations);
        }

        @Override
        public synchronized DataTable ranking() {
            if (ranking == null) {
                ranking = PeriodTables.ranking(period, stations);
            }
            return ranking;
        }

        @Override
        public int size() {
            return 1 + sheets.size();
        }

        @Override
        public List<String> sheetHeader() {
            return SHEET_HEADER;
        }

        @Override
        public int sheets() {
            return sheets.size();
        }

        @Override
        public int rows(int index) {
            return period.layout().size() + 1; // a row per criterion, then 合计
        }

        @Override
        public void write(int index, TableSink sink) {
            SheetCells.write(period, sheets.get(index), figures(), sink);
        }

        private SheetCells.Figures figures;

        /** Made for the first sheet written, then shared by the rest (one task writes a workbook's rows). */
        private SheetCells.Figures figures() {
            if (figures == null) {
                figures = new SheetCells.Figures(period.rubric().scale(), 4_096);
            }
            return figures;
        }
    }

    /** Title and file of each table {@link #of} makes, in the same order, without making their rows. */
    static List<String[]> titles(ScoredPeriod sp, Stations stations) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[]{RANKING, rankingFile(sp.id())});
        if (sp.rubric() == null) {
            return out;
        }
        for (Standing s : sp.standings().lines()) {
            if (s.breakdown() != null) {
                out.add(new String[]{stations.shortName(s.station()), sheetFile(sp, s)});
            }
        }
        return out;
    }

    private static final String RANKING = "排名";

    private static String sheetFile(ScoredPeriod sp, Standing s) {
        return Slug.of(sp.id(), "period") + "-" + Slug.of(s.station(), "station") + ".csv";
    }

    static String rankingFile(String periodId) {
        return Slug.of(periodId, "period") + "-ranking.csv";
    }

    private static DataTable ranking(ScoredPeriod sp, Stations stations) {
        Assessment a = sp.assessment();
        boolean showComponents = a.components().size() > 1 || a.weighted();
        List<String> header = new ArrayList<>(List.of("名次", "司法所"));
        if (showComponents) {
            a.components().forEach(c -> header.add(c.title()));
        }
        a.rankBonuses().forEach(b -> header.add(b.title()));
        a.givenBonuses().forEach(b -> header.add(b.title()));
        header.addAll(List.of("总分", "公布总分", "公布名次"));
        if (a.tiers() != null) {
            header.add("等次");
        }
        header.addAll(List.of("一票否决", "有完整评分表"));
        List<List<Object>> rows = new ArrayList<>();
        for (Standing s : sp.standings().lines()) {
            List<Object> row = new ArrayList<>(List.of(s.place(), stations.name(s.station())));
            if (showComponents) {
                a.components().forEach(c -> row.add(declared(s.components().get(c.id()), a.scale())));
            }
            a.rankBonuses().forEach(b -> row.add(s.bonuses().get(b.id())));
            a.givenBonuses().forEach(b -> row.add(s.bonuses().get(b.id())));
            row.add(declared(s.total(), a.scale()));
            row.add(s.publishedTotal());
            row.add(s.publishedPlace());
            if (a.tiers() != null) {
                row.add(AssessmentWording.tierTitle(a, s.tier()));
            }
            String veto = PeriodPages.vetoWords(s);
            row.add(veto.isEmpty() ? "无" : veto);
            row.add(s.breakdown() != null ? "是" : "否");
            rows.add(row);
        }
        return new DataTable(RANKING, rankingFile(sp.id()), header, rows);
    }

    /** The columns of a sheet's table. */
    static final List<String> SHEET_HEADER = List.of("项目", "序号", "考核内容", "分值", "得分", "失分", "扣分原因", "说明");

    /**
     * Whether each sheet of the period is a .csv file of its own in the period's downloads: not in a paged period
     * ({@link Paging}, the threshold of the workbook's long worksheet), where a province's 10,000 files a period
     * cost more to create than to fill; there each station's sheets go into its own file ({@link StationSheets}).
     */
    static boolean sheetFiles(ScoredPeriod sp) {
        return !Paging.paged(sp.standings().lines());
    }

    private static DataTable sheet(ScoredPeriod sp, Rubric rubric, Standing s, Stations stations) {
        List<List<Object>> rows = new ArrayList<>(sp.layout().size() + 1);
        sheetRows(sp, rubric, s, rows);
        return new DataTable(stations.shortName(s.station()), sheetFile(sp, s), SHEET_HEADER, rows);
    }

    /** Adds the rows of a station's sheet table ({@link #SHEET_HEADER}) to {@code into}. */
    static void sheetRows(ScoredPeriod sp, Rubric rubric, Standing s, List<List<Object>> into) {
        SheetCells.write(sp, s, new SheetCells.Figures(rubric.scale(), 0), rowsInto(into));
    }

    /** A sink that adds each row it is handed to {@code into} as a list of its cells. */
    static TableSink rowsInto(List<List<Object>> into) {
        return new TableSink() {
            private List<Object> row;

            @Override
            public void beginRow() {
                row = new ArrayList<>(SHEET_HEADER.size() + 1);
            }

            @Override
            public void text(String text) {
                row.add(text);
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
                into.add(row);
            }
        };
    }

    /** A figure with at least the declared decimals (92.00), as the pages show it; never rounded here. */
    static BigDecimal declared(BigDecimal v, int scale) {
        return v == null || v.scale() >= scale ? v : v.setScale(scale);
    }
}
