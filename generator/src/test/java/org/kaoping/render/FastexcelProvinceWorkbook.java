package org.kaoping.render;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.kaoping.site.DataTable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The province workbook as it was written before {@link ProvinceWorkbook}: through fastexcel, its archive rewritten
 * by {@link StableZipStream}. Kept here, verbatim but for the workbook, table and cell helpers it shares with
 * {@link TableXlsx} (which still writes county workbooks with them), as the reference the new writer is held to,
 * byte for byte.
 */
final class FastexcelProvinceWorkbook {
    private static final String ITEMS = TableXlsx.ITEMS;
    private static final String HAS_SHEET = TableXlsx.HAS_SHEET;
    private static final int LONG_LEVEL = TableXlsx.LONG_LEVEL;
    private static final int FLUSH_ROWS = 4_096;

    private FastexcelProvinceWorkbook() {
    }

    static byte[] bytes(String title, List<DataTable> tables, int maxRows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeLong(title, tables, maxRows, out);
        return out.toByteArray();
    }

    /**
     * @param tables read one at a time, in order: the build's list makes each sheet table when asked for it, so
     *               only the ranking and the table being written are held
     */
    static void writeLong(String title, List<DataTable> tables, int maxRows, OutputStream out) throws IOException {
        if (maxRows < 2) {
            throw new IllegalArgumentException("a worksheet needs a header row and a row: " + maxRows);
        }
        DataTable ranking = tables.get(0);
        int sheets = tables.size() - 1;
        int hasSheet = ranking.header().indexOf(HAS_SHEET);
        List<List<Object>> sheetRows = ranking.rows().stream()
                .filter(r -> hasSheet >= 0 && "是".equals(r.get(hasSheet))).toList();
        if (sheetRows.size() != sheets) {
            throw new IllegalStateException(sheets + " sheet tables for " + sheetRows.size()
                    + " ranking rows marked " + HAS_SHEET);
        }
        StableZipStream zip = new StableZipStream(out, LONG_LEVEL);
        Workbook wb = TableXlsx.workbook(zip, title);
        WorksheetNames names = new WorksheetNames(wb);
        Worksheet first = names.add(ranking.title());
        TableXlsx.table(first, ranking);
        first.finish();
        List<String> columns = null;
        LongSheet items = null;
        for (int s = 0; s < sheets; s++) {
            DataTable t = tables.get(s + 1);
            if (columns == null) {
                columns = t.header();
                List<String> header = new java.util.ArrayList<>(List.of(ranking.header().get(0), ranking.header().get(1)));
                header.addAll(columns);
                items = new LongSheet(names, header, maxRows);
            } else if (!t.header().equals(columns)) {
                throw new IllegalStateException("sheet tables with different columns: " + t.title());
            }
            Object place = sheetRows.get(s).get(0);
            Object station = sheetRows.get(s).get(1);
            items.keepTogether(t.rows().size());
            for (List<Object> row : t.rows()) {
                items.row(place, station, row);
            }
        }
        if (items != null) {
            items.finish();
        }
        wb.finish();
        zip.close();
    }

    /** {@value #ITEMS} and its continuations, written a few thousand rows at a time. */
    private static final class LongSheet {
        private final WorksheetNames names;
        private final List<String> header;
        private final int maxRows;
        private Worksheet ws;
        private int count; // worksheets begun
        private int next;  // the next row's index in ws

        LongSheet(WorksheetNames names, List<String> header, int maxRows) {
            this.names = names;
            this.header = header;
            this.maxRows = maxRows;
        }

        /** Begins a new worksheet unless {@code rows} more rows fit in the current one (or it has none yet). */
        void keepTogether(int rows) throws IOException {
            if (ws == null || (next > 1 && next + rows > maxRows)) {
                begin();
            }
        }

        void row(Object place, Object station, List<Object> row) throws IOException {
            if (next == maxRows) {
                begin();
            }
            TableXlsx.cell(ws, next, 0, place);
            TableXlsx.cell(ws, next, 1, station);
            for (int c = 0; c < row.size(); c++) {
                TableXlsx.cell(ws, next, c + 2, row.get(c));
            }
            next++;
            if (next % FLUSH_ROWS == 0) {
                ws.flush();
            }
        }

        private void begin() throws IOException {
            finish();
            count++;
            ws = names.add(count == 1 ? ITEMS : count == 2 ? ITEMS + "（续）" : ITEMS + "（续" + (count - 1) + "）");
            TableXlsx.header(ws, header);
            ws.freezePane(0, 1);
            next = 1;
        }

        void finish() throws IOException {
            if (ws != null) {
                ws.setAutoFilter(0, 0, next - 1, header.size() - 1);
                ws.finish();
                ws = null;
            }
        }
    }
}
