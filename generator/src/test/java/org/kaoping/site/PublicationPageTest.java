package org.kaoping.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.support.Cli;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 公示中 with its end date, or final, and the 复核 changes, as data listed on the period page. */
class PublicationPageTest {
    @TempDir
    Path tmp;

    private static void addToPeriod(Path file, String fields) throws Exception {
        String json = Files.readString(file);
        Files.writeString(file, json.replaceFirst("\"results\":", fields + ",\n  \"results\":"));
    }

    @Test
    @DisplayName("a provisional period says 公示中 until its date and lists the review changes; a final one says so")
    void provisionalAndFinal() throws Exception {
        Path content = Cli.contentCopy(tmp);
        addToPeriod(content.resolve("periods/2023-q1.json"), """
                "publication": { "status": "provisional", "until": "2023-07-28" },
                  "reviews": [ { "date": "2023-07-25", "station": "磙子营", "criterion": "4.2",
                    "change": "得分 5.5 → 6", "reason": "补交一岗双责材料，经复核认可" } ]""");
        addToPeriod(content.resolve("periods/2023-q2.json"), "\"publication\": { \"status\": \"final\" }");
        Path out = tmp.resolve("site");
        Cli.Run built = Cli.run("build", "--content", content.toString(), "--out", out.toString());
        assertEquals(0, built.exit(), built.all());

        Document q1 = Jsoup.parse(out.resolve("periods/2023-q1.html").toFile(), "UTF-8");
        assertEquals("公示中", q1.selectFirst("section.publication.provisional h2").text());
        assertTrue(q1.selectFirst("section.publication p").text().contains("公示期至 2023-07-28"));
        var row = q1.selectFirst("table.reviews tbody tr");
        assertEquals("2023-07-25 磙子营司法所 4.2 得分 5.5 → 6 补交一岗双责材料，经复核认可", row.text());
        assertEquals("../stations/gunziying.html", row.selectFirst("a").attr("href"));

        Document q2 = Jsoup.parse(out.resolve("periods/2023-q2.html").toFile(), "UTF-8");
        assertEquals("最终结果", q2.selectFirst("section.publication h2").text());
        assertNull(q2.selectFirst("table.reviews"));
        Document annual = Jsoup.parse(out.resolve("periods/2022-annual.html").toFile(), "UTF-8");
        assertNull(annual.selectFirst("section.publication"), "periods without a record say nothing");
    }

    @Test
    @DisplayName("check refuses a review naming an unknown station or criterion, and a date that does not exist")
    void checkedData() throws Exception {
        Path content = Cli.contentCopy(tmp);
        addToPeriod(content.resolve("periods/2023-q1.json"), """
                "publication": { "status": "provisional", "until": "2023-02-30" },
                  "reviews": [ { "date": "2023-04-01", "station": "张粮", "criterion": "99.9", "change": "x", "reason": "y" } ]""");
        Cli.Run run = Cli.run("check", "--content", content.toString());
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("$.publication.until: \"2023-02-30\" is not a calendar date"), run.out());
        assertTrue(run.out().contains("$.reviews[0].station: unknown station \"张粮\""), run.out());
        assertTrue(run.out().contains("$.reviews[0].criterion: rubric lushan-2023 has no criterion \"99.9\""), run.out());
    }

    @Test
    @DisplayName("the site's publication date must exist: check names site.json, line and column")
    void sitePublishedIsARealDate() throws Exception {
        Path content = Cli.contentCopy(tmp);
        Path site = content.resolve("site.json");
        String json = Files.readString(site);
        assertTrue(json.contains("\"published\""), "the sample states when its data was published");
        Files.writeString(site, json.replaceFirst("\"published\": \"[^\"]*\"", "\"published\": \"2023-02-29\""));
        Cli.Run run = Cli.run("check", "--content", content.toString());
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().matches("(?s).*site\\.json:\\d+:\\d+: error: \\$\\.published: \"2023-02-29\" is not a calendar date.*"),
                run.out());
    }
}
