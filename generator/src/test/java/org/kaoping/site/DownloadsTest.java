package org.kaoping.site;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The period downloads read back: the .csv files, the .xlsx workbook and the .docx report hold the same
 * figures as the period page, the station pages and the report page of the built site.
 */
class DownloadsTest {
    @TempDir
    static Path temp;
    static Path site;

    @BeforeAll
    static void buildOnce() {
        site = temp.resolve("site");
        SiteBuild.Result r = SiteBuild.buildShipped(site);
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.err().isEmpty(), "a build prints nothing on stderr (no library logging): " + r.err());
    }

    @Test
    void aCountysSheetsAreACsvEachAndNoStationHasAFileOfItsOwn() throws IOException {
        // 25 stations: no period is paged, so every sheet stays a .csv of its period (StationSheetsTest: a province).
        assertTrue(Files.notExists(site.resolve("downloads/stations")));
        Document station = page("stations/qintai.html");
        List<String> hrefs = station.select(".sheet-download a").eachAttr("href");
        assertFalse(hrefs.isEmpty());
        for (String href : hrefs) {
            assertTrue(href.matches("\\.\\./downloads/[^/]+/[^/]+-qintai\\.csv"), href);
            assertTrue(Files.isRegularFile(site.resolve(href.substring(3))), href);
        }
        assertEquals("下载本评分表（表格文本 .csv）", station.selectFirst(".sheet-download a").text());
    }

    private static Document page(String relative) throws IOException {
        return Jsoup.parse(site.resolve(relative).toFile(), "UTF-8");
    }

    /** place, station, total as the period page shows them (the total cell without the "公布" note). */
    private static List<List<String>> rankingOnPage(String periodId) throws IOException {
        List<List<String>> out = new ArrayList<>();
        for (Element tr : page("periods/" + periodId + ".html").select("table.ranking tbody tr")) {
            Element total = tr.selectFirst("td.total");
            out.add(List.of(tr.child(0).text(), tr.selectFirst("th a").text(), total.ownText().trim()));
        }
        return out;
    }

    /** RFC 4180 as the export writes it: quoted fields may hold commas, quotes ("") and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                f.append(c);
            }
        }
        assertTrue(row.isEmpty() && f.isEmpty(), "the file ends with CRLF");
        return rows;
    }

    private static List<List<String>> csv(String relative) throws IOException {
        byte[] bytes = Files.readAllBytes(site.resolve(relative));
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3),
                relative + " starts with the UTF-8 byte-order mark");
        return parseCsv(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
    }

    @Test
    void rankingCsvHasThePeriodPagesFigures() throws IOException {
        for (String periodId : List.of("2021-annual", "2022-annual", "2023-q1", "2023-q2")) {
            List<List<String>> rows = csv("downloads/" + periodId + "/" + periodId + "-ranking.csv");
            List<String> header = rows.get(0);
            int total = header.indexOf("总分");
            List<List<String>> fromCsv = rows.subList(1, rows.size()).stream()
                    .map(r -> List.of(r.get(0), r.get(1), r.get(total))).toList();
            assertEquals(rankingOnPage(periodId), fromCsv, periodId);
        }
        // 2023 Q2 shows its components: 现场考核 and 评价 beside the total, as the page does.
        List<List<String>> q2 = csv("downloads/2023-q2/2023-q2-ranking.csv");
        Element first = page("periods/2023-q2.html").selectFirst("table.ranking tbody tr");
        assertEquals(first.child(2).text(), q2.get(1).get(2));
        assertEquals(first.child(3).text(), q2.get(1).get(3));
    }

    @Test
    void sheetCsvHasTheStationPagesFigures() throws IOException {
        for (String station : List.of("kuqu", "guanyinsi", "beizi")) {
            List<List<String>> rows = csv("downloads/2022-annual/2022-annual-" + station + ".csv");
            Document p = page("stations/" + station + ".html");
            Element sheet = p.getElementById("sheet-2022-annual");
            List<Element> criteria = sheet.select("table.sheet-table tbody tr:not(.section-row)");
            List<List<String>> body = rows.subList(1, rows.size() - 1);
            assertEquals(criteria.size(), body.size(), station);
            for (int i = 0; i < criteria.size(); i++) {
                Element tr = criteria.get(i);
                assertEquals(tr.child(0).text(), body.get(i).get(1), station + " number");
                assertEquals(tr.child(2).text(), body.get(i).get(4), station + " " + body.get(i).get(1));
                assertEquals(tr.child(4).text(), body.get(i).get(6).replaceAll("\\s+", " ").strip(),
                        station + " reason");
            }
            List<String> sum = rows.get(rows.size() - 1);
            assertEquals("合计", sum.get(0));
            assertEquals(sheet.selectFirst("dl.facts strong").text(), sum.get(4), station + " total");
        }
    }

    @Test
    void workbookHasARankingSheetAndOneSheetPerStation() throws IOException {
        try (InputStream in = Files.newInputStream(site.resolve("downloads/2022-annual/2022-annual.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals(11, wb.getNumberOfSheets());
            XSSFSheet ranking = wb.getSheet("排名");
            List<List<String>> page = rankingOnPage("2022-annual");
            int total = -1;
            for (Cell c : ranking.getRow(0)) {
                if (c.getStringCellValue().equals("总分")) {
                    total = c.getColumnIndex();
                }
            }
            assertEquals(page.size(), ranking.getLastRowNum());
            for (int i = 0; i < page.size(); i++) {
                Row r = ranking.getRow(i + 1);
                assertEquals(CellType.NUMERIC, r.getCell(total).getCellType(), "totals are numbers, not text");
                assertEquals(page.get(i).get(0), Integer.toString((int) r.getCell(0).getNumericCellValue()));
                assertEquals(page.get(i).get(1), r.getCell(1).getStringCellValue());
                assertEquals(new BigDecimal(page.get(i).get(2)),
                        new BigDecimal(r.getCell(total).getNumericCellValue() + "").stripTrailingZeros()
                                .setScale(new BigDecimal(page.get(i).get(2)).scale(), java.math.RoundingMode.HALF_UP),
                        page.get(i).get(1));
            }
            XSSFSheet kuqu = wb.getSheet("库区");
            Row last = kuqu.getRow(kuqu.getLastRowNum());
            assertEquals("合计", last.getCell(0).getStringCellValue());
            assertEquals(0, new BigDecimal("94.4").compareTo(BigDecimal.valueOf(last.getCell(4).getNumericCellValue())));
            // 一.1 as corrected (1.5 of 2), not the sheet's typing error 6.5.
            assertEquals("一.1", kuqu.getRow(1).getCell(1).getStringCellValue());
            assertEquals(1.5, kuqu.getRow(1).getCell(4).getNumericCellValue());
        }
    }

    @Test
    void docxHoldsTheReportPagesText() throws IOException {
        Document report = page("reports/2022-annual.html");
        String scoreList = report.selectFirst("p.score-list").text();
        List<String> paragraphs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(site.resolve("downloads/2022-annual/2022-annual-report.docx"));
             XWPFDocument doc = new XWPFDocument(in)) {
            for (XWPFParagraph p : doc.getParagraphs()) {
                paragraphs.add(p.getText());
            }
        }
        assertTrue(paragraphs.contains(scoreList), "the .docx has the page's score list");
        assertEquals(report.selectFirst("article.report h1").text(), paragraphs.get(0));
        for (Element li : report.select("ul.problems li")) {
            assertTrue(paragraphs.contains(li.text()), li.text());
        }
        for (Element h : report.select("section.station-detail h3")) {
            String order = h.text().substring(0, h.text().indexOf('、'));
            String name = h.selectFirst("a").text();
            assertTrue(paragraphs.stream().anyMatch(p -> p.startsWith(order + "、" + name + "主要扣分原因：")), name);
        }
        String text = Files.readString(site.resolve("downloads/2022-annual/2022-annual-report.txt"));
        assertTrue(text.contains(scoreList));
        // The page links every download, and every link resolves.
        for (Element a : report.select("ul.downloads a")) {
            assertTrue(Files.isRegularFile(site.resolve("reports").resolve(a.attr("href")).normalize()), a.attr("href"));
        }
        assertEquals(3 + 11, report.select("ul.downloads a").size());
    }

    @Test
    void periodPageAnalysis() throws IOException {
        Document p = page("periods/2022-annual.html");
        List<Element> spread = p.select("table.spread tbody tr");
        assertEquals(2, spread.size());
        assertEquals("25", spread.get(0).child(1).text());
        assertEquals("25", spread.get(1).child(1).text());
        // Range as max − min of the ranking, with the period's two decimals: 97.50 − 74.30 (2022) and 98.00 − 70.34 (2021).
        assertEquals("74.30", spread.get(0).child(2).text());
        assertEquals("97.50", spread.get(0).child(3).text());
        assertEquals("23.20", spread.get(0).child(4).text());
        assertEquals("27.66", spread.get(1).child(4).text());
        // The standard deviation matches the statistics table's figure for the same totals.
        assertEquals(p.select("table.stats").first().selectFirst("tbody tr").child(6).text(),
                spread.get(0).child(5).text());
        // The criteria that cost the most points, most first: 七.4 cost 18.5 points over the ten sheets.
        var costliest = p.selectFirst("p.costliest");
        List<String> numbers = costliest.select("a").eachText();
        assertEquals(List.of("七.4", "四", "十二.1", "九.2", "一.1"), numbers);
        assertTrue(costliest.text().contains("七.4 社区矫正执法文书及档案管理（10 个所合计失 18.5 分）"), costliest.text());
        assertTrue(p.selectFirst("section.period-analysis").text().contains("上期（2021 年度，25 个所）"));
    }
}
