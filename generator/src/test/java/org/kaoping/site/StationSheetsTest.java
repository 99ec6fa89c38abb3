package org.kaoping.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A province's sheets as one .csv per station (issue 12): a paged period (more than {@link Paging#PAGE} stations)
 * writes no .csv per sheet and its report page links none; each station's sheets of the paged periods are
 * downloads/stations/&lt;id&gt;.csv, read back here and held against the period workbooks' long worksheets and the
 * station page's own sheet table. A synthetic site of 120 stations and three periods, the first cut to 100
 * stations so that it is not paged: a station's file holds only the periods without a .csv per sheet.
 */
class StationSheetsTest {
    private static final int STATIONS = 120;
    private static final int FIRST_PERIOD_STATIONS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    static Path site;
    static Path content;
    /** Period id → title, in site order (the sample's ids sort by year). */
    static final Map<String, String> periods = new LinkedHashMap<>();
    static final Map<String, String> names = new LinkedHashMap<>();
    static String unpaged;

    @BeforeAll
    static void build() throws IOException {
        content = Cli.sample(temp.resolve("content"), STATIONS, 3, 5);
        try (Stream<Path> files = Files.list(content.resolve("periods"))) {
            for (Path p : files.sorted().toList()) {
                JsonNode period = JSON.readTree(p.toFile());
                periods.put(period.get("id").asText(), period.get("title").asText());
            }
        }
        assertEquals(3, periods.size());
        for (JsonNode st : JSON.readTree(content.resolve("stations.json").toFile()).get("stations")) {
            names.put(st.get("id").asText(), st.get("name").asText());
        }
        // The first period without its last 20 stations: 100, not paged.
        unpaged = periods.keySet().iterator().next();
        Path file = content.resolve("periods/" + unpaged + ".json");
        ObjectNode period = (ObjectNode) JSON.readTree(file.toFile());
        ArrayNode kept = JSON.createArrayNode();
        for (JsonNode r : period.get("results")) {
            String id = r.get("station").asText();
            if (new ArrayList<>(names.keySet()).indexOf(id) < FIRST_PERIOD_STATIONS) {
                kept.add(r);
            } else {
                Files.delete(content.resolve("sheets/" + unpaged + "/" + id + ".json"));
            }
        }
        period.set("results", kept);
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(period));

