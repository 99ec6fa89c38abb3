package org.kaoping.site;

import java.math.BigDecimal;
import java.util.List;

/**
 * One table of a period's downloads (the ranking, or one station's sheet): what the .csv file and the
 * .xlsx sheet of the same name hold. Cells are {@link String}, {@link BigDecimal} or {@link Integer}
 * so that spreadsheets get numbers, not text that looks like numbers.
 *
 * @param title the sheet's name in the workbook (short: spreadsheets allow 31 characters)
 * @param file  the .csv file name, relative to the period's download folder
 */
public record DataTable(String title, String file, List<String> header, List<List<Object>> rows) {
    public DataTable {
        header = List.copyOf(header);
        // A loop, not streams: a province build makes 80,000 of these tables, twice (workbook and .csv files).
        List<List<Object>> copy = new java.util.ArrayList<>(rows.size());
        for (List<Object> r : rows) {
            Object[] cells = r.toArray();
            for (int i = 0; i < cells.length; i++) {
                Object c = cells[i] == null ? "" : cells[i];
                if (!(c instanceof String || c instanceof BigDecimal || c instanceof Integer)) {
                    throw new IllegalArgumentException("a table cell must be text, a decimal or an integer: " + c);
                }
                cells[i] = c;
            }
            // The array is this table's own (toArray made it): a read-only view of it, not a second copy.
            copy.add(java.util.Collections.unmodifiableList(java.util.Arrays.asList(cells)));
        }
        rows = java.util.Collections.unmodifiableList(copy);
    }
}
