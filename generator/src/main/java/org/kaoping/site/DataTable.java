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
        // Loops, not streams: a province's period makes 10,000 tables of 48 rows each time its downloads are written.
        Object[][] copies = new Object[rows.size()][];
        for (int i = 0; i < copies.length; i++) {
            Object[] r = rows.get(i).toArray();
            for (int j = 0; j < r.length; j++) {
                if (r[j] == null) {
                    r[j] = "";
                }
                Object c = r[j];
                if (!(c instanceof String || c instanceof BigDecimal || c instanceof Integer)) {
                    throw new IllegalArgumentException("a table cell must be text, a decimal or an integer: " + c);
                }
            }
            copies[i] = r;
        }
        List<List<Object>> copied = new java.util.ArrayList<>(copies.length);
        for (Object[] r : copies) {
            copied.add(List.of(r));
        }
        rows = java.util.Collections.unmodifiableList(copied);
    }
}
