package org.kaoping.selfcheck;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.load.StrictJson;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

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
class WhatUsersSeeTest {
    /** A Latin-letter word; what may stand in Chinese text is removed first (see {@link #latinWords}). */
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]{2,}");

    @TempDir
    static Path temp;
    static FormSite site;

    @BeforeAll
    static void start() {
        site = FormSite.start(temp);
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

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
        site.driver.manage().window().setSize(new Dimension(1280, 900));
        List<String> found = new ArrayList<>();
        for (String page : List.of("index.html", "periods/2021-annual.html", "periods/2022-annual.html",
                "periods/2023-q1.html", "periods/2023-q2.html", "stations/kuqu.html", "stations/qintai.html",
                "stations/yaoshan.html", "rubrics/lushan-2022.html", "rubrics/lushan-2023-q2.html", "methodology.html",
                "404.html", "selfcheck/lushan-2022.html", "selfcheck/lushan-2023-q2.html", "stations/shili-1.html",
                "rubrics/xx-district-2023.html", "rubrics/wushen-2018.html", "selfcheck/wushen-2018.html",
                "periods/2018-annual.html")) {
            site.open(page);
            String text = (String) site.js("return document.body.innerText;");
            assertTrue(text.length() > 100, page + " shows something");
            latinWords(text).forEach(w -> found.add(page + ": " + w));
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theCheckFindsLatinWordsButNotVersionsFileNamesOrUnits() {
        assertEquals(List.of(), latinWords("数据版本 5afd4a896417 · 导入 selfcheck-lushan-2022.json · 143.5 KB"));
        assertEquals(1, latinWords("按“evaluation”排名").size());
        assertEquals(3, latinWords("expected a whole number").size());
    }

    @Test
    void anInvalidValueKeepsEveryFieldAcrossAReloadAndTheTotalSaysItIsIncomplete() {
        site.driver.manage().window().setSize(new Dimension(1280, 900));
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

        site.driver.navigate().refresh();
        site.waitReady();
        assertEquals("1.5", input("1.1", "disclosure").getAttribute("value"), "the invalid value is kept as typed");
        assertEquals("1", input("1.1", "ledgers").getAttribute("value"), "the valid count of the same criterion is kept");
        assertEquals("台账缺页", site.driver.findElement(By.cssSelector("tr[data-criterion=\"1.1\"] textarea.sc-reason"))
                .getAttribute("value"), "the typed 扣分原因 is kept");
        assertEquals("尚有 1 项输入有误", total());
        assertEquals("true", input("1.1", "disclosure").getAttribute("aria-invalid"), "the invalid field is marked");
        WebElement error = site.driver.findElement(By.cssSelector("tr[data-criterion=\"1.1\"] .sc-error"));
        assertTrue(error.isDisplayed() && error.getText().startsWith("填写有误："), error.getText());

        type(input("1.1", "disclosure"), "1");
        assertTrue(total().matches("\\d+(\\.\\d+)?"), "a total again once the value is fixed: " + total());
        assertEquals(null, input("1.1", "disclosure").getAttribute("aria-invalid"));
    }

    @Test
    void aDirectScoreStartsEmptySoTypingGivesWhatWasTyped() {
        site.driver.manage().window().setSize(new Dimension(1280, 900));
        site.openBlank("lushan-2022");
        WebElement mode = site.driver.findElement(By.cssSelector("tr[data-criterion=\"1.1\"] .sc-mode select"));
        new org.openqa.selenium.support.ui.Select(mode).selectByValue("score");
        WebElement direct = site.driver.findElement(By.cssSelector("tr[data-criterion=\"1.1\"] .sc-direct input"));
        assertEquals("", direct.getAttribute("value"));
        assertEquals("2", direct.getAttribute("placeholder"), "the maximum as placeholder");
        String before = total();
        type(direct, "1.5");
        assertEquals("1.5", direct.getAttribute("value"));
        assertEquals(new java.math.BigDecimal(before).subtract(new java.math.BigDecimal("0.5")).stripTrailingZeros()
                .toPlainString(), total());
    }

    @Test
    void onAPhoneTheRankingShowsTotalAndMovement() {
        site.driver.manage().window().setSize(new Dimension(390, 844));
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
        }
        site.driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void everyScoreHasItsPeriodsDeclaredDecimals() throws IOException {
        site.driver.manage().window().setSize(new Dimension(1280, 900));
        int checked = 0;
        try (Stream<Path> s = Files.list(Path.of("content/periods"))) {
            for (Path p : s.sorted().toList()) {
                JsonNode period = StrictJson.mapper().readTree(Files.readString(p));
                int scale = scaleOf(period);
                site.open("periods/" + period.get("id").asText() + ".html");
                Pattern declared = Pattern.compile("\\d+" + (scale == 0 ? "" : "\\.\\d{" + scale + "}"));
                for (WebElement td : site.driver.findElements(By.cssSelector("table.ranking td.total"))) {
                    String shown = td.getText().replaceAll("（.*", "").trim();
                    assertTrue(declared.matcher(shown).matches(), p + ": " + shown + " has " + scale + " decimals");
                    checked++;
                }
            }
        }
        assertTrue(checked >= 100, "the four periods' rankings: " + checked);
    }

    /**
     * A province's ranking (issue 12): 250 stations, so the period page renders 100 rows and site.js pages
     * through all of them from the data file and finds a station by name; the home page's finder searches
     * the station data instead of a list of every station. Visible words stay Chinese.
     */
    @Test
    void aLongRankingIsPagedAndItsSearchFindsAStation() {
        site.driver.manage().window().setSize(new Dimension(1280, 900));
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

    private static WebElement input(String criterion, String rule) {
        return site.driver.findElement(By.cssSelector("tr[data-criterion=\"" + criterion + "\"] div.sc-rule[data-rule=\""
                + rule + "\"] input"));
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
