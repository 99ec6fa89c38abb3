package org.kaoping.site;

import org.kaoping.rank.Standing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One station's sheets of every paged period as one long table ({@link Slug#stationSheets}, written beside its
 * page): a row per criterion per period, led by the period's title (考核期), then the columns of the period's own
 * sheet table ({@link PeriodTables#sheet}), periods in site order. A paged period has no .csv per sheet
 * ({@link PeriodTables#sheetFiles}); a period that has them is not repeated here, so every sheet is in exactly
 * one .csv file.
 */
final class StationSheets {
    static final String PERIOD_COLUMN = "考核期";

    private StationSheets() {
    }

    /** The columns: the period's title, then a period sheet table's. */
    private static final List<String> HEADER = header();

    private static List<String> header() {
        List<String> header = new ArrayList<>(PeriodTables.SHEET_HEADER.size() + 1);
        header.add(PERIOD_COLUMN);
        header.addAll(PeriodTables.SHEET_HEADER);
        return List.copyOf(header);
    }

    /** The table, made when asked for and not kept (a value, so that station pages compare by value). */
    record Source(String stationId, List<ScoredPeriod> periods, Stations stations) implements TableRows {
        /** The table whole: the rows {@link #write} hands over, collected. */
        @Override
        public DataTable get() {
            List<List<Object>> rows = new ArrayList<>();
            write(PeriodTables.rowsInto(rows));
            return new DataTable(stations.shortName(stationId), Slug.of(stationId, "station") + ".csv", HEADER, rows);
        }

        @Override
        public List<String> header() {
            return HEADER;
        }

        @Override
        public void write(TableSink sink) {
            for (ScoredPeriod sp : periods) {
                Optional<Standing> s = inFile(sp, stationId);
                if (s.isPresent()) {
                    SheetCells.writeLed(sp, s.get(), sp.period().title(),
                            new SheetCells.Figures(sp.rubric().scale(), 0), sink);
                }
            }
        }
    }

    /** The station's standing with a sheet in a paged period, or empty. */
    private static Optional<Standing> inFile(ScoredPeriod sp, String stationId) {
        if (sp.rubric() == null || PeriodTables.sheetFiles(sp)) {
            return Optional.empty();
        }
        return sp.standing(stationId).filter(s -> s.breakdown() != null);
    }
}
