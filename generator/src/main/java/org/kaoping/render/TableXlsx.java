package org.kaoping.render;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.kaoping.site.DataTable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Tables as one .xlsx workbook, a worksheet per table, numbers as numbers. Written with fastexcel: a small,
 * streaming writer that does all this needs (Apache POI could, at ten times the weight for a plain grid).
 */
public final class TableXlsx {
    private TableXlsx() {
    }

    public static byte[] bytes(String title, List<DataTable> tables) {
        return bytes(title, tables, true);
    }

    /** @param quick add worksheets through {@link WorksheetNames} (false: fastexcel's own, quadratic way) */
    static byte[] bytes(String title, List<DataTable> tables, boolean quick) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Kaoping", "1.0");
            wb.properties().setTitle(title);
            WorksheetNames sheets = new WorksheetNames(wb, quick);
            for (DataTable t : tables) {
                Worksheet ws = sheets.add(t.title());
                for (int c = 0; c < t.header().size(); c++) {
                    ws.value(0, c, t.header().get(c));
                    ws.style(0, c).bold().set();
                }
                for (int r = 0; r < t.rows().size(); r++) {
                    List<Object> row = t.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        Object v = row.get(c);
                        if (v instanceof BigDecimal d) {
                            ws.value(r + 1, c, d);
                        } else if (v instanceof Integer i) {
                            ws.value(r + 1, c, i);
                        } else if (!v.toString().isEmpty()) {
                            ws.value(r + 1, c, v.toString());
                        }
                    }
                }
                ws.freezePane(0, 1);
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return StableZip.normalize(out.toByteArray());
    }
}
