package org.kaoping.selfcheck;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.load.StrictJson;
import org.kaoping.support.FormSite;
import org.openqa.selenium.By;
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
 * The site and the form as a station clerk and a bureau leader see them, in headless Chromium (issue 9):
 * Chinese-only visible text on every page type, nothing typed lost across a reload with an invalid field,
 * the phone ranking keeping 总分 and 变化 in view, and every score with its period's declared decimals.
 */
@Order(5) // among the longest classes: started early (junit-platform.properties)
class WhatUsersSeeTest {
    /** A Latin-letter word; what may stand in Chinese text is removed first (see {@link #latinWords}). */
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]{2,}");

    @TempDir
    static Path temp;
    @RegisterExtension
    static final FormSite site = new FormSite();

    /**
     * Latin words the sources themselves print inside Chinese text (a product name such as JiPad, the
     * anonymised "XX区"): quoted source wording, not the site's. Collected from the rubrics' Chinese
     * strings, so an id (never inside a Chinese string) is still caught.
     */
    static final java.util.Set<String> SOURCE_WORDS = sourceWords();

    private static java.util.Set<String> sourceWords() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String id : org.kaoping.support.Shipped.allRubrics().keySet()) {
            try {
                collect(StrictJson.mapper().readTree(Files.readString(org.kaoping.support.Shipped.rubricFile(id))), "", out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Latin words of the printed wording only: titles, contents, standards, rule texts (not notes, not ids). */
    private static void collect(JsonNode n, String key, java.util.Set<String> out) {
        if (n.isTextual() && List.of("title", "content", "standard", "text", "issuer", "label").contains(key)) {
            Matcher w = LATIN.matcher(n.asText());
            while (w.find()) {
                out.add(w.group());
            }
        } else if (n.isObject()) {
            n.fields().forEachRemaining(e -> collect(e.getValue(), e.getKey(), out));
        } else if (n.isArray() && !key.equals("notes")) {
            n.forEach(c -> collect(c, key, out));
        }
    }

    /**
     * Latin words in what a page shows. Allowed and removed first: the data version (hex digits), file
     * names with their extension (.json, .docx, .xlsx, .txt, .csv), units (KB, MB), and {@link #SOURCE_WORDS}.
     */
    static List<String> latinWords(String visible) {
        String t = visible.replaceAll("\\b[0-9a-f]{12,64}\\b", " ")
                .replaceAll("[\\w.-]*\\.(json|docx|xlsx|txt|csv)\\b", " ")
                .replaceAll("\\b\\d+(\\.\\d+)?\\s?(KB|MB)\\b", " ");
        List<String> out = new ArrayList<>();
        Matcher m = LATIN.matcher(t);
        while (m.find()) {
            if (SOURCE_WORDS.contains(m.group())) {
                continue;
            }
            int from = Math.max(0, m.start() - 20);
            out.add(m.group() + " in …" + t.substring(from, Math.min(t.length(), m.end() + 20)).replace('\n', ' ') + "…");
        }
        return out;
    }

    @Test
    void everyPageTypeShowsOnlyChineseWords() {
        org.kaoping.support.Chromium.size(site.driver, new Dimension(1280, 900));
        List<String> pages = List.of("index.html", "periods/2021-annual.html", "periods/2022-annual.html",
                "periods/2023-q1.html", "periods/2023-q2.html", "stations/kuqu.html", "stations/qintai.html",
                "stations/yaoshan.html", "rubrics/lushan-2022.html", "rubrics/lushan-2023-q2.html", "methodology.html",
                "404.html", "selfcheck/lushan-2022.html", "selfcheck/lushan-2023-q2.html", "stations/shili-1.html",
                "rubrics/xx-district-2023.html", "rubrics/wushen-2018.html", "selfcheck/wushen-2018.html",
                "periods/2018-annual.html", "reports/2022-annual.html", "stations/zhangliang.html",
                "rubrics/lushan-2023.html", "selfcheck/lushan-2023.html", "stations/xicheng.html");
        // The first half in the second browser (at the same desktop size), beside the second half here: a page
        // load is mostly its renderer's work.
        int half = pages.size() / 2;
        var there = site.beside(second -> latinWordsOn(second, pages.subList(0, half)));
        List<String> here = latinWordsOn(site.driver, pages.subList(half, pages.size()));
        List<String> found = new ArrayList<>(FormSite.await(there));
        found.addAll(here);
        assertEquals(List.of(), found);
    }

    /** Each page opened in the browser: "page: word in …context…" for every Latin word it shows. */
    private static List<String> latinWordsOn(ChromeDriver browser, List<String> pages) {
        List<String> found = new ArrayList<>();
        for (String page : pages) {
            browser.get(site.file(page).toUri().toString());
            String text = (String) browser.executeScript("return document.body.innerText;");
            assertTrue(text.length() > 100, page + " shows something");
            latinWords(text).forEach(w -> found.add(page + ": " + w));
        }
        return found;
    }

    @Test
    void theCheckFindsLatinWordsButNotVersionsFileNamesOrUnits() {
        assertEquals(List.of(), latinWords("数据版本 5afd4a896417 · 导入 selfcheck-lushan-2022.json · 143.5 KB"));
        assertEquals(1, latinWords("按“evaluation”排名").size());
        assertEquals(3, latinWords("expected a whole number").size());
    }

    @Test
    void anInvalidValueKeepsEveryFieldAcrossAReloadAndTheTotalSaysItIsIncomplete() {
        org.kaoping.support.Chromium.size(site.driver, new Dimension(1280, 900));
        site.openBlank("lushan-2022");
        WebElement disclosure = input("1.1", "disclosure");
        WebElement ledgers = input("1.1", "ledgers");
        type(ledgers, "1");
        type(disclosure, "1.5");                     // a count must be a whole number
        WebElement reason = site.driver.findElement(By.cssSelector("tr[data-criterion=\"1.1\"] textarea.sc-reason"));
        reason.clear();
        reason.sendKeys("台账缺页");
        assertEquals("尚有 1 项输入有误", total(), "the total is not shown as a higher score");
        assertEquals("true", disclosure.getAttribute("aria-invalid"));
        WebElement mode = site.driver.findElement(By.cssSelector("tr[data-criterion=\"1.2\"] .sc-mode select"));
        site.js("arguments[0].scrollIntoView({block: 'center'});", mode);
        new org.openqa.selenium.support.ui.Select(mode).selectByValue("score");
        type(direct("1.2"), "0.33");                  // not a multiple of the rubric's 0.05
        assertEquals("尚有 2 项输入有误", total());

        site.driver.navigate().refresh();
        site.waitReady();
        assertEquals("1.5", input("1.1", "disclosure").getAttribute("value"), "the invalid value is kept as typed");
        assertEquals("1", input("1.1", "ledgers").getAttribute("value"), "the valid count of the same criterion is kept");
        assertEquals("台账缺页", site.driver.findElement(By.cssSelector("tr[data-criterion=\"1.1\"] textarea.sc-reason"))
                .getAttribute("value"), "the typed 扣分原因 is kept");
        assertEquals("true", input("1.1", "disclosure").getAttribute("aria-invalid"), "the invalid field is marked");
        WebElement error = site.driver.findElement(By.cssSelector("tr[data-criterion=\"1.1\"] .sc-error"));
        assertTrue(error.isDisplayed() && error.getText().startsWith("填写有误："), error.getText());
        assertEquals("0.33", direct("1.2").getAttribute("value"), "the direct score off the step is kept as typed");
        assertEquals("尚有 2 项输入有误", total());
        WebElement stepError = site.driver.findElement(By.cssSelector("tr[data-criterion=\"1.2\"] .sc-error"));
        assertTrue(stepError.isDisplayed(), "the second invalid field is marked too");
        assertEquals(List.of(), latinWords(error.getText() + " " + stepError.getText()), "the engine's words, in Chinese");

        type(direct("1.2"), "0.5");
        type(input("1.1", "disclosure"), "1");
        assertTrue(total().matches("\\d+(\\.\\d+)?"), "a total again once the value is fixed: " + total());
        assertEquals(null, input("1.1", "disclosure").getAttribute("aria-invalid"));
    }

    /**
     * A station page's lost item opens the form of its sheet's rubric, prefilled with that sheet, at the
     * item's row: in view below the sticky totals and marked, at desktop and phone width, and again after a
     * reload. Opened without the station page (a bare #c-<id>), the row is found and marked all the same.
     */
    @Test
    void aLostItemOpensThePrefilledFormAtItsRow() {
        for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
            org.kaoping.support.Chromium.size(site.driver, size);
            site.open("stations/zhangliang.html");
            site.js("localStorage.clear();");
            site.driver.navigate().refresh();
            WebElement link = site.driver.findElement(By.cssSelector("section.focus a.try-link[data-row=\"7.4\"]"));
            assertTrue(link.getAttribute("href").matches(".*/selfcheck/lushan-2022\\.html#sheet=[\\w-]+&row=7\\.4"),
                    "the station page's script opens the prefilled form: " + link.getAttribute("href"));
            site.js("arguments[0].scrollIntoView({block: 'center'});", link);
            link.click();
            site.waitReady();
            String where = size.getWidth() + " px: ";
            assertTrue(site.driver.getCurrentUrl().endsWith("selfcheck/lushan-2022.html#c-7.4"), where + site.driver.getCurrentUrl());
            assertEquals("94.50", total(), where + "张良's 2022 sheet is loaded");
            assertRowInView("7.4", where);
            WebElement tip = site.driver.findElement(By.cssSelector("#c-7\\.4 .sc-tip"));
            assertTrue(tip.isDisplayed() && tip.getText().startsWith("试算整改"), where + tip.getText());
            assertEquals(List.of(), latinWords((String) site.js("return document.body.innerText;")), where + "Chinese only");

            site.driver.navigate().refresh();
            site.waitReady();
            assertEquals("94.50", total(), where + "the sheet stays across a reload");
            assertRowInView("7.4", where + "after a reload: ");
        }
        org.kaoping.support.Chromium.size(site.driver, new Dimension(1280, 900));
        site.openBlank("lushan-2022");
        site.open("selfcheck/lushan-2022.html#c-5.3");
        site.waitReady();
        assertRowInView("5.3", "a bare anchor: ");
    }

    /** The row is marked and lies in the viewport, wholly below the sticky totals (its top at least). */
    private static void assertRowInView(String criterion, String where) {
        WebElement row = site.driver.findElement(By.id("c-" + criterion));
        assertTrue(row.getAttribute("class").contains("sc-target"), where + "the row is marked");
        Number top = (Number) site.js("return arguments[0].getBoundingClientRect().top;", row);
        Number stickyBottom = (Number) site.js("var s = document.querySelector('.sc-sticky');"
                + " return s ? s.getBoundingClientRect().bottom : 0;");
        Number height = (Number) site.js("return window.innerHeight;");
        assertTrue(top.doubleValue() >= stickyBottom.doubleValue() - 1 && top.doubleValue() < height.doubleValue() / 2,
                where + "row top " + top + ", sticky totals end at " + stickyBottom + ", window " + height);
    }

    @Test
    void aDirectScoreStartsEmptySoTypingGivesWhatWasTyped() {
        org.kaoping.support.Chromium.size(site.driver, new Dimension(1280, 900));
        site.openBlank("lushan-2022");
        WebElement mode = site.driver.findElement(By.cssSelector("tr[data-criterion=\"1.1\"] .sc-mode select"));
        new org.openqa.selenium.support.ui.Select(mode).selectByValue("score");
        WebElement direct = site.driver.findElement(By.cssSelector("tr[data-criterion=\"1.1\"] .sc-direct input"));
        assertEquals("", direct.getAttribute("value"));
        assertEquals("2", direct.getAttribute("placeholder"), "the maximum as placeholder");
        String before = total();
        type(direct, "1.5");
        assertEquals("1.5", direct.getAttribute("value"));
        assertEquals(new java.math.BigDecimal(before).subtract(new java.math.BigDecimal("0.5"))
                .toPlainString(), total(), "the total with the rubric's declared decimals");
    }

    @Test
    void onAPhoneTheRankingShowsTotalAndMovement() {
        org.kaoping.support.Chromium.size(site.driver, new Dimension(390, 844));
        for (String page : List.of("periods/2023-q2.html", "periods/2022-annual.html", "index.html")) {
            site.open(page);
            long width = (Long) site.js("return document.documentElement.clientWidth;");
            for (String head : List.of("名次", "司法所", "总分", "变化")) {
                WebElement th = site.driver.findElements(By.cssSelector("table.ranking thead th")).stream()
                        .filter(e -> e.getText().replaceAll("[⇅▲▼\\s]", "").equals(head)).findFirst()
                        .orElseThrow(() -> new AssertionError(page + ": no column " + head));
                assertTrue(th.isDisplayed(), page + ": " + head + " is shown");
                assertTrue(th.getRect().getX() + th.getRect().getWidth() <= width,
                        page + ": " + head + " lies within the 390 px screen, not scrolled away");
            }
            // and the first row's figures under them: its total with the declared decimals, in view
            WebElement totalHead = site.driver.findElements(By.cssSelector("table.ranking thead th")).stream()
                    .filter(e -> e.getText().replaceAll("[⇅▲▼\\s]", "").equals("总分")).findFirst().orElseThrow();
            long col = (Long) site.js("return arguments[0].cellIndex;", totalHead);
            WebElement total = site.driver.findElement(By.cssSelector("table.ranking tbody tr:first-child > :nth-child("
                    + (col + 1) + ")"));
            assertTrue(total.isDisplayed() && total.getRect().getX() + total.getRect().getWidth() <= width,
                    page + ": the first total is shown on the phone");
            assertTrue(total.getText().matches("\\d+\\.\\d{2}.*"), page + ": " + total.getText());
        }
        org.kaoping.support.Chromium.size(site.driver, new Dimension(1280, 900));
    }

    /**
     * On a phone no page is wider than the screen: what does not fit (a wide table, a long history) scrolls in a box
     * of its own, and the page itself never scrolls sideways. One page of each kind, at a true 390 px. The criterion
     * tables, one block per criterion there with their headers hidden, label each figure with its column's header.
     */
    @Test
    void onAPhoneNoPageIsWiderThanTheScreenAndEachFigureIsLabelled() {
        org.kaoping.support.Chromium.size(site.driver, new Dimension(390, 844));
        List<String> wider = new ArrayList<>();
        List<String> mislabelled = new ArrayList<>();
        java.util.Map<String, Long> labelled = new java.util.TreeMap<>();
        List<String> pages = List.of("index.html", "periods/2022-annual.html", "periods/2023-q2.html",
                "stations/qintai.html", "stations/kuqu.html", "rubrics/lushan-2022.html", "selfcheck/lushan-2023-q2.html",
                "reports/2022-annual.html", "methodology.html", "404.html");
        for (String page : pages) {
            site.open(page);
            Object widest = site.js("var c = document.documentElement.clientWidth;"
                    + " if (document.documentElement.scrollWidth <= c) { return null; }"
                    + " var worst = null, right = c;"
                    + " document.querySelectorAll('body *').forEach(function (e) { var b = e.getBoundingClientRect();"
                    + "   if (b.right > right + 1 && !e.closest('.table-wrap, .chart-scroll')) { right = b.right;"
                    + "     worst = e.tagName.toLowerCase() + '.' + e.className + ' to ' + Math.round(b.right) + ' px'; } });"
                    + " return worst || String(document.documentElement.scrollWidth);");
            if (widest != null) {
                wider.add(page + ": " + widest);
            }
            // Each cell's label (its ::before) against its column's header, colspans counted; a figure (td.num)
            // must have one.
            List<?> found = (List<?>) site.js("var wrong = [], counts = {};"
                    + " document.querySelectorAll('table.sheet-table, table.rubric-table, table.changes').forEach(function (t) {"
                    + "   var heads = [], last = t.tHead.rows[t.tHead.rows.length - 1];"
                    + "   Array.from(last.cells).forEach(function (h) { for (var k = 0; k < h.colSpan; k++) heads.push(h.textContent.trim()); });"
                    + "   t.querySelectorAll('tbody tr').forEach(function (r) { var col = 0;"
                    + "     Array.from(r.cells).forEach(function (c) {"
                    + "       var label = getComputedStyle(c, '::before').content;"
                    + "       if (c.tagName === 'TD' && label !== 'none' && label !== 'normal') {"
                    + "         counts[t.className] = (counts[t.className] || 0) + 1;"
                    + "         if (label !== '\"' + heads[col] + '：\"') wrong.push(t.className + ' column ' + heads[col] + ': ' + label);"
                    + "       } else if (c.tagName === 'TD' && c.classList.contains('num')) {"
                    + "         wrong.push(t.className + ' column ' + heads[col] + ': no label'); }"
                    + "       col += c.colSpan; }); }); });"
                    + " return [wrong.slice(0, 5), counts];");
            ((List<?>) found.get(0)).forEach(w -> mislabelled.add(page + ": " + w));
            ((java.util.Map<?, ?>) found.get(1)).forEach((k, v) -> labelled.merge((String) k, (Long) v, Long::sum));
        }
        org.kaoping.support.Chromium.size(site.driver, new Dimension(1280, 900));
        assertEquals(List.of(), wider);
        assertEquals(List.of(), mislabelled);
        assertEquals(java.util.Set.of("changes", "rubric-table", "sheet-table"), labelled.keySet(), labelled.toString());
    }

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

    /**
     * A province's ranking (issue 12): 250 stations, so the period page renders 100 rows and site.js pages
     * through all of them from the data file and finds a station by name; the home page's finder searches
     * the station data instead of a list of every station. Visible words stay Chinese.
     */
    @Test
    void aLongRankingIsPagedAndItsSearchFindsAStation() {
        org.kaoping.support.Chromium.size(site.driver, new Dimension(1280, 900));
        Path content = org.kaoping.support.ProvinceContent.write(temp.resolve("province-content"), 250, 2);
        Path out = FormSite.build(content, org.kaoping.support.Shipped.RUBRICS, temp.resolve("province-site"));
        site.driver.get(out.resolve("periods/2022-annual.html").toUri().toString());
        WebElement status = site.driver.findElement(By.cssSelector(".pager .pager-status"));
        assertEquals("共 250 名，显示第 1–100 名。", status.getText());
        assertEquals(100, rows().size());
        assertEquals("1", rows().get(0).findElement(By.cssSelector("td")).getText());
        assertTrue(site.driver.findElement(By.cssSelector(".paged-note")).getAttribute("hidden") != null,
                "the note for readers without JavaScript gives way to the pager");

        pagerButton("下一页").click();
        assertEquals("101", rows().get(0).findElement(By.cssSelector("td")).getText());
        assertEquals("第 2 / 3 页", site.driver.findElement(By.cssSelector(".pager-page")).getText());
        pagerButton("最后一页").click();
        assertEquals(50, rows().size());
        assertEquals("250", rows().get(49).findElement(By.cssSelector("td")).getText());
        assertTrue(!pagerButton("下一页").isEnabled() && pagerButton("上一页").isEnabled());

        // Find the station in place 230 by its name: one row, its place, its movement and its page's link.
        String name = (String) site.js("var t = window.kaopingTables['data/ranking-2022-annual.js'];"
                + " return t.rows[229][1][0];");
        WebElement search = site.driver.findElement(By.cssSelector(".pager input[type=search]"));
        search.sendKeys(name);
        assertEquals(1, rows().size(), name);
        WebElement found = rows().get(0);
        assertEquals("230", found.findElement(By.cssSelector("td")).getText());
        assertEquals(name, found.findElement(By.cssSelector("th a")).getText());
        assertTrue(found.findElement(By.cssSelector("th a")).getAttribute("href").matches(".*/stations/p\\d{5}\\.html"));
        assertTrue(found.findElement(By.cssSelector(".move .vh")).getText().matches("上升 \\d+ 位|下降 \\d+ 位|名次不变"));
        assertTrue(status.getText().startsWith("找到 1 个名称含“" + name + "”的司法所"), status.getText());
        search.clear();
        search.sendKeys("不存在的所");
        assertEquals(0, rows().size());
        assertEquals("没有找到名称含“不存在的所”的司法所。", status.getText());
        assertEquals(List.of(), latinWords((String) site.js("return document.body.innerText;")));

        // The home page: no list of every station, a finder over the station data, a paged grid.
        site.driver.get(out.resolve("index.html").toUri().toString());
        assertEquals(20, site.driver.findElements(By.cssSelector("table.ranking tbody tr")).size());
        WebElement finder = site.driver.findElement(By.id("finder-input"));
        assertTrue(finder.isDisplayed());
        assertEquals(0, site.driver.findElements(By.cssSelector("#station-list li")).size());
        finder.sendKeys(name.replace("司法所", ""));
        List<WebElement> links = site.driver.findElements(By.cssSelector("#station-list li a"));
        assertTrue(links.stream().anyMatch(a -> a.getText().equals(name)), name);
        assertEquals(100, site.driver.findElements(By.cssSelector("table.grid tbody tr")).size());
        WebElement gridSearch = site.driver.findElement(By.cssSelector(".pager input[type=search]"));
        gridSearch.sendKeys(name);
        List<WebElement> gridRows = site.driver.findElements(By.cssSelector("table.grid tbody tr"));
        assertEquals(1, gridRows.size());
        assertTrue(gridRows.get(0).getText().contains("第 230 名"), gridRows.get(0).getText());
        assertEquals(List.of(), latinWords((String) site.js("return document.body.innerText;")));
    }

    private static List<WebElement> rows() {
        return site.driver.findElements(By.cssSelector("table.ranking tbody tr"));
    }

    private static WebElement pagerButton(String label) {
        return site.driver.findElements(By.cssSelector(".pager-nav button")).stream()
                .filter(b -> b.getText().equals(label)).findFirst().orElseThrow();
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

    /**
     * A station's history over many periods keeps every label, place and score 4 units or more from its neighbours in the
     * browser's own font (the chart's widths are estimated when it is drawn); at a desktop's width a two-year
     * quarterly history fits the column and a longer one scrolls in its figure, as every chart does on a phone; no
     * label is drawn under 11 px.
     */
    @Test
    void aLongHistoryKeepsItsLabelsApart() throws IOException {
        String[] quarters = {"第一季度", "第二季度", "第三季度", "第四季度"};
        List<org.kaoping.site.Chart.Point> quarterly = new ArrayList<>();
        List<org.kaoping.site.Chart.Point> yearly = new ArrayList<>();
        List<org.kaoping.site.Chart.Point> gaps = new ArrayList<>();
        java.util.Random random = new java.util.Random(20261202L);
        for (int i = 0; i < 12; i++) {
            java.math.BigDecimal total = java.math.BigDecimal.valueOf(8000 + random.nextInt(2001), 2);
            String place = "第 " + (1 + random.nextInt(9999)) + " 名";
            if (i < 8) {
                quarterly.add(new org.kaoping.site.Chart.Point((2021 + i / 4) + " 年" + quarters[i % 4], total, place));
            }
            yearly.add(new org.kaoping.site.Chart.Point((2011 + i) + " 年度", total, place));
            gaps.add(new org.kaoping.site.Chart.Point((2011 + i) + " 年度", i % 3 == 1 ? null : total, place));
        }
        List<org.kaoping.site.Chart.History> charts = List.of(
                new org.kaoping.site.Chart.History("quarterly", "八个季度", quarterly),
                new org.kaoping.site.Chart.History("yearly", "十二年", yearly),
                new org.kaoping.site.Chart.History("gaps", "未参评", gaps),
                new org.kaoping.site.Chart.History("sample", "四期", quarterly.subList(4, 8)),
                new org.kaoping.site.Chart.History("one", "一期", quarterly.subList(0, 1)));
        StringBuilder page = new StringBuilder("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<link rel=\"stylesheet\" href=\"" + site.file("assets/site.css").toUri() + "\"></head><body><main class=\"wrap\">");
        for (org.kaoping.site.Chart.History chart : charts) {
            page.append("<figure class=\"chart-figure\"><div class=\"chart-scroll\" tabindex=\"0\" id=\"f-")
                    .append(chart.id()).append("\">").append(org.kaoping.render.SvgCharts.draw(chart))
                    .append("</div><figcaption>说明</figcaption></figure>");
        }
        Path file = temp.resolve("histories.html");
        Files.writeString(file, page.append("</main></body></html>"));
        String check = """
                var out = [];
                document.querySelectorAll('svg').forEach(function (svg) {
                  var id = svg.parentNode.id.slice(2), w = svg.viewBox.baseVal.width, texts = svg.querySelectorAll('text');
                  var scale = svg.getBoundingClientRect().width / w, boxes = [];
                  texts.forEach(function (t) {
                    var b = t.getBBox();
                    if (b.x < 0 || b.x + b.width > w) out.push(id + ': "' + t.textContent + '" leaves the chart');
                    if (Number(t.getAttribute('font-size')) * scale < 11) out.push(id + ': "' + t.textContent + '" under 11 px');
                    boxes.forEach(function (o) {
                      if (b.x < o.x + o.width + 4 && o.x < b.x + b.width + 4 && b.y < o.y + o.height && o.y < b.y + b.height)
                        out.push(id + ': "' + t.textContent + '" within 4 units of "' + o.text + '"');
                    });
                    boxes.push({x: b.x, y: b.y, width: b.width, height: b.height, text: t.textContent});
                  });
                  var f = svg.parentNode;
                  out.push(id + (f.scrollWidth > f.clientWidth ? ' scrolls' : ' fits'));
                });
                return out;""";
        org.kaoping.support.Chromium.size(site.driver, new Dimension(1280, 900));
        site.driver.get(file.toUri().toString());
        // Twelve years are wider than the column: they scroll, their labels as large as the eight quarters'.
        assertEquals(List.of("quarterly fits", "yearly scrolls", "gaps scrolls", "sample fits", "one fits"), site.js(check));
        org.kaoping.support.Chromium.size(site.driver, new Dimension(390, 844));
        site.driver.navigate().refresh();
        assertEquals(List.of("quarterly scrolls", "yearly scrolls", "gaps scrolls", "sample scrolls", "one scrolls"),
                site.js(check));
        // On a station page the history opens at its end, the latest periods (site.js); the table of the same
        // history lists them top to bottom and needs no such help.
        site.open("stations/qintai.html");
        List<?> scroll = (List<?>) site.js("var f = document.querySelector('figure.chart-history .chart-scroll');"
                + " var c = f.parentNode.querySelector('figcaption').getBoundingClientRect();"
                + " return [f.scrollLeft, f.scrollWidth - f.clientWidth, c.left, c.right, window.innerWidth];");
        assertTrue(((Number) scroll.get(1)).doubleValue() > 0, "the history scrolls on a phone: " + scroll);
        assertEquals(((Number) scroll.get(1)).doubleValue(), ((Number) scroll.get(0)).doubleValue(), 1.0,
                "opened at its latest periods: " + scroll);
        // The caption stays under the chart, in view, not scrolled away with it.
        assertTrue(((Number) scroll.get(2)).doubleValue() >= 0
                && ((Number) scroll.get(3)).doubleValue() <= ((Number) scroll.get(4)).doubleValue(), "the caption: " + scroll);
    }

    @Test
    void aPrintedStationPageNamesStationAndPeriodAndNumbersEveryPage() throws Exception {
        org.kaoping.support.Chromium.size(site.driver, new Dimension(1280, 900));
        site.open("stations/qintai.html");
        String expected = "琴台司法所（最近一期：2023 年第二季度）";
        // Chromium's print to PDF, A4 as the stylesheet asks; text read back with poppler's pdftotext. Asked through
        // DevTools (Page.printToPDF, what WebDriver's "Print Page" sends, with the same paper, margins and defaults):
        // chromedriver gives WebDriver's print 10 s, and on a busy 2-core machine this page takes longer to print.
        double cm = 1 / 2.54;
        Object data = site.driver.executeCdpCommand("Page.printToPDF", java.util.Map.of("paperWidth", 21.0 * cm,
                "paperHeight", 29.7 * cm, "marginTop", 1.5 * cm, "marginBottom", 1.5 * cm, "marginLeft", 1.2 * cm,
                "marginRight", 1.2 * cm)).get("data");
        byte[] pdf = java.util.Base64.getDecoder().decode((String) data);
        Path file = temp.resolve("qintai.pdf");
        Files.write(file, pdf);
        List<String> pages = pdfPages(file);
        assertTrue(pages.size() >= 4, "琴台's page with its two sheets spans several A4 pages: " + pages.size());
        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i);
            String at = "printed page " + (i + 1) + " of " + pages.size() + ":\n" + page;
            assertTrue(page.strip().startsWith(expected), at);
            assertTrue(page.replaceAll("\\s", "").contains("第" + (i + 1) + "页共" + pages.size() + "页"), at);
        }

        // Under print media: the head sits above the content, not over it, and table borders show.
        site.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        try {
            Object layout = site.js("var h = document.querySelector('.print-head').getBoundingClientRect();"
                    + "var m = document.querySelector('main').getBoundingClientRect();"
                    + "var td = getComputedStyle(document.querySelector('table.sheet-table td'));"
                    + "return [h.height > 0, h.bottom <= m.top, td.borderTopStyle, parseFloat(td.borderTopWidth) > 0,"
                    + " td.borderTopColor];");
            List<?> l = (List<?>) layout;
            assertEquals(true, l.get(0), "the print head shows in print");
            assertEquals(true, l.get(1), "the print head takes its own room above the content");
            assertEquals("solid", l.get(2));
            assertEquals(true, l.get(3), "table cells have borders in print");
            assertTrue(!String.valueOf(l.get(4)).matches("rgba\\(.*, 0\\)"), "and they are not transparent: " + l.get(4));
        } finally {
            site.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        }
    }

    /** The pages' text of a PDF, in order (poppler's pdftotext ends every page with a form feed). */
    private static List<String> pdfPages(Path pdf) throws Exception {
        Process p = new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), text);
        List<String> pages = new ArrayList<>(List.of(text.split("\f", -1)));
        if (pages.get(pages.size() - 1).isBlank()) {
            pages.remove(pages.size() - 1);
        }
        return pages;
    }

    @Test
    void theFormsDateReadsAndTakesAChineseDateAndKeepsAWrongOneAsTyped() {
        org.kaoping.support.Chromium.size(site.driver, new Dimension(1280, 900));
        site.openBlank("lushan-2022");
        WebElement date = site.driver.findElement(By.id("sc-date"));
        assertEquals("text", date.getAttribute("type"), "not the browser's mm/dd/yyyy date control");
        assertEquals("2026-12-01", date.getAttribute("placeholder"));
        type(date, "2026年12月1日");
        assertEquals("2026-12-01", site.js("return KaopingSelfCheck.sheet().date;"), "stored as the sheet format");
        assertEquals("2026 年 12 月 1 日", site.driver.findElement(By.cssSelector(".sc-meta [data-sc-field=date]"))
                .getAttribute("textContent"), "the printed sheet writes it the Chinese way");
        assertEquals(null, date.getAttribute("aria-invalid"));
        site.driver.navigate().refresh();
        site.waitReady();
        assertEquals("2026年12月1日", site.driver.findElement(By.id("sc-date")).getAttribute("value"), "kept as typed");

        type(site.driver.findElement(By.id("sc-date")), "2026-02-30");
        assertEquals("true", site.driver.findElement(By.id("sc-date")).getAttribute("aria-invalid"));
        assertTrue(site.driver.findElement(By.id("sc-date-hint")).getText().startsWith("没有这个日期"));
        assertEquals(null, site.js("return KaopingSelfCheck.sheet().date || null;"), "no date exported that does not exist");
        site.driver.navigate().refresh();
        site.waitReady();
        assertEquals("2026-02-30", site.driver.findElement(By.id("sc-date")).getAttribute("value"), "a wrong date is kept as typed");
        assertEquals("true", site.driver.findElement(By.id("sc-date")).getAttribute("aria-invalid"), "and still marked");

        // A draft saved before the text field (the sheet's yyyy-mm-dd only) still loads.
        String fingerprint = (String) site.js("return KaopingSelfCheck.sheet().fingerprint;");
        site.js("localStorage.setItem('kaoping.selfcheck.v1.lushan-2022', JSON.stringify({v: 1, sheet: {rubric: 'lushan-2022',"
                + " fingerprint: arguments[0], unit: '琴台司法所', date: '2023-02-06', attributes: {}, criteria: {}},"
                + " stationUnit: '琴台司法所', auto: [], keep: {}}));", fingerprint);
        site.driver.navigate().refresh();
        site.waitReady();
        assertEquals("2023-02-06", site.driver.findElement(By.id("sc-date")).getAttribute("value"));
        assertEquals("琴台司法所", site.driver.findElement(By.id("sc-unit")).getAttribute("value"));
        assertEquals(null, site.driver.findElement(By.id("sc-date")).getAttribute("aria-invalid"));
        assertEquals("2023-02-06", site.js("return KaopingSelfCheck.sheet().date;"));
        assertEquals("　单位：琴台司法所", site.driver.findElement(By.cssSelector(".print-head-unit")).getAttribute("textContent"),
                "the printed form's every page names the unit");
    }

    @Test
    void theNotFoundPageWorksAtAnyDepthOverHttpAlsoUnderABasePath() throws Exception {
        org.kaoping.support.Chromium.size(site.driver, new Dimension(1280, 900));
        // The sample as built (basePath "/"), and built again for a server that puts it under /kaoping/.
        Path content = org.kaoping.support.Cli.contentCopy(temp.resolve("based"));
        Path siteJson = content.resolve("site.json");
        Files.writeString(siteJson, Files.readString(siteJson).replaceFirst("\\{", "{\n  \"basePath\": \"/kaoping/\","));
        Path based = FormSite.build(content, org.kaoping.support.Shipped.RUBRICS, temp.resolve("site-based"));
        for (var served : java.util.Map.of("/", site.root, "/kaoping/", based).entrySet()) {
            com.sun.net.httpserver.HttpServer server = StaticServer.start(served.getKey(), served.getValue());
            try {
                String origin = "http://127.0.0.1:" + server.getAddress().getPort();
                for (String missing : List.of("nothing.html", "stations/nobody.html", "a/b/c/d/", "periods/2099-q9.html?x=1")) {
                    site.driver.get(origin + served.getKey() + missing);
                    String where = origin + served.getKey() + missing;
                    assertEquals("页面不存在", site.driver.findElement(By.tagName("h1")).getText(), where);
                    assertEquals(Boolean.TRUE, site.js("return getComputedStyle(document.querySelector('.site-header'))"
                            + ".backgroundColor !== 'rgba(0, 0, 0, 0)';"), where + ": the stylesheet is applied");
                    assertEquals(Boolean.TRUE, site.js("return !!document.querySelector('.print-head') &&"
                            + " getComputedStyle(document.querySelector('.print-head')).display === 'none';"), where);
                    site.driver.findElement(By.linkText("返回首页")).click();
                    assertEquals(origin + served.getKey() + "index.html", site.driver.getCurrentUrl(), where);
                    assertTrue(site.driver.getTitle().startsWith("首页"), where + ": " + site.driver.getTitle());
                }
            } finally {
                server.stop(0);
            }
        }
    }

    private static WebElement input(String criterion, String rule) {
        return site.driver.findElement(By.cssSelector("tr[data-criterion=\"" + criterion + "\"] div.sc-rule[data-rule=\""
                + rule + "\"] input"));
    }

    private static WebElement direct(String criterion) {
        return site.driver.findElement(By.cssSelector("tr[data-criterion=\"" + criterion + "\"] .sc-direct input"));
    }

    private static void type(WebElement field, String text) {
        site.js("arguments[0].scrollIntoView({block: 'center'});", field);
        field.clear();
        field.sendKeys(text);
    }

    private static String total() {
        return site.driver.findElement(By.id("sc-total")).getText();
    }
}
