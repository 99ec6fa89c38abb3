package org.kaoping.selfcheck;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kaoping.selfcheck.ChineseText.latinWords;

/**
 * The site as a station clerk and a bureau leader see it, in headless Chromium (issue 9): Chinese-only visible text
 * on every page type, the phone ranking keeping 总分 and 变化 in view, no page wider than a phone, a province's long
 * ranking paged and searched, long histories, the printed station page, and the not-found page at any depth.
 * The form as a clerk fills it is {@link SelfCheckUseTest}'s; every figure's decimals, {@link DeclaredDecimalsTest}'s.
 */
@Order(5) // among the longest classes: started early (junit-platform.properties)
class WhatUsersSeeTest {
    @TempDir
    static Path temp;
    @RegisterExtension
    static final FormSite site = new FormSite();

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
}
