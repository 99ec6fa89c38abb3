package org.kaoping.render;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.kaoping.site.DataTable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ProvinceWorkbook} against the way province workbooks were written before it (fastexcel and
 * {@link StableZipStream}, kept as {@link FastexcelProvinceWorkbook}): seeded random rankings and sheet tables
 * with hostile text — markup characters, control characters, surrogate pairs and lone surrogates, very long
 * text, numbers of every scale — give the same archive part for part (the worksheets' content byte for byte, the
 * other parts' compressed bytes too), and read back (with POI and with
 * fastexcel-reader) the same cells, types, styles, worksheets, frozen panes and filters.
 */
class ProvinceWorkbookSameBytesTest {
    private static final String[] PIECES = {
            "司法所", "扣分", "<", ">", "&", "'", "\"", "]]>", "&amp;", "<c r=\"A1\">", "\t", "\n", "\r", "\r\n",
            "\u0000", "\u0001", "\u0008", "\u000b", "\u001f", "\u007f", "\u0085", "\u00a0", "\ud83d\ude00", "\ud840\udc00",
            "\ud800", "\udfff", "x\ud800", "\ufffe", "\uffff", "\ufeff", "é", " ", "  ", "0", "007", "-1", "1E+3",
            "=SUM(A1)", "一.1", "（续）", "2021-03-04T05:06:07Z", "𠮷野家",
    };

    private static String text(Random random) {
        return text(random, true);
    }

