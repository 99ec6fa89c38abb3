package org.kaoping.round;

import org.junit.jupiter.api.parallel.Isolated;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.model.Station;
import org.kaoping.support.Cli;
import org.kaoping.support.Shipped;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole round on a scratch copy of content/: new-period → fill the workbook → import → build → ranked. */
@Isolated // writes assessor workbooks: fastexcel's default font is process-wide while one is written (support/Locks)
class QuarterlyRoundTest {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("new-period, a filled workbook, import and build: 2023-q3 is ranked with the totals filled in")
    void wholeRound() throws Exception {
        Path content = Cli.contentCopy(tmp);
        Path book = tmp.resolve("2023-q3.xlsx");
        Cli.Run made = Cli.run("new-period", "--content", content.toString(), "--id", "2023-q3",
                "--rubric", "lushan-2023", "--workbook", book.toString());
        assertEquals(0, made.exit(), made.all());
        assertTrue(Files.isRegularFile(content.resolve("periods/2023-q3.json")));
        assertTrue(Files.readString(content.resolve("periods/2023-q3.json")).contains("\"previous\": \"2023-q2\""));

        Rubric rubric = Shipped.rubric("lushan-2023");
        List<Station> stations = Shipped.corpus().stations().value().stations();
        Map<String, BigDecimal> expected = new LinkedHashMap<>();
        Map<String, Map<String, Object>> cells = new LinkedHashMap<>();
        for (int i = 0; i < stations.size(); i++) {
            Station s = stations.get(i);
            Map<String, Object> sheet = new LinkedHashMap<>();
            BigDecimal total = BigDecimal.ZERO;
            int row = WorkbookLayout.HEADER_ROW + 1;
            int lost = 0;
            for (Criterion c : rubric.allCriteria()) {
                // Station i loses 0.5 on its first i criteria: totals 100, 99.5, … 88, all different.
                BigDecimal score = c.points();
                if (lost < i) {
                    score = score.subtract(new BigDecimal("0.5"));
                    sheet.put(WorkbookLayout.a1(row, WorkbookLayout.REASON), "缺少台账 <" + i + ">");
                    lost++;
                }
                sheet.put(WorkbookLayout.a1(row, WorkbookLayout.SCORE), score);
                total = total.add(score);
                row++;
            }
            cells.put(AssessorWorkbook.worksheetName(s), sheet);
            expected.put(s.name(), total);
        }
        WorkbookFiller.fill(book, cells);

        Cli.Run imported = Cli.run("import", "--content", content.toString(), "--period", "2023-q3", book.toString());
        assertEquals(0, imported.exit(), imported.all());
        assertTrue(imported.out().contains("import: 25 个司法所有变化"), imported.out());
        assertEquals(25, Files.list(content.resolve("sheets/2023-q3")).count());

        Path out = tmp.resolve("site");
        Cli.Run built = Cli.run("build", "--content", content.toString(), "--out", out.toString());
        assertEquals(0, built.exit(), built.all());
        Document page = Jsoup.parse(out.resolve("periods/2023-q3.html").toFile(), "UTF-8");
        List<String> shown = new ArrayList<>();
        for (Element tr : page.select("table.ranking tbody tr")) {
            shown.add(tr.child(0).text() + " " + tr.child(1).selectFirst("a").text() + " "
                    + tr.selectFirst("td.total").ownText().trim());
        }
        List<String> want = new ArrayList<>();
        int place = 1;
        for (var e : expected.entrySet()) {
            want.add(place++ + " " + e.getKey() + " " + e.getValue().setScale(2).toPlainString());
        }
        assertEquals(want, shown);
        // The new period is the latest: the home page ranks it.
        assertTrue(Files.readString(out.resolve("index.html")).contains("2023 年第三季度"));

        Map<String, Integer> before = Cli.snapshot(content);
        Cli.Run again = Cli.run("import", "--content", content.toString(), "--period", "2023-q3", book.toString());
        assertEquals(0, again.exit(), again.all());
        assertTrue(again.out().contains("import: 0 个司法所有变化，25 个无变化"), again.out());
        assertEquals(before, Cli.snapshot(content), "re-importing the same workbook changes nothing");

        Station second = stations.get(1);
        WorkbookFiller.fill(book, Map.of(AssessorWorkbook.worksheetName(second),
                Map.of("E3", new BigDecimal("1"), "F3", "复核后改")));
        Cli.Run dry = Cli.run("import", "--content", content.toString(), "--period", "2023-q3", "--dry-run", book.toString());
        assertEquals(0, dry.exit(), dry.all());
        assertTrue(dry.out().contains(second.name() + "：\n  1.1 得分 1.5 → 1；扣分原因 “缺少台账 <1>” → “复核后改”"), dry.out());
        assertEquals(before, Cli.snapshot(content), "--dry-run writes nothing");
        // Published for review (公示), then changed after a review (复核): the change is recorded as data.
        Cli.Run published = Cli.run("publish", "--content", content.toString(), "--period", "2023-q3", "--until", "2023-10-20");
        assertEquals(0, published.exit(), published.all());
        Cli.Run changed = Cli.run("import", "--content", content.toString(), "--period", "2023-q3", book.toString(),
                "--review", "复核：补交台账", "--review-date", "2023-10-18");
        assertEquals(0, changed.exit(), changed.all());
        assertTrue(changed.out().contains("import: 1 个司法所有变化，24 个无变化；写入 2 个文件"), changed.out());
        assertFalse(Files.readString(content.resolve("sheets/2023-q3/" + second.id() + ".json")).contains("缺少台账 <1>"));
        Cli.Run rebuilt = Cli.run("build", "--content", content.toString(), "--out", out.toString());
        assertEquals(0, rebuilt.exit(), rebuilt.all());
        Document after = Jsoup.parse(out.resolve("periods/2023-q3.html").toFile(), "UTF-8");
        assertEquals("公示中", after.selectFirst("section.publication.provisional h2").text());
        assertTrue(after.selectFirst("section.publication p").text().contains("公示期至 2023-10-20"));
        assertEquals("2023-10-18 " + second.name() + " 1.1 得分 1.5 → 1；扣分原因 “缺少台账 <1>” → “复核后改” 复核：补交台账",
                after.selectFirst("table.reviews tbody tr").text());
        String secondTotal = expected.get(second.name()).add(new BigDecimal("-0.5")).setScale(2).toPlainString();
        assertTrue(after.select("table.ranking tbody tr").stream().anyMatch(tr -> tr.text().contains(second.name())
                && tr.selectFirst("td.total").ownText().trim().equals(secondTotal)), "the reviewed total is ranked");
    }

    @Test
    @DisplayName("new-period refuses to replace an existing period (exit 3) and an unknown rubric is a usage error (exit 2)")
    void refusals() throws Exception {
        Path content = Cli.contentCopy(tmp);
        Map<String, Integer> before = Cli.snapshot(content);
        Cli.Run existing = Cli.run("new-period", "--content", content.toString(), "--id", "2023-q2",
                "--workbook", tmp.resolve("x.xlsx").toString());
        assertEquals(3, existing.exit(), existing.all());
        assertTrue(existing.err().contains("已存在，未覆盖"), existing.err());
        Cli.Run unknown = Cli.run("new-period", "--content", content.toString(), "--id", "2023-q3", "--rubric", "nope",
                "--workbook", tmp.resolve("x.xlsx").toString());
        assertEquals(2, unknown.exit(), unknown.all());
        Cli.Run badId = Cli.run("new-period", "--content", content.toString(), "--id", "Q3");
        assertEquals(2, badId.exit(), badId.all());
        assertEquals(before, Cli.snapshot(content));
        assertFalse(Files.exists(tmp.resolve("x.xlsx")));
    }
}
