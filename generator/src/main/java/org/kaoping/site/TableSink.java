package org.kaoping.site;

import java.math.BigDecimal;

/**
 * Receives a table's cells as they are made, row by row (the cells a {@link DataTable} would hold, in its order):
 * how a province period's 480,000 sheet rows reach its workbook without a table or a list per row ({@link SheetRows}).
 */
public interface TableSink {
    void beginRow();

    /** A text cell; the empty text is an empty cell, as in a {@link DataTable}. */
    void text(String s);

    void number(BigDecimal d);

    void number(int i);

    void endRow();
}