    /** @param longer sometimes thousands of characters */
    private static String text(Random random, boolean longer) {
        if (longer && random.nextInt(40) == 0) {
            return "长".repeat(200 + random.nextInt(6000)) + "<&>";
        }
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            s.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    private static Object value(Random random) {
        return value(random, true);
    }

    private static Object value(Random random, boolean longer) {
        return switch (random.nextInt(8)) {
            case 0 -> random.nextInt(200) - 50;
            case 1 -> List.of(0, Integer.MAX_VALUE, Integer.MIN_VALUE, -7).get(random.nextInt(4));
            case 2 -> BigDecimal.valueOf(random.nextInt(20_000) - 5_000, random.nextInt(4));
            case 3 -> List.of(new BigDecimal("1E+3"), new BigDecimal("-0.00"), new BigDecimal("12345678901234567890.125"),
                    new BigDecimal("0.000001")).get(random.nextInt(4));
            case 4 -> "";
            default -> text(random, longer);
        };
    }

    /**
     * A ranking of {@code stations} (some without a sheet) and their sheet tables of {@code rows} rows, as
     * PeriodTables makes them: the ranking's first columns the place and the station's name.
     */
    static List<DataTable> tables(Random random, int stations, int rows) {
        return tables(random, stations, rows, true);
    }

    /** @param longer with (sometimes) texts of thousands of characters in the sheet tables */
    static List<DataTable> tables(Random random, int stations, int rows, boolean longer) {
        List<String> rankingHeader = new ArrayList<>(List.of("名次", "司法所"));
        int more = random.nextInt(4) == 0 ? 20 + random.nextInt(30) : random.nextInt(3); // wider than 16 columns too
        for (int c = 0; c < more; c++) {
            rankingHeader.add(text(random));
        }
        rankingHeader.addAll(List.of("总分", TableXlsx.HAS_SHEET));
        List<String> sheetHeader = new ArrayList<>();
        int columns = 2 + random.nextInt(8);
        for (int c = 0; c < columns; c++) {
            sheetHeader.add(c == 0 ? "项目" : text(random));
        }
        List<List<Object>> ranking = new ArrayList<>();
        List<DataTable> out = new ArrayList<>();
        out.add(null);
        for (int s = 0; s < stations; s++) {
            boolean sheet = random.nextInt(6) != 0;
            String name = random.nextInt(5) == 0 ? text(random) : "所" + s;
            List<Object> line = new ArrayList<>(List.of(random.nextInt(3) == 0 ? "" : s + 1, name));
            for (int c = 0; c < more + 1; c++) {
                line.add(value(random));
            }
            line.add(sheet ? "是" : "否");
            ranking.add(line);
            if (sheet) {
                List<List<Object>> body = new ArrayList<>();
                String section = text(random); // one object repeated down a column, as a sheet's section label is
                int n = rows + random.nextInt(3) - 1;
                for (int r = 0; r < n; r++) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 0; c < columns; c++) {
                        row.add(c == 0 ? section : value(random, longer));
                    }
                    body.add(row);
                }
                out.add(new DataTable(name, "s" + s + ".csv", sheetHeader, body));
            }
        }
        String title = random.nextBoolean() ? "排名" : text(random) + "排名/[a]:b*?c\\d" + "很长的名字".repeat(random.nextInt(8));
        out.set(0, new DataTable(title, "r.csv", rankingHeader, ranking));
        return out;
    }

    private static byte[] expected(String title, List<DataTable> tables, int maxRows) throws IOException {
        return FastexcelProvinceWorkbook.bytes(title, tables, maxRows);
    }

    @Test
    void seededRandomWorkbooksAreTheBytesFastexcelWrote() throws IOException {
        for (int seed = 0; seed < 40; seed++) {
            Random random = new Random(seed);
            int stations = random.nextInt(12);
            int rows = 1 + random.nextInt(8);
            int maxRows = seed % 3 == 0 ? TableXlsx.EXCEL_ROWS : 2 + random.nextInt(20);
            List<DataTable> tables = tables(random, stations, rows);
            String title = text(random) + "2020-01-02T03:04:05Z";
            byte[] made = TableXlsx.longBytes(title, tables, maxRows);
            byte[] expected = expected(title, tables, maxRows);
            assertSameParts(expected, made, "seed " + seed);
            assertSameContent(expected, made, "seed " + seed);
        }
    }

    /**
     * Past the 4,096 rows whose text sets the column widths (fastexcel had written them out by then), and past a
     * worksheet's limit: a long text in a later row does not widen its column.
     */
    @Test
    void aLongWorksheetPastTheMeasuredRowsIsTheSameToo() throws IOException {
        Random random = new Random(42);
        List<DataTable> tables = new ArrayList<>(tables(random, 120, 48, false));
        DataTable last = tables.get(tables.size() - 1);
        List<List<Object>> rows = new ArrayList<>(last.rows());
        List<Object> row = new ArrayList<>(rows.get(0));
        row.set(1, "很长的扣分原因".repeat(60));
        rows.set(0, row);
        tables.set(tables.size() - 1, new DataTable(last.title(), last.file(), last.header(), rows));
        int stationRows = tables.stream().skip(1).mapToInt(t -> t.rows().size()).sum();
        assertTrue(stationRows > ProvinceWorkbook.MEASURED_ROWS + 48, "the long text comes after the measured rows");
        for (int maxRows : new int[]{TableXlsx.EXCEL_ROWS, 4_096, 4_097}) {
            byte[] made = TableXlsx.longBytes("标题", tables, maxRows);
            byte[] expected = expected("标题", tables, maxRows);
            assertSameParts(expected, made, "max rows " + maxRows);
            if (maxRows == TableXlsx.EXCEL_ROWS) {
                assertSameContent(expected, made, "max rows " + maxRows);
                try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(made))) {
                    assertTrue(wb.getSheetAt(1).getColumnWidth(3) < 100 * 256, "column D fitted to its first rows");
                }
            }
        }
    }

    @Test
    void aRankingWithoutSheetsHasNoLongWorksheet() throws IOException {
        List<DataTable> none = List.of(new DataTable("排名", "r.csv", List.of("名次", "司法所", TableXlsx.HAS_SHEET),
                List.of(List.of(1, "甲所", "否"), List.of(2, "乙所", "否"))));
        byte[] made = TableXlsx.longBytes("t", none);
        assertSameParts(expected("t", none, TableXlsx.EXCEL_ROWS), made, "no sheets");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(made))) {
            assertEquals(1, wb.getNumberOfSheets());
        }
        List<DataTable> empty = List.of(new DataTable("排名", "r.csv", List.of("名次", "司法所", TableXlsx.HAS_SHEET), List.of()));
        assertSameParts(expected("t", empty, TableXlsx.EXCEL_ROWS), TableXlsx.longBytes("t", empty), "no rows");
    }

    /** Text survives as it was given, but for what XML 1.0 cannot hold (left out, as fastexcel left it out). */
    @Test
    void hostileTextReadsBackAsGiven() throws IOException {
        Random random = new Random(7);
        List<DataTable> tables = tables(random, 20, 6);
        byte[] made = TableXlsx.longBytes("t", tables);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(made))) {
            XSSFSheet ranking = wb.getSheetAt(0);
            DataTable r = tables.get(0);
            for (int row = 0; row < r.rows().size(); row++) {
                for (int c = 0; c < r.header().size(); c++) {
                    Object v = r.rows().get(row).get(c);
                    XSSFCell cell = ranking.getRow(row + 1).getCell(c);
                    if (v instanceof String s) {
                        String kept = xmlOnly(s);
                        if (s.isEmpty()) {
                            assertTrue(cell == null, "an empty text is no cell");
                        } else {
                            assertEquals(kept, cell.getStringCellValue());
                        }
                    } else {
                        assertEquals(CellType.NUMERIC, cell.getCellType());
                        assertEquals(new BigDecimal(v.toString()).doubleValue(), cell.getNumericCellValue());
                    }
                }
            }
            XSSFSheet items = wb.getSheetAt(1);
            int at = 1;
            int s = 1;
            for (List<Object> rankingRow : r.rows()) {
                if (!"是".equals(rankingRow.get(rankingRow.size() - 1))) {
                    continue;
                }
                for (List<Object> row : tables.get(s).rows()) {
                    XSSFRow line = items.getRow(at++);
                    assertEquals(xmlOnly(rankingRow.get(1).toString()), line.getCell(1).getStringCellValue());
                    for (int c = 0; c < row.size(); c++) {
                        if (row.get(c) instanceof String text && !text.isEmpty()) {
                            assertEquals(xmlOnly(text), line.getCell(c + 2).getStringCellValue());
                        }
                    }
                }
                s++;
            }
            assertEquals(at - 1, items.getLastRowNum());
        }
    }

    /** A text without the characters XML 1.0 has no place for. */
    private static String xmlOnly(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().filter(c -> c == 0x9 || c == 0xa || c == 0xd || c >= 0x20 && c <= 0xd7ff
                || c >= 0xe000 && c <= 0xfffd || c >= 0x10000).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The same worksheets, cells (value and type), bold header, number formats, frozen panes and filters. */
    static void assertSameContent(byte[] expected, byte[] actual, String what) throws IOException {
        assertEquals(entries(expected), entries(actual), what + ": the archive's parts");
        try (XSSFWorkbook a = new XSSFWorkbook(new ByteArrayInputStream(expected));
             XSSFWorkbook b = new XSSFWorkbook(new ByteArrayInputStream(actual))) {
            assertEquals(a.getNumberOfSheets(), b.getNumberOfSheets(), what);
            for (int i = 0; i < a.getNumberOfSheets(); i++) {
                XSSFSheet x = a.getSheetAt(i);
                XSSFSheet y = b.getSheetAt(i);
                String where = what + ", worksheet " + x.getSheetName();
                assertEquals(x.getSheetName(), y.getSheetName(), where);
                PaneInformation pane = y.getPaneInformation();
                assertNotNull(pane, where + ": the header is frozen");
                assertTrue(pane.isFreezePane(), where);
                assertEquals(1, pane.getHorizontalSplitPosition(), where);
                assertEquals(x.getPaneInformation().getVerticalSplitPosition(), pane.getVerticalSplitPosition(), where);
                assertEquals(String.valueOf(x.getCTWorksheet().getAutoFilter() == null ? null : x.getCTWorksheet().getAutoFilter().getRef()),
                        String.valueOf(y.getCTWorksheet().getAutoFilter() == null ? null : y.getCTWorksheet().getAutoFilter().getRef()), where);
                assertEquals(x.getLastRowNum(), y.getLastRowNum(), where);
                for (int r = 0; r <= x.getLastRowNum(); r++) {
                    XSSFRow p = x.getRow(r);
                    XSSFRow q = y.getRow(r);
                    assertEquals(p == null, q == null, where + " row " + r);
                    if (p == null) {
                        continue;
                    }
                    assertEquals(p.getLastCellNum(), q.getLastCellNum(), where + " row " + r);
                    for (int c = 0; c < p.getLastCellNum(); c++) {
                        assertSameCell(p.getCell(c), q.getCell(c), where + " cell " + r + "," + c);
                    }
                }
                for (int c = 0; c < 60; c++) {
                    assertEquals(x.getColumnWidth(c), y.getColumnWidth(c), where + " column " + c);
                }
            }
        }
        assertEquals(fastexcelRead(expected), fastexcelRead(actual), what + ": as fastexcel-reader reads them");
    }

    private static void assertSameCell(Cell x, Cell y, String where) {
        assertEquals(x == null, y == null, where);
        if (x == null) {
            return;
        }
        assertEquals(x.getCellType(), y.getCellType(), where);
        switch (x.getCellType()) {
            case NUMERIC -> assertEquals(x.getNumericCellValue(), y.getNumericCellValue(), where);
            case STRING -> assertEquals(x.getStringCellValue(), y.getStringCellValue(), where);
            default -> throw new AssertionError(where + ": a cell of type " + x.getCellType());
        }
        XSSFCellStyle a = (XSSFCellStyle) x.getCellStyle();
        XSSFCellStyle b = (XSSFCellStyle) y.getCellStyle();
        assertEquals(a.getFont().getBold(), b.getFont().getBold(), where);
        assertEquals(a.getDataFormatString(), b.getDataFormatString(), where);
        assertEquals(x.getRowIndex() == 0, b.getFont().getBold(), where + ": bold is the header's");
    }

    /** Each worksheet's name, then every row's cells as type and text, as fastexcel-reader sees them. */
    private static List<String> fastexcelRead(byte[] xlsx) throws IOException {
        List<String> out = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (var sheet : wb.getSheets().toList()) {
                out.add("# " + sheet.getName());
                try (var rows = sheet.openStream()) {
                    for (Row row : (Iterable<Row>) rows::iterator) {
                        StringBuilder line = new StringBuilder().append(row.getRowNum()).append(':');
                        row.forEach(c -> line.append(c == null ? "-" : c.getType() + "=" + c.getRawValue()).append('|'));
                        out.add(line.toString());
                    }
                }
            }
        }
        return out;
    }

    /**
     * The same parts in the same order, each with the same time, method and content. The worksheets are deflated
     * by {@link RowDeflater}, so their compressed bytes differ from zlib's; every other part is zlib's at the same
     * level, and its compressed bytes (and header fields) are held equal too.
     */
    static void assertSameParts(byte[] expected, byte[] actual, String what) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile a = zipFile(expected); ZipFile b = zipFile(actual)) {
            List<ZipArchiveEntry> x = Collections.list(a.getEntriesInPhysicalOrder());
            List<ZipArchiveEntry> y = Collections.list(b.getEntriesInPhysicalOrder());
            for (ZipArchiveEntry e : x) {
                names.add(e.getName());
            }
            assertEquals(names, y.stream().map(ZipArchiveEntry::getName).toList(), what + ": the parts in order");
            for (int i = 0; i < x.size(); i++) {
                ZipArchiveEntry e = x.get(i);
                ZipArchiveEntry f = y.get(i);
                String where = what + ", " + e.getName();
                assertEquals(e.getTime(), f.getTime(), where);
                assertEquals(e.getMethod(), f.getMethod(), where);
                assertEquals(e.getGeneralPurposeBit().usesDataDescriptor(), f.getGeneralPurposeBit().usesDataDescriptor(), where);
                assertEquals(e.getGeneralPurposeBit().usesUTF8ForNames(), f.getGeneralPurposeBit().usesUTF8ForNames(), where);
                assertEquals(e.getCrc(), f.getCrc(), where);
                assertEquals(e.getSize(), f.getSize(), where);
                try (InputStream p = a.getInputStream(e); InputStream q = b.getInputStream(f)) {
                    assertArrayEquals(p.readAllBytes(), q.readAllBytes(), where);
                }
                if (!e.getName().startsWith("xl/worksheets/")) {
                    try (InputStream p = a.getRawInputStream(e); InputStream q = b.getRawInputStream(f)) {
                        assertArrayEquals(p.readAllBytes(), q.readAllBytes(), where + ": zlib's bytes");
                    }
                }
            }
        }
        // And read as a stream, from the local headers and data descriptors alone.
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(actual))) {
            List<String> streamed = new ArrayList<>();
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                streamed.add(e.getName());
                drain(in);
            }
            assertEquals(names, streamed, what + ": the parts as a stream reads them");
        }
    }

    private static ZipFile zipFile(byte[] zip) throws IOException {
        return ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get();
    }

    /** The archive's part names in order. */
    private static List<String> entries(byte[] zip) throws IOException {
        List<String> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.add(e.getName() + " " + e.getTime());
                drain(in);
            }
        }
        return out;
    }

    private static void drain(InputStream in) throws IOException {
        in.transferTo(java.io.OutputStream.nullOutputStream());
    }
}
