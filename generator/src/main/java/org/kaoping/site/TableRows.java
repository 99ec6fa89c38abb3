package org.kaoping.site;

import java.util.List;
import java.util.function.Supplier;

/**
 * A table handed to a {@link TableSink} row by row as it is made, never held whole: a province writes 10,000 station
 * files of some 380 rows, and a list of cells per row, copied again into a {@link DataTable}, cost more than writing
 * them. {@link #get} makes the same table whole.
 */
public interface TableRows extends Supplier<DataTable> {
    List<String> header();

    /** Hands the rows to {@code sink}, in order: the rows {@link #get} holds, cell for cell. */
    void write(TableSink sink);
}
