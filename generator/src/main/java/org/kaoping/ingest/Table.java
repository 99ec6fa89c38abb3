package org.kaoping.ingest;

import java.util.List;

/** A worksheet or a CSV file as rows of cells; {@code worksheet} is null for CSV. */
public record Table(String file, String worksheet, List<List<Cell>> rows) {
    public Table {
        rows = List.copyOf(rows);
    }

    /** The cell at a zero-based row and column; a blank one with its place when the row is shorter. */
    public Cell cell(int row, int col) {
        if (row < rows.size() && col < rows.get(row).size()) {
            return rows.get(row).get(col);
        }
        return new Cell("", null, new Where(file, worksheet, row, col));
    }

    public Where where(int row, int col) {
        return new Where(file, worksheet, row, col);
    }
}
