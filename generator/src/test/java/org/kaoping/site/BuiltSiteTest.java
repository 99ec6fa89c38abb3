package org.kaoping.site;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.load.StrictJson;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks over the site built from the shipped content (built once for the class). */
class BuiltSiteTest {
    @TempDir
    static Path temp;
    static Path site;

    @BeforeAll
    static void buildOnce() {
        site = temp.resolve("site");
        SiteBuild.Result r = SiteBuild.buildShipped(site);
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().contains("pages written"), r.out());
    }

    private static Document page(String relative) throws IOException {
        return Jsoup.parse(site.resolve(relative).toFile(), "UTF-8");
    }

    @Test
    void writesTheExpectedPages() {
        for (String p : List.of("index.html", "404.html", "methodology.html", "periods/2021-annual.html",
                "periods/2022-annual.html", "periods/2023-q1.html", "periods/2023-q2.html", "stations/kuqu.html",
                "rubrics/lushan-2022.html", "rubrics/lushan-2023.html", "rubrics/lushan-2023-q2.html",
                "assets/site.css", "assets/site.js", "assets/rubrics/lushan-2022.json", ".kaoping-output",
                "selfcheck/lushan-2022.html", "selfcheck/lushan-2023-q2.html", "assets/form.css",
                "assets/js/kaoping-decimal.js", "assets/js/kaoping-messages.js", "assets/js/kaoping-input.js", "assets/js/kaoping-sheet.js",
                "assets/js/kaoping-rubric.js", "assets/js/kaoping-rules.js", "assets/js/kaoping-score.js", "assets/js/selfcheck-base.js", "assets/js/selfcheck-store.js")) {
            assertTrue(Files.isRegularFile(site.resolve(p)), p);
        }
        assertEquals(3, SiteBuild.htmlFiles(site.resolve("selfcheck")).size());
        assertEquals(25, SiteBuild.htmlFiles(site.resolve("stations")).size());
        assertEquals(3, SiteBuild.htmlFiles(site.resolve("rubrics")).size());
        // Only this bureau's rubrics on this bureau's site: the other regimes are examples (examples/).
        for (String other : List.of("xx-district-2023", "wushen-2018", "jiangsu-county-2016")) {
            assertFalse(Files.exists(site.resolve("rubrics/" + other + ".html")), other);
            assertFalse(Files.exists(site.resolve("selfcheck/" + other + ".html")), other);
        }
    }

    @Test
    void aStationPageLeadsWithItsLostItemsMostPointsFirst() throws IOException {
        Document doc = page("stations/zhangliang.html");
        Element focus = doc.selectFirst("section.focus");
        assertNotNull(focus);
        assertTrue(doc.select("main > section").first() == focus || doc.select("main > section").indexOf(focus) <= 1,
                "the lost items come before the history and the sheet");
        List<String> items = focus.select("li").eachText();
        assertEquals(5, items.size(), items.toString());
        assertTrue(items.get(0).startsWith("四 ") && items.get(0).contains("失 1.50 分"), items.get(0));
        assertTrue(items.get(4).contains("失 0.50 分"), items.get(4));
        assertTrue(focus.text().contains("距第 1 名差 3.00 分") && focus.select(".closes").isEmpty(),
                "2022: 3 points behind, and no single item of at most 1.5 points closes it");
        assertTrue(focus.selectFirst(".opportunity").text().startsWith("挽回 四、七.4 与 六.2 三项共 4.00 分，即可超过第 1 名观音寺司法所"),
                focus.selectFirst(".opportunity").text());
        // The gaps in the header and the history: points with the period's declared decimals, like the totals.
        assertTrue(doc.text().contains("距第 7 名差 0.60 分") && doc.text().contains("距第 3 名差 3.50 分"), doc.text());
        for (Element li : focus.select("li")) {
            // each lost item: its rule on the rubric page, and its row in the form of the sheet's rubric
            String rule = li.selectFirst("a").attr("href");
            assertTrue(rule.matches("\\.\\./rubrics/lushan-2022\\.html#c-[0-9.]+"), rule);
            Element form = li.selectFirst("a.try-link");
            assertEquals(rule.replace("rubrics/", "selfcheck/"), form.attr("href"), li.text());
            assertEquals(rule.substring(rule.indexOf("#c-") + 3), form.attr("data-row"));
        }
        Document sheetForm = page("selfcheck/lushan-2022.html");
        assertEquals("7.4", sheetForm.getElementById("c-7.4").attr("data-criterion"), "the form's row carries the anchor");
    }

    @Test
    void theStationsIndexHasAStationByPeriodGridOfPlacesAndTotals() throws IOException {
        Document doc = page("index.html");
        assertEquals(List.of("司法所", "2021 年度", "2022 年度", "2023 年第一季度", "2023 年第二季度"),
                doc.select("table.grid thead th").eachText());
        assertEquals(25, doc.select("table.grid tbody tr").size());
        Element kuqu = doc.select("table.grid tbody tr").stream()
                .filter(r -> r.selectFirst("th").text().equals("库区司法所")).findFirst().orElseThrow();
        assertEquals("97.32 第 1 名", kuqu.child(4).text(), "2023 Q2: the composite total, first place");
        assertEquals("94.40 第 3 名", kuqu.child(2).text(), "2022: 94.4 as published, third");
    }

    @Test
    void theMethodologyStatesThePublicationDateAndSaysWhatThePagesShow() throws IOException {
        JsonNode config = StrictJson.mapper().readTree(Files.readString(SiteBuild.CONTENT.resolve("site.json")));
        java.time.LocalDate published = java.time.LocalDate.parse(config.get("published").asText());
        String method = page("methodology.html").selectFirst("main").text();
        assertTrue(method.contains("本站数据发布于 " + published.getYear() + " 年 " + published.getMonthValue() + " 月 "
                + published.getDayOfMonth() + " 日。"), method);
        // What it quotes from the pages stands on them word for word.
        Matcher quoted = Pattern.compile("排名表上方注明“([^”]+)”").matcher(method);
        assertTrue(quoted.find(), method);
        assertTrue(page("periods/2023-q2.html").selectFirst("main").text().contains(quoted.group(1)), quoted.group(1));
        // Corrections are listed (琴台's 2023 sheet has one), their grounds are not.
        assertTrue(method.contains("评分表上的更正（原记分与更正后的分数）照常列出"), method);
        String qintai = page("stations/qintai.html").selectFirst("main").text();
        assertTrue(qintai.contains("原表记为 7，已更正为 5"), "琴台's correction is shown");
        assertFalse(qintai.contains("说明："), "the grounds of a correction are an assessor note");
        // For the bureau: no folder names, file paths or program names.
        Matcher jargon = Pattern.compile("[A-Za-z]{3,}|/").matcher(method.replace("（.json）", "")
                .replaceAll("\\b[0-9a-f]{64}\\b", "")); // the data version's full SHA-256
        assertFalse(jargon.find(), () -> "methodology.html: " + jargon.group());
    }

    @Test
    void everyPagePrintsWhatItShowsAtTheTopOfEveryPrintedPage() throws IOException {
        for (Path html : SiteBuild.htmlFiles(site)) {
            Document doc = Jsoup.parse(html.toFile(), "UTF-8");
            Element head = doc.selectFirst("body > .print-head");
            assertNotNull(head, html.toString());
            String title = doc.title().replaceFirst(" - [^-]+$", "");
            String printed = head.selectFirst(".print-head-page").text();
            assertTrue(printed.startsWith(title.startsWith("自查评分表：") ? title.substring(6) : title.equals("首页") ? "考核结果总览" : title),
                    html + ": " + printed);
        }
        assertEquals("琴台司法所（最近一期：2023 年第二季度）", page("stations/qintai.html").selectFirst(".print-head-page").text());
        assertEquals("考核结果总览（最近一期：2023 年第二季度）", page("index.html").selectFirst(".print-head-page").text());
        // A sheet spanning printed pages names itself in its repeated header row.
        assertEquals("2022 年度评分表", page("stations/qintai.html")
                .selectFirst("#sheet-2022-annual table.sheet-table thead tr.print-row th").text());
    }

    /**
     * The site's own sentences end as sentences: no paragraph on any page stops on a comma or semicolon (a report
     * page without the bureau's wording once ended its note on "数字均按评分表精确计算；"). Table cells may, since they
     * quote the source documents as written.
     */
    @Test
    void noParagraphEndsOnACommaOrSemicolon() throws IOException {
        List<String> dangling = new java.util.ArrayList<>();
        int paragraphs = 0;
        for (Path html : SiteBuild.htmlFiles(site)) {
            for (Element p : Jsoup.parse(html.toFile(), "UTF-8").select("p")) {
                String text = p.text().strip();
                paragraphs++;
                if (!text.isEmpty() && "；，、;,".indexOf(text.charAt(text.length() - 1)) >= 0) {
                    dangling.add(site.relativize(html) + ": …" + text.substring(Math.max(0, text.length() - 40)));
                }
            }
        }
        assertTrue(paragraphs > 500, "paragraphs read: " + paragraphs);
        assertEquals(List.of(), dangling);
    }

    @Test
    void theNotFoundPageLinksFromTheSitesBasePathSoItWorksAtAnyDepth() throws IOException {
        Document doc = page("404.html");
        assertEquals("/assets/site.css", doc.selectFirst("link[rel=stylesheet]").attr("href"));
        assertTrue(doc.select("main a").eachAttr("href").contains("/index.html"), doc.select("main a").toString());
    }

    @Test
    void everyInternalLinkAndAssetResolvesToAFileInTheOutput() throws IOException {
        Map<Path, Set<String>> ids = new HashMap<>();
        List<String> broken = new ArrayList<>();
        int sheetLinks = 0;
        int formPages = 0;
        for (Path html : SiteBuild.htmlFiles(site)) {
            formPages += site.relativize(html).toString().startsWith("selfcheck/") ? 1 : 0;
            Document doc = Jsoup.parse(html.toFile(), "UTF-8");
            for (Element e : doc.select("[href], [src]")) {
                String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                String where = site.relativize(html) + ": " + e.tagName() + " " + ref;
                String path = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
                String fragment = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : null;
                // 404.html links from the site's base path ("/" unless site.json says otherwise)
                Path target = path.isEmpty() ? html : path.startsWith("/") ? site.resolve(path.substring(1)).normalize()
                        : html.getParent().resolve(path).normalize();
                if (path.startsWith("/") && !html.getFileName().toString().equals("404.html")) {
                    broken.add(where + " (an absolute link outside 404.html)");
                    continue;
                }
                if (!target.startsWith(site) || !Files.isRegularFile(target)) {
                    broken.add(where + " (no such file)");
                    continue;
                }
                if (fragment != null && fragment.startsWith("sheet=")) {
                    // A self-check form prefilled with a sheet: the fragment is data, not an anchor.
                    sheetLinks++;
                    String problem = prefilledSheetProblem(target, fragment.substring("sheet=".length()));
                    if (problem != null) {
                        broken.add(where + " (" + problem + ")");
                    }
                    continue;
                }
                if (fragment != null && !fragment.isEmpty() && target.toString().endsWith(".html")
                        && !ids.computeIfAbsent(target, BuiltSiteTest::idsOf).contains(fragment)) {
                    broken.add(where + " (no element with id \"" + fragment + "\")");
                }
            }
        }
        assertTrue(broken.isEmpty(), String.join("\n", broken));
        assertEquals(3, formPages, "the self-check forms are among the pages checked");
        assertEquals(10, sheetLinks, "a prefilled form link on each station page with a sheet (the 10 of 2022; 琴台 links its 2023-q1 sheet)");
    }

    /** What is wrong with a #sheet= link: it must open the form of the sheet's own rubric, at the same version. */
    private static String prefilledSheetProblem(Path target, String encoded) {
        try {
            JsonNode sheet = StrictJson.mapper().readTree(new String(java.util.Base64.getUrlDecoder().decode(encoded),
                    java.nio.charset.StandardCharsets.UTF_8));
            String page = target.getFileName().toString().replace(".html", "");
            if (!target.getParent().getFileName().toString().equals("selfcheck") || !page.equals(sheet.path("rubric").asText())) {
                return "a sheet for " + sheet.path("rubric").asText() + " linked to " + target.getFileName();
            }
            Element data = Jsoup.parse(target.toFile(), "UTF-8").selectFirst("script#selfcheck-data");
            String fingerprint = StrictJson.mapper().readTree(data.data()).get("fingerprint").asText();
            if (!fingerprint.equals(sheet.path("fingerprint").asText()) || !sheet.path("criteria").isObject()) {
                return "not a sheet for this version of the form";
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return "unreadable sheet: " + e.getMessage();
        }
    }

    private static Set<String> idsOf(Path html) {
        try {
            Set<String> out = new TreeSet<>();
            Jsoup.parse(html.toFile(), "UTF-8").select("[id]").forEach(e -> out.add(e.id()));
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void noAbsoluteOrExternalUrlAnywhere() throws IOException {
        Pattern scheme = Pattern.compile("(?i)\\b(https?|ftp|file|javascript|data|mailto|blob):");
        List<String> found = new ArrayList<>();
        try (Stream<Path> s = Files.walk(site)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                if (f.toString().endsWith(".docx") || f.toString().endsWith(".xlsx")) {
                    // Office archives: XML namespaces are http URIs by definition (never fetched); what would
                    // load from elsewhere is an external relationship.
                    try (var zip = new java.util.zip.ZipFile(f.toFile())) {
                        for (var e : java.util.Collections.list(zip.entries())) {
                            String xml = new String(zip.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                            if (xml.contains("TargetMode=\"External\"")) {
                                found.add(site.relativize(f) + "!" + e.getName() + ": external relationship");
                            }
                        }
                    }
                    continue;
                }
                String text = Files.readString(f);
                var m = scheme.matcher(text);
                if (m.find()) {
                    found.add(site.relativize(f) + ": " + m.group());
                }
                if (f.toString().endsWith(".css") && text.contains("url(")) {
                    found.add(site.relativize(f) + ": url( in a style sheet");
                }
                if (f.toString().endsWith(".css") && text.contains("@import")) {
                    found.add(site.relativize(f) + ": @import");
                }
            }
        }
        for (Path html : SiteBuild.htmlFiles(site)) {
            Document doc = Jsoup.parse(html.toFile(), "UTF-8");
            for (Element e : doc.select("[href], [src], [action], [srcset], [poster], [data]")) {
                for (String attr : List.of("href", "src", "action", "srcset", "poster", "data")) {
                    String v = e.attr(attr);
                    // 404.html alone links from the site's base path: a server returns it at any depth
                    boolean notFoundRoot = html.getFileName().toString().equals("404.html") && v.startsWith("/")
                            && !v.startsWith("//");
                    if (!v.isEmpty() && !notFoundRoot && (v.startsWith("/") || v.startsWith("\\") || v.contains("://"))) {
                        found.add(site.relativize(html) + ": " + attr + "=" + v);
                    }
                }
            }
            Element csp = doc.selectFirst("meta[http-equiv=Content-Security-Policy]");
            assertNotNull(csp, html + " has no Content-Security-Policy");
            assertTrue(csp.attr("content").startsWith("default-src 'none'"), csp.attr("content"));
            assertTrue(doc.select("style, [style]").isEmpty(), html + ": inline styles");
            for (Element script : doc.select("script")) {
                // The self-check form's rubric is data (type application/json, never executed; CSP script-src 'self').
                boolean data = script.attr("type").equals("application/json") && script.id().equals("selfcheck-data")
                        && !script.hasAttr("src");
                assertTrue(data || (script.hasAttr("src") && script.data().isBlank()), html + ": inline script");
            }
        }
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    @Test
    void period2022ListsTheStationsInPublishedOrderWithTheirTotals() throws IOException {
        JsonNode period = StrictJson.mapper().readTree(Files.readString(SiteBuild.CONTENT.resolve("periods/2022-annual.json")));
        Map<String, String> names = stationNames();
        List<String> expected = new ArrayList<>();
        for (JsonNode r : period.get("results")) {
            expected.add(names.get(r.get("station").asText()) + " "
                    + new BigDecimal(r.get("published").get("total").asText()).setScale(2).toPlainString()); // declared scale 2
        }
        assertEquals(25, expected.size());
        Document doc = page("periods/2022-annual.html");
        List<String> shown = new ArrayList<>();
        List<String> places = new ArrayList<>();
        for (Element row : doc.select("table.ranking tbody tr")) {
            places.add(row.child(0).text());
            shown.add(row.child(1).selectFirst("a").text() + " " + row.selectFirst("td.total").ownText().trim());
        }
        assertEquals(expected, shown);
        assertEquals(List.of("观音寺司法所 97.50", "张良司法所 94.50", "库区司法所 94.40", "瓦屋司法所 92.00", "董周司法所 92.00",
                "琴台司法所 91.90", "张店司法所 91.75"), shown.subList(0, 7));
        assertEquals("汇源司法所 74.30", shown.get(24));
        for (int i = 0; i < 25; i++) {
            assertEquals(Integer.toString(i + 1), places.get(i), "place in row " + (i + 1));
        }
    }

    @Test
    void stationPagesShowEveryCriterionScoreAndReasonOfTheirSheets() throws IOException {
        JsonNode rubric = StrictJson.mapper().readTree(Files.readString(SiteBuild.RUBRICS.resolve("lushan-2022.json")));
        Map<String, String> numbers = new HashMap<>();
        Map<String, String> maxima = new HashMap<>();
        for (JsonNode s : rubric.get("sections")) {
            for (JsonNode c : s.get("criteria")) {
                numbers.put(c.get("id").asText(), c.get("number").asText());
                maxima.put(c.get("id").asText(), plain(c.get("points").asText()));
            }
        }
        int reasons = 0;
        try (Stream<Path> sheets = Files.list(SiteBuild.CONTENT.resolve("sheets/2022-annual"))) {
            for (Path f : sheets.sorted().toList()) {
                JsonNode sheet = StrictJson.mapper().readTree(Files.readString(f));
                String station = sheet.get("station").asText();
                Document stationPage = page("stations/" + station + ".html");
                Element table = stationPage.selectFirst("#sheet-2022-annual table.sheet-table");
                assertNotNull(table, station + ": no 2022 sheet table");
                // 琴台's latest sheet is 2023-q1's: its 2022 sheet is older, shown with what it lost and why.
                boolean full = stationPage.selectFirst("#sheet-2022-annual h2 .badge") != null;
                assertEquals(!station.equals("qintai"), full, station);
                // Every sheet, an older one in full, is one link away as the period's .csv.
                Element download = stationPage.selectFirst("#sheet-2022-annual .sheet-download a[download]");
                assertNotNull(download, station);
                assertTrue(Files.isRegularFile(site.resolve("stations").resolve(download.attr("href")).normalize()),
                        download.attr("href"));
                Map<String, Element> rows = new HashMap<>();
                for (Element row : table.select("tbody tr:not(.section-row)")) {
                    rows.put(row.child(0).text(), row);
                }
                var it = sheet.get("criteria").fields();
                while (it.hasNext()) {
                    var e = it.next();
                    Element row = rows.get(numbers.get(e.getKey()));
                    String given = e.getValue().has("reason") ? e.getValue().get("reason").asText() : "";
                    if (!full && row == null) {
                        assertEquals("", given, station + " " + e.getKey() + ": a reason is never left out");
                        assertEquals(0, new BigDecimal(e.getValue().get("score").asText())
                                .compareTo(new BigDecimal(maxima.get(e.getKey()))), station + " " + e.getKey() + " lost nothing");
                        continue;
                    }
                    assertNotNull(row, station + ": no row for criterion " + numbers.get(e.getKey()));
                    assertEquals(new BigDecimal(e.getValue().get("score").asText()).setScale(2).toPlainString(),
                            row.child(2).text(), station + " " + e.getKey() + " (lushan-2022 declares 2 decimals)");
                    assertEquals(maxima.get(e.getKey()), row.child(3).text(), station + " " + e.getKey());
                    String reason = e.getValue().has("reason") ? e.getValue().get("reason").asText() : "";
                    assertEquals(reason, row.child(4).text(), station + " " + e.getKey());
                    reasons += reason.isEmpty() ? 0 : 1;
                }
            }
        }
        assertTrue(reasons > 30, "reasons checked: " + reasons);
        // The correction to 库区 一.1 is shown as a fact; its note stays internal.
        String kuqu = page("stations/kuqu.html").text();
        assertTrue(kuqu.contains("原表记为 6.5，已更正为 1.5"));
        assertTrue(kuqu.contains("2022 法援台账无记录"));
        // 主要扣分原因 from the report.
        assertTrue(kuqu.contains("法律援助台账2022年度无记录"));
    }

    @Test
    void assessorNotesStayOffPublicPages() throws IOException {
        List<String> internal = new ArrayList<>();
        try (Stream<Path> s = Files.walk(SiteBuild.CONTENT.resolve("sheets"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode sheet = StrictJson.mapper().readTree(Files.readString(f));
                sheet.path("notes").forEach(n -> internal.add(n.asText()));
                sheet.path("corrections").forEach(c -> internal.add(c.get("note").asText()));
            }
        }
        assertFalse(internal.isEmpty());
        for (Path html : SiteBuild.htmlFiles(site)) {
            String text = Files.readString(html);
            for (String note : internal) {
                String probe = note.substring(0, Math.min(40, note.length()));
                assertFalse(text.contains(probe), html + " shows an assessor note: " + probe);
            }
            assertTrue(Jsoup.parse(text).select(".internal-notes").isEmpty(), html + " has an internal-notes block");
        }
    }

    @Test
    void everyPageFooterCarriesTheDataFingerprint() throws IOException {
        String expected = Fingerprint.of(SiteBuild.CONTENT, SiteBuild.RUBRICS).shortForm();
        assertTrue(expected.matches("[0-9a-f]{12}"));
        for (Path html : SiteBuild.htmlFiles(site)) {
            Element fp = Jsoup.parse(html.toFile(), "UTF-8").selectFirst("footer .fingerprint");
            assertNotNull(fp, html.toString());
            assertEquals(expected, fp.text(), html.toString());
        }
    }

    @Test
    void rubricExportsAreTheSourceJsonWithoutItsInternalFields() throws IOException {
        try (Stream<Path> s = Files.list(SiteBuild.RUBRICS)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".schema.json")).toList()) {
                String id = f.getFileName().toString().replace(".json", "");
                JsonNode source = StrictJson.mapper().readTree(Files.readString(f));
                assertFalse(source.findValues("notes").isEmpty(), id + ": the fixture has notes to leave out");
                ((com.fasterxml.jackson.databind.node.ObjectNode) source).remove("source");
                source.findParents("notes").forEach(n -> ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove("notes"));
                JsonNode exported = StrictJson.mapper().readTree(Files.readString(site.resolve("assets/rubrics/" + id + ".json")));
                assertEquals(source, exported, id);
                assertTrue(exported.findValues("notes").isEmpty() && !exported.has("source"), id);
            }
        }
    }

    @Test
    void theMarkerListsEveryFileKaopingWrote() throws IOException {
        List<String> lines = Files.readAllLines(site.resolve(".kaoping-output"));
        assertEquals("kaoping-output 2 public", lines.get(0));
        Map<String, String> listed = new TreeMap<>();
        for (String l : lines.subList(2, lines.size())) {
            listed.put(l.substring(66), l.substring(0, 64));
        }
        Map<String, byte[]> present = new TreeMap<>(SiteBuild.snapshot(site));
        present.remove(".kaoping-output");
        assertEquals(present.keySet(), listed.keySet());
        present.forEach((path, bytes) -> assertEquals(sha256(bytes), listed.get(path), path));
    }

    @Test
    void tablesAreReadableWithoutJavaScriptAndChartsAreInlineSvg() throws IOException {
        Document doc = page("periods/2022-annual.html");
        Element ranking = doc.selectFirst("table.ranking");
        assertNotNull(ranking.selectFirst("caption"));
        assertEquals("名次", ranking.select("thead th").first().text());
        assertNotNull(doc.selectFirst("svg.chart title"), "distribution chart");
        assertNotNull(page("stations/kuqu.html").selectFirst("svg.chart desc"), "history chart");
        assertTrue(doc.text().contains("总分相同的所不并列名次"), "tie rule in words");
        assertTrue(doc.text().contains("中位数"));
        // The station finder is hidden until the script shows it; the full list is there without it.
        Document home = page("index.html");
        assertTrue(home.selectFirst(".finder").hasAttr("hidden"));
        assertEquals(25, home.select("#station-list li").size());
    }

    private static Map<String, String> stationNames() throws IOException {
        Map<String, String> names = new HashMap<>();
        JsonNode stations = StrictJson.mapper().readTree(Files.readString(SiteBuild.CONTENT.resolve("stations.json")));
        stations.get("stations").forEach(s -> names.put(s.get("id").asText(), s.get("name").asText()));
        return names;
    }

    private static String plain(String decimal) {
        BigDecimal v = new BigDecimal(decimal).stripTrailingZeros();
        return v.signum() == 0 ? "0" : v.toPlainString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
