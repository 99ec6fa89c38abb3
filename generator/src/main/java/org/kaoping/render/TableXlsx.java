package org.kaoping.render;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.kaoping.site.DataTable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.zip.Deflater;

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
            write(title, tables, quick, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** As {@link #bytes(String, List)}, written to {@code out} as it is made (left open). */
    public static void write(String title, List<DataTable> tables, OutputStream out) throws IOException {
        write(title, tables, true, out);
    }

    private static void write(String title, List<DataTable> tables, boolean quick, OutputStream out) throws IOException {
        StableZipStream zip = new StableZipStream(out, Deflater.DEFAULT_COMPRESSION);
        Workbook wb = workbook(zip, title);
        WorksheetNames sheets = new WorksheetNames(wb, quick);
        for (DataTable t : tables) {
            table(sheets.add(t.title()), t);
        }
        wb.finish();
        zip.close();
    }

    /**
     * A workbook that stores its entries: {@link StableZipStream} inflates them and compresses each once, with
     * the fixed time (the same bytes as fastexcel's own compression followed by {@link StableZip#normalize}).
     */
    private static Workbook workbook(OutputStream zip, String title) {
        Workbook wb = new Workbook(zip, "Kaoping", "1.0");
        wb.setCompressionLevel(Deflater.NO_COMPRESSION);
        wb.properties().setTitle(title);
        return wb;
    }

    /** One table as a worksheet: the bold header row, frozen, then the rows. */
    private static void table(Worksheet ws, DataTable t) {
        header(ws, t.header());
        for (int r = 0; r < t.rows().size(); r++) {
            List<Object> row = t.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                cell(ws, r + 1, c, row.get(c));
            }
        }
        ws.freezePane(0, 1);
    }

    /** A number as a number, text as text, an empty cell left out. */
    private static void cell(Worksheet ws, int r, int c, Object v) {
        if (v instanceof BigDecimal d) {
            ws.value(r, c, d);
        } else if (v instanceof Integer i) {
            ws.value(r, c, i);
        } else if (!v.toString().isEmpty()) {
            ws.value(r, c, v.toString());
        }
    }

    /** The long worksheet of a province period's workbook, one row per station and criterion. */
    public static final String ITEMS = "逐项得分";
    /** Rows of a worksheet Excel and WPS open, the header row included. */
    static final int EXCEL_ROWS = 1_048_576;
    /** The ranking column that says which stations have a sheet (their tables follow the ranking, in its order). */
    static final String HAS_SHEET = "有完整评分表";
    /**
     * The compression of a province workbook: the fastest deflate level. Its 150 MB of worksheet XML took 1.3 s
     * of CPU per period at the default level and takes 0.45 s at this one, for a file of 20 MB instead of 16 MB
     * (what the file holds is the same; Excel, WPS and POI read any deflate level). A county's workbook keeps
     * the default level, and its bytes.
     */
    static final int LONG_LEVEL = Deflater.BEST_SPEED;
    /** Rows written before they are handed to the output, so that a long worksheet is never all in memory. */
    private static final int FLUSH_ROWS = 4_096;

    /**
     * A province period's workbook (issue 12): the ranking as its first worksheet, then every station's sheet
     * in ONE worksheet {@value #ITEMS} that a clerk can filter — a row per station and criterion (and the
     * station's 合计 row), the columns 名次 and 司法所 from the ranking before the sheet table's own columns.
     * Ten thousand worksheets, one per station, were the largest cost of a province build and a file no
     * spreadsheet handles well. Beyond Excel's 1,048,576 rows the rows continue in 逐项得分（续）, 逐项得分（续2）
     * and so on, a station's rows never split between two worksheets (unless one station alone had more).
     *
     * @param tables the ranking, then one table per station sheet, as {@code PeriodTables} makes them
     */
    public static byte[] longBytes(String title, List<DataTable> tables) {
        return longBytes(title, tables, EXCEL_ROWS);
    }

    /** @param maxRows rows per worksheet, header included (a test splits a small table with a small limit) */
    static byte[] longBytes(String title, List<DataTable> tables, int maxRows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeLong(title, tables, maxRows, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** As {@link #longBytes(String, List)}, written to {@code out} as it is made (left open). */
    public static void writeLong(String title, List<DataTable> tables, OutputStream out) throws IOException {
        writeLong(title, tables, EXCEL_ROWS, out);
    }

    /**
     * @param tables read one at a time, in order: the build's list makes each sheet table when asked for it, so
     *               only the ranking and the table being written are held
     */
    private static void writeLong(String title, List<DataTable> tables, int maxRows, OutputStream out) throws IOException {
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
        Workbook wb = workbook(zip, title);
        WorksheetNames names = new WorksheetNames(wb);
        Worksheet first = names.add(ranking.title());
        table(first, ranking);
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

    private static void header(Worksheet ws, List<String> header) {
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
            ws.style(0, c).bold().set();
        }
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
            cell(ws, next, 0, place);
            cell(ws, next, 1, station);
            for (int c = 0; c < row.size(); c++) {
                cell(ws, next, c + 2, row.get(c));
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
            header(ws, header);
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
