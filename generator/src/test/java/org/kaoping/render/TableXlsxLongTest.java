package org.kaoping.render;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.kaoping.site.DataTable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The long worksheet of a province workbook past a worksheet's row limit (Excel's is 1,048,576; a small
 * limit here): it continues in 逐项得分（续）, 逐项得分（续2）…, keeping a station's rows together.
 */
class TableXlsxLongTest {
    private static final List<String> SHEET = List.of("序号", "得分", "扣分原因");

    /** A ranking of {@code stations} stations (the second without a sheet) and their sheet tables of {@code rows} rows. */
    private static List<DataTable> tables(int stations, int rows) {
        List<List<Object>> ranking = new ArrayList<>();
        List<DataTable> out = new ArrayList<>();
        out.add(null);
        for (int s = 0; s < stations; s++) {
            boolean sheet = s != 1;
            ranking.add(List.of(s + 1, "所" + s, new BigDecimal("90.5"), sheet ? "是" : "否"));
            if (sheet) {
                List<List<Object>> body = new ArrayList<>();
                for (int r = 0; r < rows; r++) {
                    body.add(List.of("一." + r, new BigDecimal(s + "." + r), r % 2 == 0 ? "" : "理由" + s));
                }
                out.add(new DataTable("所" + s, "s" + s + ".csv", SHEET, body));
            }
        }
        out.set(0, new DataTable("排名", "r.csv", List.of("名次", "司法所", "总分", TableXlsx.HAS_SHEET), ranking));
        return out;
    }

    /** Every worksheet's name and, after the ranking, its rows as text. */
    private static List<List<String>> read(byte[] xlsx, List<String> names) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                XSSFSheet ws = wb.getSheetAt(i);
                names.add(ws.getSheetName());
                if (i == 0) {
                    continue;
                }
                assertEquals(List.of("名次", "司法所", "序号", "得分", "扣分原因"), text(ws.getRow(0)));
                for (int r = 1; r <= ws.getLastRowNum(); r++) {
                    rows.add(text(ws.getRow(r)));
                }
            }
        }
        return rows;
    }

    private static List<String> text(Row row) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            var cell = row.getCell(c);
            out.add(cell == null ? "" : switch (cell.getCellType()) {
                case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
                default -> cell.getStringCellValue();
            });
        }
        return out;
    }

    private static List<List<String>> expected(List<DataTable> tables) {
        List<List<String>> out = new ArrayList<>();
        int s = 1;
        for (List<Object> r : tables.get(0).rows()) {
            if (r.get(3).equals("是")) {
                for (List<Object> row : tables.get(s++).rows()) {
                    List<String> line = new ArrayList<>(List.of(r.get(0).toString(), r.get(1).toString()));
                    row.forEach(v -> line.add(v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString()));
                    out.add(line);
                }
            }
        }
        return out;
    }

    @Test
    void rowsPastTheLimitContinueInANewWorksheetAndAStationIsNotSplit() throws IOException {
        List<DataTable> tables = tables(5, 4); // 4 sheets of 4 rows; 10 rows a worksheet: 2 stations each
        List<String> names = new ArrayList<>();
        List<List<String>> rows = read(TableXlsx.longBytes("t", tables, 10), names);
        assertEquals(List.of("排名", "逐项得分", "逐项得分（续）"), names);
        assertEquals(expected(tables), rows);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(TableXlsx.longBytes("t", tables, 10)))) {
            assertEquals(8, wb.getSheetAt(1).getLastRowNum());
            assertEquals("A1:E9", wb.getSheetAt(1).getCTWorksheet().getAutoFilter().getRef());
            assertEquals(8, wb.getSheetAt(2).getLastRowNum());
        }
    }

    @Test
    void aStationLongerThanAWorksheetIsSplitWhereItMustBe() throws IOException {
        List<DataTable> tables = tables(3, 5); // 2 sheets of 5 rows, 4 rows a worksheet: 4 + 1, then 4 + 1
        List<String> names = new ArrayList<>();
        List<List<String>> rows = read(TableXlsx.longBytes("t", tables, 5), names);
        assertEquals(List.of("排名", "逐项得分", "逐项得分（续）", "逐项得分（续2）", "逐项得分（续3）"), names);
        assertEquals(expected(tables), rows);
    }

    @Test
    void atExcelsLimitAProvinceFitsInOneWorksheetAndTheBytesAreStable() throws IOException {
        List<DataTable> tables = tables(30, 48);
        byte[] a = TableXlsx.longBytes("t", tables);
        assertArrayEquals(a, TableXlsx.longBytes("t", tables));
        List<String> names = new ArrayList<>();
        assertEquals(expected(tables), read(a, names));
        assertEquals(List.of("排名", "逐项得分"), names);
    }

    @Test
    void sheetTablesThatDoNotMatchTheRankingAreRefused() {
        List<DataTable> tables = tables(3, 2);
        assertThrows(IllegalStateException.class, () -> TableXlsx.longBytes("t", tables.subList(0, 2)));
    }
}