        site = temp.resolve("site");
        Cli.Run r = Cli.run("build", "--content", content.toString(), "--out", site.toString());
        assertEquals(0, r.exitCode(), r.all());
    }

    private static List<String> paged() {
        return periods.keySet().stream().filter(p -> !p.equals(unpaged)).toList();
    }

    private static Document page(String relative) throws IOException {
        return Jsoup.parse(site.resolve(relative).toFile(), "UTF-8");
    }

    private static List<List<String>> csv(String relative) throws IOException {
        byte[] bytes = Files.readAllBytes(site.resolve(relative));
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3),
                relative + " starts with the byte-order mark, as every .csv of the site");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n") && text.indexOf('\n') == text.indexOf("\r\n") + 1, relative + ": CRLF line ends");
        return DownloadsTest.parseCsv(text);
    }

    @Test
    void aPagedPeriodWritesNoSheetFilesAndItsReportPageLinksNone() throws IOException {
        for (String id : paged()) {
            try (Stream<Path> files = Files.list(site.resolve("downloads/" + id))) {
                assertEquals(List.of(id + "-ranking.csv", id + "-report.docx", id + "-report.txt", id + ".xlsx"),
                        files.map(p -> p.getFileName().toString()).sorted().toList());
            }
            Document report = page("reports/" + id + ".html");
            assertEquals(List.of("../downloads/" + id + "/" + id + "-ranking.csv"),
                    report.select("ul.downloads a[href$=.csv]").eachAttr("href"));
            assertTrue(report.select("aside p.muted").text().contains("各所本期的评分表（表格文本 .csv）不在此逐所列出，而在各所的页面上下载"),
                    report.select("aside").text());
        }
        // The period of 100 stations is as a county's: a .csv per sheet, each linked from the report page.
        try (Stream<Path> files = Files.list(site.resolve("downloads/" + unpaged))) {
            assertEquals(FIRST_PERIOD_STATIONS + 4, files.count());
        }
        Document report = page("reports/" + unpaged + ".html");
        assertEquals(FIRST_PERIOD_STATIONS + 1, report.select("ul.downloads a[href$=.csv]").size());
        assertTrue(report.select("aside p.muted").isEmpty());
    }

    @Test
    void eachStationsFileHoldsItsSheetsOfThePagedPeriodsAsTheWorkbooksHoldThem() throws IOException {
        // Every paged period's long worksheet (名次, 司法所, then the sheet's columns), by station name.
        Map<String, Map<String, List<Row>>> workbooks = new LinkedHashMap<>();
        List<XSSFWorkbook> open = new ArrayList<>();
        try {
            for (String id : paged()) {
                try (InputStream in = Files.newInputStream(site.resolve(ReportPage.workbookFile(id)))) {
                    XSSFWorkbook wb = new XSSFWorkbook(in);
                    open.add(wb);
                    XSSFSheet items = wb.getSheet("逐项得分");
                    assertNotNull(items, id);
                    Map<String, List<Row>> byStation = new LinkedHashMap<>();
                    for (int r = 1; r <= items.getLastRowNum(); r++) {
                        Row row = items.getRow(r);
                        byStation.computeIfAbsent(row.getCell(1).getStringCellValue(), k -> new ArrayList<>()).add(row);
                    }
                    workbooks.put(id, byStation);
                }
            }
            List<String> titles = paged().stream().map(periods::get).toList();
            for (var station : names.entrySet()) {
                List<List<String>> table = csv(Slug.stationSheets(station.getKey()));
                assertEquals(List.of("考核期", "项目", "序号", "考核内容", "分值", "得分", "失分", "扣分原因", "说明"),
                        table.get(0));
                List<String> seen = table.subList(1, table.size()).stream().map(r -> r.get(0)).distinct().toList();
                assertEquals(titles, seen, station.getKey() + ": the paged periods, by title, in order; not "
                        + periods.get(unpaged) + ", whose sheets have a .csv each");
                int at = 1;
                for (String id : paged()) {
                    List<Row> expected = workbooks.get(id).get(station.getValue());
                    assertNotNull(expected, station.getValue() + " in " + id);
                    for (Row row : expected) {
                        List<String> line = table.get(at++);
                        assertEquals(periods.get(id), line.get(0));
                        for (int c = 1; c < line.size(); c++) {
                            assertCell(line.get(c), row.getCell(c + 1), station.getKey() + " " + id + " row " + at + " " + table.get(0).get(c));
                        }
                    }
                }
                assertEquals(table.size(), at, station.getKey() + ": no row besides the periods' sheets");
            }
        } finally {
            for (XSSFWorkbook wb : open) {
                wb.close();
            }
        }
        try (Stream<Path> files = Files.list(site.resolve("downloads/stations"))) {
            assertEquals(STATIONS, files.count(), "one file per station, nothing else");
        }
    }

    /** A cell as the .csv file writes it: numbers compared by value, empty cells as "". */
    private static void assertCell(String expected, Cell cell, String where) {
        if (expected.isEmpty()) {
            assertTrue(cell == null || cell.getCellType() == CellType.BLANK, where + " is empty");
        } else if (cell.getCellType() == CellType.NUMERIC) {
            assertEquals(0, new BigDecimal(expected).compareTo(BigDecimal.valueOf(cell.getNumericCellValue())),
                    where + ": " + expected + " vs " + cell.getNumericCellValue());
        } else {
            assertEquals(expected, cell.getStringCellValue(), where);
        }
    }

    /**
     * A station's file is written as its rows are made (TableRows), with each thread's memo of fields: byte for byte
     * the file its table made whole gives, for every station.
     */
    @Test
    void eachStationsFileIsTheBytesOfItsTableMadeWhole() throws IOException {
        SiteModel model = SiteModelBuilder.build(new org.kaoping.load.CorpusLoader().load(content, Path.of("rubrics")),
                Fingerprint.of(content, Path.of("rubrics")), java.time.Clock.systemUTC(), org.kaoping.load.Audience.PUBLIC);
        int files = 0;
        for (Page p : model.pages()) {
            if (p instanceof StationPage s && s.sheetsTable() != null) {
                byte[] whole = org.kaoping.render.TableCsv.bytes(s.sheetsTable().get());
                assertArrayEquals(whole, org.kaoping.render.TableCsv.bytes(s.sheetsTable()), s.id());
                assertArrayEquals(whole, Files.readAllBytes(site.resolve(s.sheetsFile())), s.id());
                files++;
            }
        }
        assertEquals(STATIONS, files);
    }

    @Test
    void theStationPageLinksItsFileWithWordsThatSayWhichPeriodsItHolds() throws IOException {
        List<String> ids = new ArrayList<>(names.keySet());
        String inAll = ids.get(0);
        String inPaged = ids.get(STATIONS - 1);
        String latest = paged().get(paged().size() - 1);

        Document all = page(Slug.stationPage(inAll));
        Element link = all.selectFirst("#sheet-" + latest + " .sheet-download a");
        assertEquals("../" + Slug.stationSheets(inAll), link.attr("href"));
        assertEquals("下载本所各期评分表（表格文本 .csv，含" + String.join("、", paged().stream().map(periods::get).toList())
                + "）", link.text(), "the file holds the paged periods only: they are named");
        Element older = all.selectFirst("#sheet-" + unpaged + " .sheet-download a");
        assertEquals("../" + ReportPage.sheetFile(unpaged, inAll), older.attr("href"));
        assertEquals("下载（表格文本 .csv）", older.text());
        assertTrue(Files.isRegularFile(site.resolve(ReportPage.sheetFile(unpaged, inAll))));

        Document paged = page(Slug.stationPage(inPaged));
        link = paged.selectFirst("#sheet-" + latest + " .sheet-download a");
        assertEquals("../" + Slug.stationSheets(inPaged), link.attr("href"));
        assertEquals("下载本所各期评分表（表格文本 .csv，含各考核期）", link.text());
        assertTrue(paged.selectFirst("#sheet-" + paged().get(0) + " .sheet-download").text()
                .startsWith("较早的评分表只列出失分的评分项；完整评分表在本所各期评分表中："));

        // The latest sheet as the page shows it, criterion by criterion, against the file's rows of that period.
        List<List<String>> table = csv(Slug.stationSheets(inPaged));
        List<List<String>> fileRows = table.stream().filter(r -> r.get(0).equals(periods.get(latest))
                && !r.get(1).equals("合计") && !r.get(8).equals("不适用")).map(r -> List.of(r.get(2), r.get(5), r.get(7))).toList();
        List<List<String>> pageRows = new ArrayList<>();
        for (Element tr : paged.select("#sheet-" + latest + " table.sheet-table tbody tr:not(.section-row)")) {
            if (!tr.child(2).text().equals("—")) {
                pageRows.add(List.of(tr.child(0).text(), tr.child(2).text(), tr.child(4).text()));
            }
        }
        assertTrue(pageRows.size() > 40, "a full sheet: " + pageRows.size());
        assertEquals(pageRows, fileRows);
    }

    @Test
    void theManifestListsEveryStationsFileAndVerifyAcceptsThem() throws Exception {
        List<String> marker = Files.readAllLines(site.resolve(".kaoping-output"), StandardCharsets.UTF_8);
        for (String id : names.keySet()) {
            String path = Slug.stationSheets(id);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(site.resolve(path))));
            assertTrue(marker.contains(sha + "  " + path), path + " is listed with its digest");
        }
        Cli.Run ok = Cli.run("verify", site.toString());
        assertEquals(0, ok.exitCode(), ok.all());

        // A changed station file is caught.
        Path copy = SiteBuild.copy(site, temp.resolve("copy"));
        Path one = copy.resolve(Slug.stationSheets(names.keySet().iterator().next()));
        Files.writeString(one, Files.readString(one).replaceFirst("合计", "合 计"));
        Cli.Run bad = Cli.run("verify", copy.toString());
        assertNotEquals(0, bad.exitCode(), bad.all());
        assertTrue(bad.all().contains("downloads/stations/"), bad.all());
        assertFalse(Files.exists(site.resolve("downloads/stations/" + unpaged + ".csv")));
    }

    @Test
    void aPeriodCannotTakeTheStationsFolderOfTheDownloads() throws IOException {
        Path content = org.kaoping.support.Cli.contentCopy(temp.resolve("reserved"));
        Path period = content.resolve("periods/2023-q2.json");
        Files.writeString(content.resolve("periods/stations.json"),
                Files.readString(period).replace("\"id\": \"2023-q2\"", "\"id\": \"stations\""));
        Files.delete(period);
        Path out = temp.resolve("reserved/site");
        Cli.Run r = Cli.run("build", "--content", content.toString(), "--out", out.toString());
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.err().contains("period id \"stations\" cannot be used: downloads/stations/"), r.all());
        assertTrue(Files.notExists(out), "nothing written");
    }
}
