package org.kaoping.ingest;

import org.kaoping.round.WorkbookLayout;

/**
 * Where a value stood in an imported file: `2023-q3.xlsx:观音寺!E7` for a workbook,
 * `scores.csv:7:3` (row, column) for a table. Rows and columns are zero-based here, printed one-based.
 */
public record Where(String file, String worksheet, int row, int col) {
    @Override
    public String toString() {
        if (worksheet != null) {
            return file + ":" + worksheet + "!" + WorkbookLayout.a1(row, col);
        }
        return file + ":" + (row + 1) + ":" + (col + 1);
    }
}
