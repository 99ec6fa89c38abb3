package org.kaoping.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.load.RubricFingerprint;
import org.kaoping.load.StrictJson;
import org.kaoping.support.Cli;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A station's self-check export imported as its 自评 and shown beside the assessors' score on its page. */
class SelfAssessmentImportTest {
    @TempDir
    Path tmp;

    /** 琴台's self-check for 2023-q1 as the form exports it: its assessors' sheet, but it gave itself 7 on 4.2 and 1 on 5.4. */
    private Path export() throws Exception {
        ObjectNode sheet = (ObjectNode) StrictJson.mapper().readTree(Files.readString(Path.of("content/sheets/2023-q1/qintai.json")));
        ObjectNode out = StrictJson.mapper().createObjectNode();
        out.put("rubric", "lushan-2023");
        out.put("fingerprint", RubricFingerprint.of(Path.of("rubrics/lushan-2023.json")));
        out.put("unit", "琴台司法所");
        out.put("date", "2023-03-28");
        ObjectNode criteria = sheet.get("criteria").deepCopy();
        ((ObjectNode) criteria.get("4.2")).put("score", new BigDecimal("7"));
        ((ObjectNode) criteria.get("4.2")).remove("reason");
        ((ObjectNode) criteria.get("5.4")).put("score", new BigDecimal("1"));
        out.set("criteria", criteria);
        Path file = tmp.resolve("selfcheck-lushan-2023.json");
        Files.writeString(file, StrictJson.mapper().writeValueAsString(out));
        return file;
    }

    @Test
    @DisplayName("import a self-check export; the station page shows 自评 beside the assessors' score item by item")
    void importAndShow() throws Exception {
        Path content = Cli.contentCopy(tmp);
        Path file = export();
        Cli.Run run = Cli.run("import", "--content", content.toString(), "--period", "2023-q1", file.toString());
        assertEquals(0, run.exit(), run.all());
        assertTrue(run.out().contains("琴台司法所：\n  自评：新增，合计 "), run.out());
        Path stored = content.resolve("self-assessments/2023-q1/qintai.json");
        assertTrue(Files.readString(stored).contains("\"station\": \"qintai\""));

        Map<String, Integer> before = Cli.snapshot(content);
        Cli.Run again = Cli.run("import", "--content", content.toString(), "--period", "2023-q1", file.toString());
        assertEquals(0, again.exit(), again.all());
        assertEquals(before, Cli.snapshot(content), "the same export again changes nothing");

        Path out = tmp.resolve("site");
        Cli.Run built = Cli.run("build", "--content", content.toString(), "--out", out.toString());
        assertEquals(0, built.exit(), built.all());
        Document page = Jsoup.parse(out.resolve("stations/qintai.html").toFile(), "UTF-8");
        Element section = page.selectFirst("section.self-assessment");
        assertTrue(section.selectFirst("h2").text().contains("2023 年第一季度"));
        var differing = section.selectFirst("table.self-table").select("tr.self-differs");
        assertEquals(2, differing.size(), section.outerHtml());
        assertEquals(47, section.select("details table.self-table tbody tr").size(), "every criterion in the full comparison");
        assertEquals("7", differing.get(0).child(2).text());
        assertEquals("5.5", differing.get(0).child(3).text());
        assertEquals("自评高 1.5", differing.get(0).child(4).text());
        assertEquals("自评高 1", differing.get(1).child(4).text());
        assertTrue(section.selectFirst("p").text().contains("（自评高 2.5）"), section.selectFirst("p").text());
        Document other = Jsoup.parse(out.resolve("stations/kuqu.html").toFile(), "UTF-8");
        assertFalse(other.select("section.self-assessment").size() > 0, "no self-assessment, no section");
    }

    @Test
    @DisplayName("an export for another rubric or an unknown station is refused, nothing written")
    void refusals() throws Exception {
        Path content = Cli.contentCopy(tmp);
        Path file = export();
        Map<String, Integer> before = Cli.snapshot(content);
        Cli.Run wrongPeriod = Cli.run("import", "--content", content.toString(), "--period", "2022-annual", file.toString());
        assertEquals(1, wrongPeriod.exit(), wrongPeriod.all());
        assertTrue(wrongPeriod.err().contains("selfcheck-lushan-2023.json:1:1: error: 自查表按细则 lushan-2023 填写，本期细则为 lushan-2022"),
                wrongPeriod.err());
        Cli.Run unknown = Cli.run("import", "--content", content.toString(), "--period", "2023-q1", "--station", "张粮",
                file.toString());
        assertEquals(1, unknown.exit(), unknown.all());
        assertTrue(unknown.err().contains("司法所“张粮”不在司法所名录中"), unknown.err());
        assertEquals(before, Cli.snapshot(content));
    }
}
