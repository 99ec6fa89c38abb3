package org.kaoping.site;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.load.StrictJson;
import org.kaoping.support.ProvinceContent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Page weight of a province (issue 12), by size only: a 2,000-station site's period and home pages stay
 * small because they render one page of rows and leave the rest to data files. Given totals only, so the
 * build loads no sheet (a few seconds). Without the paging, this period page was about 700 KB and the home
 * page (ranking, station list, grid) about 1.6 MB.
 */
class PageWeightTest {
    private static final int STATIONS = 2_000;

    @TempDir
    static Path temp;
    static Path site;

    @BeforeAll
    static void build() {
        Path content = ProvinceContent.write(temp.resolve("content"), STATIONS, 2);
        site = temp.resolve("site");
        Cli.Run r = Cli.run("build", "--content", content.toString(), "--out", site.toString());
        assertEquals(0, r.exitCode(), r.all());
    }

    @Test
    void aPeriodPageOf2000StationsRendersOnePageOfRowsAndShipsTheRestAsData() throws IOException {
        Path page = site.resolve("periods/2022-annual.html");
        long bytes = Files.size(page);
        assertTrue(bytes < 80_000, bytes + " bytes");
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        Element table = doc.selectFirst("table.ranking");
        assertEquals(Paging.PAGE, table.select("tbody tr").size());
        assertFalse(table.hasClass("sortable"), "a page of a ranking is not sorted as if it were all of it");
        assertEquals("data/ranking-2022-annual.js", table.attr("data-table"));
        assertNotNull(doc.selectFirst("script[src=../data/ranking-2022-annual.js]"));
        assertTrue(doc.selectFirst(".paged-note").text().contains("共 2000 个所"), "said without JavaScript too");

        JsonNode data = data("data/ranking-2022-annual.js");
        assertEquals(STATIONS, data.get("rows").size());
        assertEquals("[\"place\",\"station\",\"total\",\"move\"]", data.get("columns").toString());
        for (int i = 0; i < STATIONS; i++) {
            assertEquals(i + 1, data.get("rows").get(i).get(0).asInt(), "in place order");
        }
        Element first = table.selectFirst("tbody tr");
        JsonNode row = data.get("rows").get(0);
        assertEquals(first.selectFirst("th a").text(), row.get(1).get(0).asText());
        assertEquals("../" + row.get(1).get(1).asText(), first.selectFirst("th a").attr("href"));
        assertEquals(first.selectFirst("td.total").text(), row.get(2).get(0).asText());
        assertEquals(first.selectFirst(".move span[aria-hidden]").text(), row.get(3).asText());
    }

    @Test
    void theHomePageOf2000StationsListsNoStationAndOnlyTheHeadOfTheRanking() throws IOException {
        long bytes = Files.size(site.resolve("index.html"));
        assertTrue(bytes < 60_000, bytes + " bytes");
        Document home = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        assertEquals(Paging.HOME_TOP, home.select("#latest-h ~ .table-wrap table.ranking tbody tr").size());
        assertEquals(0, home.select("#station-list li").size());
        assertEquals("data/stations.js", home.selectFirst(".finder").attr("data-table"));
        assertEquals(Paging.PAGE, home.select("table.grid tbody tr").size());
        assertEquals(STATIONS, data("data/stations.js").get("rows").size());
        JsonNode grid = data("data/grid.js");
        assertEquals(STATIONS, grid.get("rows").size());
        assertEquals(1 + 2, grid.get("columns").size(), "the station and two periods");
    }

    /** A data file is one assignment of one JSON value, with no character that could close a tag. */
    private static JsonNode data(String path) throws IOException {
        String text = Files.readString(site.resolve(path), StandardCharsets.UTF_8);
        String prefix = "(window.kaopingTables = window.kaopingTables || {})[\"" + path + "\"] = ";
        assertTrue(text.startsWith(prefix), text.substring(0, Math.min(120, text.length())));
        assertTrue(text.endsWith(";\n"));
        assertFalse(text.contains("<") || text.contains(">"), path);
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 120 * STATIONS, path + ": " + bytes + " bytes");
        return StrictJson.mapper().readTree(text.substring(prefix.length(), text.length() - 2));
    }
}
