package org.kaoping.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A paged period's workbook (issue 12), read back: the ranking worksheet and one long worksheet 逐项得分 whose
 * rows are every station's sheet table (as its own .csv holds it) in ranking order, each row led by the station's 名次 and 司法所 —
 * no worksheet per station. A synthetic province of 120 stations (one period of full sheets, `kaoping sample`).
 */
class ProvinceWorkbookTest {
    private static final int STATIONS = 120;

    @TempDir
    static Path temp;
    static Path site;
    static String periodId;

    @BeforeAll
    static void build() throws IOException {
        Path content = Cli.sample(temp.resolve("content"), STATIONS, 1, 3);
        try (var files = Files.list(content.resolve("periods"))) {
            periodId = files.map(p -> p.getFileName().toString().replace(".json", "")).findFirst().orElseThrow();
        }
        site = temp.resolve("site");
        Cli.Run r = Cli.run("build", "--content", content.toString(), "--out", site.toString());
        assertEquals(0, r.exitCode(), r.all());
    }

    private static List<List<String>> csv(String relative) throws IOException {
        byte[] bytes = Files.readAllBytes(site.resolve(relative));
        return DownloadsTest.parseCsv(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
    }

    /** A cell as the .csv file writes it: numbers compared by value, empty cells as "". */
    private static void assertCell(String expected, Cell cell, String where) {
        if (expected.isEmpty()) {
            assertTrue(cell == null || cell.getCellType() == CellType.BLANK, where + " is empty");
        } else if (expected.matches("-?\\d+(\\.\\d+)?")) {
            assertNotNull(cell, where);
            assertEquals(CellType.NUMERIC, cell.getCellType(), where + " is a number, not text");
            assertEquals(0, new BigDecimal(expected).compareTo(BigDecimal.valueOf(cell.getNumericCellValue())),
                    where + ": " + expected + " vs " + cell.getNumericCellValue());
        } else {
            assertNotNull(cell, where);
            assertEquals(expected, cell.getStringCellValue(), where);
        }
    }

    @Test
    void theWorkbookHoldsTheRankingAndEveryStationsSheetInOneLongWorksheet() throws IOException {
        String folder = "downloads/" + periodId + "/";
        List<List<String>> ranking = csv(folder + periodId + "-ranking.csv");
        int hasSheet = ranking.get(0).indexOf("有完整评分表");
        List<List<String>> withSheet = ranking.subList(1, ranking.size()).stream()
                .filter(r -> r.get(hasSheet).equals("是")).toList();
        assertEquals(STATIONS, ranking.size() - 1);
        assertTrue(withSheet.size() > 100, "the period is paged: " + withSheet.size());
        // A paged period has no .csv per sheet: each station's sheets are its own .csv (StationSheetsTest).
        try (var files = Files.list(site.resolve(folder))) {
            assertEquals(List.of(periodId + "-ranking.csv", periodId + "-report.docx", periodId + "-report.txt",
                    periodId + ".xlsx"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Map<String, String> ids = new HashMap<>();
        for (JsonNode st : new ObjectMapper().readTree(temp.resolve("content/stations.json").toFile()).get("stations")) {
            assertNull(ids.put(st.get("name").asText(), st.get("id").asText()), "names are unique");
        }
        String title = new ObjectMapper().readTree(temp.resolve("content/periods/" + periodId + ".json").toFile())
                .get("title").asText();

        // What the long worksheet must hold: each station's .csv rows (its only period), in ranking order, after
        // 名次 and 司法所 instead of 考核期.
        List<String> header = null;
        List<List<String>> expected = new ArrayList<>();
        for (List<String> station : withSheet) {
            List<List<String>> table = csv(Slug.stationSheets(ids.get(station.get(1))));
            assertEquals("考核期", table.get(0).get(0));
            header = new ArrayList<>(List.of("名次", "司法所"));
            header.addAll(table.get(0).subList(1, table.get(0).size()));
            for (List<String> row : table.subList(1, table.size())) {
                assertEquals(title, row.get(0));
                List<String> line = new ArrayList<>(List.of(station.get(0), station.get(1)));
                line.addAll(row.subList(1, row.size()));
                expected.add(line);
            }
        }
        assertEquals(List.of("名次", "司法所", "项目", "序号", "考核内容", "分值", "得分", "失分", "扣分原因", "说明"), header);

        try (InputStream in = Files.newInputStream(site.resolve(folder + periodId + ".xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals(2, wb.getNumberOfSheets(), "no worksheet per station");
            assertEquals("排名", wb.getSheetName(0));
            XSSFSheet rankingSheet = wb.getSheetAt(0);
            assertEquals(STATIONS, rankingSheet.getLastRowNum());
            for (int r = 0; r < ranking.size(); r++) {
                for (int c = 0; c < ranking.get(r).size(); c++) {
                    assertCell(ranking.get(r).get(c), rankingSheet.getRow(r).getCell(c), "排名 " + r + "," + c);
                }
            }

            XSSFSheet items = wb.getSheet("逐项得分");
            assertNotNull(items);
            assertEquals(1, wb.getSheetIndex(items));
            Row head = items.getRow(0);
            for (int c = 0; c < header.size(); c++) {
                assertEquals(header.get(c), head.getCell(c).getStringCellValue());
            }
            assertEquals(expected.size(), items.getLastRowNum(), "one row per station and criterion, and 合计");
            for (int r = 0; r < expected.size(); r++) {
                Row row = items.getRow(r + 1);
                for (int c = 0; c < header.size(); c++) {
                    assertCell(expected.get(r).get(c), row.getCell(c), "逐项得分 row " + (r + 1) + " " + header.get(c));
                }
            }
            assertEquals(1, items.getPaneInformation().getHorizontalSplitPosition(), "the header row is frozen");
            assertEquals("A1:J" + (expected.size() + 1), items.getCTWorksheet().getAutoFilter().getRef());
        }
    }
}
