package org.kaoping.selfcheck;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kaoping.load.StrictJson;
import org.kaoping.support.FormSite;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every score a reader sees has its period's declared decimals (issue 9), in headless Chromium: the period pages'
 * rankings and spreads, the home page's station × period grid, and every station page's history and focus.
 */
@Order(9) // among the longest classes: started early (junit-platform.properties)
class DeclaredDecimalsTest {
    @RegisterExtension
    static final FormSite site = new FormSite();

    @Test
    void everyScoreHasItsPeriodsDeclaredDecimals() throws IOException {
        org.kaoping.support.Chromium.size(site.driver, new Dimension(1280, 900));
        int checked = 0;
        try (Stream<Path> s = Files.list(Path.of("content/periods"))) {
            for (Path p : s.sorted().toList()) {
                JsonNode period = StrictJson.mapper().readTree(Files.readString(p));
                int scale = scaleOf(period);
                site.open("periods/" + period.get("id").asText() + ".html");
                Pattern declared = Pattern.compile("\\d+" + (scale == 0 ? "" : "\\.\\d{" + scale + "}"));
                for (String text : shownTexts("table.ranking td.total")) {
                    String shown = text.replaceAll("（.*", "").trim();
                    assertTrue(declared.matcher(shown).matches(), p + ": " + shown + " has " + scale + " decimals");
                    checked++;
                }
            }
        }
        assertTrue(checked >= 100, "the four periods' rankings: " + checked);

        // Each period page's spread of totals, this period's and the previous one's: lowest, highest and range with
        // the row's period's decimals (the previous period's 61 and 99 once lost theirs).
        int spreads = 0;
        try (Stream<Path> s = Files.list(Path.of("content/periods"))) {
            java.util.Map<String, Integer> scaleOf = new java.util.HashMap<>();
            List<Path> files = s.sorted().toList();
            for (Path p : files) {
                JsonNode period = StrictJson.mapper().readTree(Files.readString(p));
                scaleOf.put("periods/" + period.get("id").asText() + ".html", scaleOf(period));
            }
            for (String page : scaleOf.keySet()) {
                site.open(page);
                List<?> rows = (List<?>) site.js("return Array.from(document.querySelectorAll('table.spread tbody tr'))"
                        + ".map(r => [r.querySelector('a').getAttribute('href').replace(/^(\\.\\.\\/)+/, '')]"
                        + ".concat(Array.from(r.querySelectorAll('td')).slice(1, 4).map(td => td.textContent.trim())));");
                for (Object row : rows) {
                    List<?> r = (List<?>) row;
                    for (Object figure : r.subList(1, r.size())) {
                        assertTrue(hasDecimals((String) figure, scaleOf.get((String) r.get(0))), page + ": " + r);
                        spreads++;
                    }
                }
            }
        }
        assertTrue(spreads >= 3 * 7, "the spreads of four periods, three with the previous one's: " + spreads);

        // The home page's latest ranking and station × period grid, and every station page's figures
        java.util.Map<String, Integer> scales = new java.util.HashMap<>();
        try (Stream<Path> s = Files.list(Path.of("content/periods"))) {
            for (Path p : s.toList()) {
                JsonNode period = StrictJson.mapper().readTree(Files.readString(p));
                scales.put(period.get("id").asText(), scaleOf(period));
            }
        }
        assertEquals(java.util.Set.of(2), new java.util.HashSet<>(scales.values()), "the focus check below assumes 2");
        List<String> wrong = new ArrayList<>();
        int shown = 0;
        site.open("index.html");
        // Per period column of the grid: the header link's href, then the shown text of every cell under it.
        List<?> columns = (List<?>) site.js(SHOWN + "return Array.from(document.querySelectorAll('table.grid thead th a'))"
                + ".map(a => [a.href].concat(Array.from(document.querySelectorAll('table.grid tbody tr > :nth-child('"
                + " + (a.closest('th').cellIndex + 1) + ')')).map(shown)));");
        assertTrue(!columns.isEmpty(), "the home page's grid has period columns");
        for (Object column : columns) {
            List<?> c = (List<?>) column;
            String periodId = ((String) c.get(0)).replaceAll(".*/periods/([^/]+)\\.html$", "$1");
            for (Object cell : c.subList(1, c.size())) {
                String figure = ((String) cell).split("\\s")[0];
                shown++;
                if (!figure.isEmpty() && !figure.equals("—") && !hasDecimals(figure, scales.get(periodId))) {
                    wrong.add("index grid " + periodId + ": " + figure);
                }
            }
        }
        List<Path> stationPages;
        try (Stream<Path> s = Files.list(site.root.resolve("stations"))) {
            stationPages = s.sorted().toList();
        }
        // The first half of the station pages in the second browser (same desktop size), beside the rest here.
        int half = stationPages.size() / 2;
        var there = site.beside(second -> stationFigures(second, stationPages.subList(0, half), scales));
        StationFigures here = stationFigures(site.driver, stationPages.subList(half, stationPages.size()), scales);
        StationFigures first = FormSite.await(there);
        wrong.addAll(first.wrong());
        wrong.addAll(here.wrong());
        shown += first.shown() + here.shown();
        assertEquals(List.of(), wrong);
        assertTrue(shown >= 200, "figures checked on the home page and the station pages: " + shown);
    }

