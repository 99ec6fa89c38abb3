package org.kaoping.render;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.kaoping.site.DataTable;
import org.kaoping.site.SheetRows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Tables as one .xlsx workbook, a worksheet per table, numbers as numbers. Written with fastexcel: a small,
 * streaming writer that does all this needs (Apache POI could, at ten times the weight for a plain grid). A
 * province period's workbook ({@link #writeLong}) is written by {@link ProvinceWorkbook} instead, the same bytes
 * at a fraction of the cost.
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
    static Workbook workbook(OutputStream zip, String title) {
        Workbook wb = new Workbook(zip, "Kaoping", "1.0");
        wb.setCompressionLevel(Deflater.NO_COMPRESSION);
        wb.properties().setTitle(title);
        return wb;
    }

    /** One table as a worksheet: the bold header row, frozen, then the rows. */
    static void table(Worksheet ws, DataTable t) {
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
    static void cell(Worksheet ws, int r, int c, Object v) {
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
     * The compression of a province workbook's parts other than its worksheets (which {@link RowDeflater}
     * deflates): the fastest deflate level. Its 150 MB of worksheet XML (as fastexcel wrote it) took 1.3 s of CPU
     * per period at the default level and 0.45 s at this one, for a file of 20 MB instead of 16 MB (what the file
     * holds is the same; Excel, WPS and POI read any deflate level). Every cell keeps its reference: optional in
     * SpreadsheetML, but some readers refuse cells without one. A county's workbook keeps the default level, and
     * its bytes.
     */
    static final int LONG_LEVEL = Deflater.BEST_SPEED;
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

    /**
     * As {@link #longBytes(String, List)}, written to {@code out} as it is made (left open).
     *
     * @param tables each sheet's rows made as they are written: only the ranking is held
     */
    public static void writeLong(String title, SheetRows tables, OutputStream out) throws IOException {
        ProvinceWorkbook.write(title, tables, EXCEL_ROWS, out);
    }

    private static void writeLong(String title, List<DataTable> tables, int maxRows, OutputStream out) throws IOException {
        ProvinceWorkbook.write(title, SheetRows.of(tables), maxRows, out);
    }

    static void header(Worksheet ws, List<String> header) {
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
            ws.style(0, c).bold().set();
        }
    }
}
