package org.kaoping.site;

import java.math.BigDecimal;
import java.util.List;

/**
 * A period's tables as its workbook reads them: the ranking as a table, then each sheet's rows handed to a
 * {@link TableSink} as they are made. A province period has 10,000 sheet tables; made as {@link DataTable}s, each
 * row was a list of cells copied once more by the table and thrown away when written.
 */
public interface SheetRows {
    DataTable ranking();

    /** The columns of every sheet's rows. */
    List<String> sheetHeader();

    int sheets();

    /** The rows of sheet {@code index} (from 0), known before they are made. */
    int rows(int index);

    /** Hands sheet {@code index}'s rows to {@code sink}, in order. */
    void write(int index, TableSink sink);

    /** The tables of a list (the ranking, then the sheets), as {@link PeriodTables#of} makes them. */
    static SheetRows of(List<DataTable> tables) {
        return new SheetRows() {
            @Override
            public DataTable ranking() {
                return tables.get(0);
            }

            @Override
            public List<String> sheetHeader() {
                return tables.size() > 1 ? tables.get(1).header() : List.of();
            }

            @Override
            public int sheets() {
                return tables.size() - 1;
            }

            @Override
            public int rows(int index) {
                return tables.get(index + 1).rows().size();
            }

            @Override
            public void write(int index, TableSink sink) {
                DataTable t = tables.get(index + 1);
                if (!t.header().equals(sheetHeader())) {
                    throw new IllegalStateException("sheet tables with different columns: " + t.title());
                }
                for (List<Object> row : t.rows()) {
                    sink.beginRow();
                    for (Object v : row) {
                        if (v instanceof BigDecimal d) {
                            sink.number(d);
                        } else if (v instanceof Integer i) {
                            sink.number(i);
                        } else {
                            sink.text((String) v);
                        }
                    }
                    sink.endRow();
                }
            }
        };
    }
}