    /** What {@link #stationFigures} found: figures without their period's decimals, and how many were checked. */
    private record StationFigures(List<String> wrong, int shown) {
    }

    /** Every history figure and focus figure of the station pages, opened in the browser, held to its decimals. */
    private static StationFigures stationFigures(ChromeDriver browser, List<Path> stationPages,
                                                 java.util.Map<String, Integer> scales) {
        List<String> wrong = new ArrayList<>();
        int shown = 0;
        for (Path station : stationPages) {
            browser.get(site.file("stations/" + station.getFileName()).toUri().toString());
            // One round trip per page: each history row's period link and second figure, the lead's figures and
            // the opportunities' texts, as shown (what WebElement.getText gives, read in the page).
            List<?> page = (List<?>) browser.executeScript(SHOWN + "return ["
                    + " Array.from(document.querySelectorAll('table.history tbody tr')).map(r => {"
                    + "   var a = r.querySelector('a'), nums = r.querySelectorAll('td.num');"
                    + "   return [a ? a.href : null, nums.length > 1 ? shown(nums[1]) : null]; }),"
                    + " Array.from(document.querySelectorAll('section.focus li strong.num')).map(shown),"
                    + " Array.from(document.querySelectorAll('section.focus .opportunity')).map(shown)];");
            for (Object r : (List<?>) page.get(0)) {
                List<?> row = (List<?>) r;
                assertTrue(row.get(0) != null && row.get(1) != null,
                        station.getFileName() + ": a history row has its period link and its figure: " + row);
                String periodId = ((String) row.get(0)).replaceAll(".*/periods/([^/]+)\\.html$", "$1");
                String figure = (String) row.get(1);
                shown++;
                if (!hasDecimals(figure, scales.get(periodId))) {
                    wrong.add(station.getFileName() + " history " + periodId + ": " + figure);
                }
            }
            // the lead: points lost and the opportunity's figures (every sample rubric and period declares 2)
            List<String> figures = new ArrayList<>();
            ((List<?>) page.get(1)).forEach(t -> figures.add((String) t));
            for (Object o : (List<?>) page.get(2)) {
                Matcher m = Pattern.compile("\\d+(\\.\\d+)?(?= 分)").matcher((String) o);
                while (m.find()) {
                    figures.add(m.group());
                }
            }
            for (String figure : figures) {
                shown++;
                if (!hasDecimals(figure, 2)) {
                    wrong.add(station.getFileName() + " focus: " + figure);
                }
            }
        }
        return new StationFigures(wrong, shown);
    }

    /**
     * A script's {@code shown(element)}: the element's text as WebElement.getText gives it (rendered text,
     * nothing for an element not rendered, whitespace runs as one space, trimmed), so a page's figures come
     * back in one round trip rather than one per element (each costs ~12 ms).
     */
    private static final String SHOWN = "function shown(e) { return e.getClientRects().length === 0 ? '' :"
            + " e.innerText.replace(/[ \\t\\u00a0]+/g, ' ').replace(/ ?\\n ?/g, '\\n').trim(); }";

    /** The shown text (see {@link #SHOWN}) of every element the selector finds, in one round trip. */
    private static List<String> shownTexts(String css) {
        List<?> texts = (List<?>) site.js(SHOWN + "return Array.from(document.querySelectorAll(arguments[0])).map(shown);", css);
        return texts.stream().map(t -> (String) t).toList();
    }

    private static boolean hasDecimals(String figure, int scale) {
        return figure.matches("\\d+" + (scale == 0 ? "" : "\\.\\d{" + scale + "}"));
    }

    /** The period's declared scale: its own assessment's, or its rubric's assessment's. */
    private static int scaleOf(JsonNode period) throws IOException {
        if (period.has("assessment")) {
            return period.get("assessment").get("scale").asInt();
        }
        JsonNode rubric = StrictJson.mapper().readTree(Files.readString(
                org.kaoping.support.Shipped.rubricFile(period.get("rubric").asText())));
        return rubric.get("assessment").get("scale").asInt();
    }
}
