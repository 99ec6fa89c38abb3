package org.kaoping.selfcheck;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.load.RubricFingerprint;
import org.kaoping.load.StrictJson;
import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.load.RubricTree;
import org.kaoping.site.SelfCheckPages;
import org.kaoping.support.FormSite;
import org.kaoping.support.Shipped;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The self-check pages as built, read without a browser: what a reader without JavaScript gets, and the data block. */
class SelfCheckPageTest {
    @TempDir
    static Path temp;
    static Path site;
    static FormSiteFiles all;

    @BeforeAll
    static void build() {
        all = new FormSiteFiles(FormSite.buildAll(temp));
        site = all.roots().get("sample");
    }

    /** Every shipped rubric, the sample's and the examples' (each is built with its own site). */
    private static List<Rubric> rubrics() {
        List<Rubric> built = List.copyOf(Shipped.allRubrics().values().stream()
                .filter(r -> all.find("selfcheck/" + r.id() + ".html") != null).toList());
        assertTrue(built.size() >= 6, "the sample's and the examples' forms: " + built);
        return built;
    }

    private record FormSiteFiles(java.util.Map<String, Path> roots) {
        Path find(String relative) {
            return roots.values().stream().map(r -> r.resolve(relative)).filter(Files::exists).findFirst().orElse(null);
        }
    }

    @Test
    void everyRubricHasAFormThatShowsEveryCriterionWithoutJavaScript() throws IOException {
        for (Rubric r : rubrics()) {
            Document doc = Jsoup.parse(all.find("selfcheck/" + r.id() + ".html").toFile(), "UTF-8");
            List<String> heads = doc.select("table.sc-table thead th").eachText();
            assertEquals(List.of("考核项目", "考核内容", "分值", "考核办法及标准", "得分", "扣分原因"), heads, r.id());
            for (Criterion c : r.allCriteria()) {
                Element row = doc.selectFirst("tr[data-criterion=\"" + c.id() + "\"]");
                assertNotNull(row, r.id() + " " + c.id());
                assertTrue(row.selectFirst(".cc").text().contains(c.content().strip().substring(0, Math.min(12,
                        c.content().strip().length()))), r.id() + " " + c.id() + " content");
                String standard = row.selectFirst(".cs").text();
                assertTrue(standard.startsWith("同左") || standard.contains(c.standard().strip().substring(0,
                        Math.min(12, c.standard().strip().length()))), r.id() + " " + c.id() + " standard");
            }
            assertEquals(r.sections().size(), doc.select("tr.sc-subtotal").size(), r.id());
            for (String role : List.of("被考核单位负责人签名", "考核组成员签名", "考核组组长签名")) {
                assertTrue(doc.select(".sc-signatures").text().contains(role), r.id() + " " + role);
            }
            assertTrue(doc.selectFirst(".sc-meta").text().contains("单位") && doc.selectFirst(".sc-meta").text().contains("日期"));
            assertNotNull(doc.selectFirst("noscript"), "a word for readers without JavaScript");
            assertTrue(doc.selectFirst("#sc-panel").hasAttr("hidden"), "the controls appear only with the script");
            List<String> scripts = doc.select("script[src]").eachAttr("src");
            assertTrue(scripts.stream().allMatch(s -> s.startsWith("../assets/")), "only the site's own scripts: " + scripts);
            assertTrue(scripts.indexOf("../assets/js/kaoping-score.js") >= 0, "the scoring module: " + scripts);
            List<String> form = List.of("base", "words", "controls", "show", "store").stream()
                    .map(n -> "../assets/js/selfcheck-" + n + ".js").toList();
            assertEquals(form, scripts.subList(scripts.size() - form.size(), scripts.size()),
                    "the form's scripts last, in order, after the scoring module");
        }
    }

    @Test
    void theDataBlockIsTheRubricFileAsTheEngineReadsItWithItsFingerprint() throws Exception {
        for (Rubric r : rubrics()) {
            Path file = Shipped.rubricFile(r.id());
            String html = Files.readString(all.find("selfcheck/" + r.id() + ".html"));
            Element block = Jsoup.parse(html).selectFirst("script#selfcheck-data");
            assertNotNull(block, r.id());
            assertEquals("application/json", block.attr("type"));
            String raw = block.data();
            assertFalse(raw.contains("<") || raw.contains(">") || raw.contains("&"), r.id() + ": unescaped markup characters");
            JsonNode data = StrictJson.mapper().readTree(raw);
            assertEquals(RubricFingerprint.of(file), data.get("fingerprint").asText(), r.id());
            JsonNode expected = SelfCheckPages.formRubric(RubricTree.read(org.kaoping.load.JsonSource.read(file), org.kaoping.load.Audience.PUBLIC));
            assertEquals(StrictJson.mapper().readTree(expected.toString()), data.get("rubric"), r.id());
            assertTrue(data.get("rubric").findValues("notes").isEmpty() && data.get("rubric").findValues("content").isEmpty());
        }
    }

    @Test
    void stationsLinkToTheFormWithTheirLatestSheet() throws IOException {
        Document kuqu = Jsoup.parse(site.resolve("stations/kuqu.html").toFile(), "UTF-8");
        Element link = kuqu.selectFirst("a[href^=\"../selfcheck/lushan-2022.html#sheet=\"]");
        assertNotNull(link);
        String encoded = link.attr("href").substring(link.attr("href").indexOf("#sheet=") + 7);
        JsonNode sheet = StrictJson.mapper().readTree(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
        assertEquals("lushan-2022", sheet.get("rubric").asText());
        assertEquals("kuqu", sheet.get("station").asText());
        assertEquals("库区司法所", sheet.get("unit").asText());
        assertEquals(47, sheet.get("criteria").size());
        assertEquals("1.5", sheet.get("criteria").get("1.1").get("score").asText());
        assertFalse(sheet.has("notes") || sheet.has("corrections"), "assessor notes stay off the public link");
        // 琴台's latest sheet is from 2023-q1, under lushan-2023.
        assertNotNull(Jsoup.parse(site.resolve("stations/qintai.html").toFile(), "UTF-8")
                .selectFirst("a[href^=\"../selfcheck/lushan-2023.html#sheet=\"]"));
    }
}
