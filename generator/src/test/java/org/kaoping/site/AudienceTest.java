package org.kaoping.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public and the internal build of the sample: private names redacted on the public site and
 * shown on the internal one, every internal page marked, and no internal string of the sample —
 * assessor notes, sources, corrections' quotes and notes, private names — in any public file.
 */
class AudienceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keys whose values never belong on a public page (see rubrics/README.md and content/README.md). */
    private static final Set<String> INTERNAL_KEYS = Set.of("notes", "note", "source", "quote");
    /** Values of a component's "source" are data (where its figure comes from), not a document reference. */
    private static final Pattern COMPONENT_SOURCE = Pattern.compile("sheet|sheet:[a-z0-9.-]+|given|raters");
    private static final Pattern MARK = Pattern.compile("\\{\\{([^{}]+)}}");
    private static final List<String> SIX = List.of("薛新义", "郭冰钢", "赵瑞亭", "王爱通", "宋闪闪", "洪龙");

    @TempDir
    static Path temp;
    static Path pub;
    static Path internal;

    @BeforeAll
    static void buildBoth() {
        pub = temp.resolve("public");
        internal = temp.resolve("internal");
        Cli.Run p = Cli.run("build", "--out", pub.toString());
        assertEquals(0, p.exitCode(), p.all());
        Cli.Run i = Cli.run("build", "--internal", "--out", internal.toString());
        assertEquals(0, i.exitCode(), i.all());
        assertTrue(i.out().contains("INTERNAL build"), i.out());
    }

    @Test
    void theReportsSixPrivatePersonsAreRedactedOnThePublicSiteAndNamedOnTheInternalOne() throws IOException {
        String publicPage = Files.readString(pub.resolve("periods/2022-annual.html"));
        String internalPage = Files.readString(internal.resolve("periods/2022-annual.html"));
        for (String name : SIX) {
            assertFalse(publicPage.contains(name), name);
            assertTrue(internalPage.contains(name), name);
        }
        assertTrue(publicPage.contains("辛集所矫正对象薛某某、仓头所矫正对象郭某某点验无故未到"), "redacted in place");
        assertTrue(publicPage.contains("土门司法所的矫正对象洪某某系残疾人"));
        assertFalse(publicPage.contains("{{") || internalPage.contains("{{"), "marks never shown");
    }

    @Test
    void everyInternalPageSaysSoAndNoPublicPageDoes() throws IOException {
        List<Path> internalPages = SiteBuild.htmlFiles(internal);
        assertEquals(SiteBuild.htmlFiles(pub).size(), internalPages.size());
        for (Path html : internalPages) {
            Document doc = Jsoup.parse(html.toFile(), "UTF-8");
            Element banner = doc.selectFirst("body > p.internal-banner");
            assertTrue(banner != null && banner.text().startsWith("内部版本"), html.toString());
            assertTrue(doc.title().startsWith("【内部】"), html + ": " + doc.title());
        }
        for (Path html : SiteBuild.htmlFiles(pub)) {
            Document doc = Jsoup.parse(html.toFile(), "UTF-8");
            assertTrue(doc.select(".internal-banner").isEmpty() && !doc.title().contains("内部"), html.toString());
        }
        assertTrue(Files.readString(internal.resolve(".kaoping-output")).startsWith("kaoping-output 2 internal\n"));
        // An internal build never replaces the public site.
        Cli.Run r = Cli.run("build", "--internal", "--out", pub.toString());
        assertEquals(3, r.exitCode(), r.all());
        assertTrue(r.err().contains("holds a public build"), r.err());
    }

    @Test
    void noFileOfThePublicSiteHoldsAnyInternalStringOfTheSample() throws IOException {
        Set<String> secrets = new TreeSet<>();
        for (Path root : List.of(SiteBuild.CONTENT, SiteBuild.RUBRICS)) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".schema.json")).toList()) {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    Matcher m = MARK.matcher(text);
                    while (m.find()) {
                        secrets.add(m.group(1));
                    }
                    collect(JSON.readTree(text), false, secrets);
                }
            }
        }
        assertTrue(secrets.containsAll(SIX), "the private names are among the secrets");
        assertTrue(secrets.size() > 300, "notes, sources and quotes of the sample: " + secrets.size());
        Map<String, String> haystacks = new TreeMap<>();
        try (Stream<Path> s = Files.walk(pub)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                haystacks.put(pub.relativize(f).toString(), haystack(f));
            }
        }
        assertTrue(haystacks.size() > 50, "every file: " + haystacks.size());
        assertTrue(haystacks.keySet().containsAll(List.of("data/ranking-2022-annual.js", "data/stations.js", "data/grid.js")),
                "the long tables' data files too");
        List<String> leaks = new ArrayList<>();
        for (String secret : secrets) {
            String needle = normalise(secret);
            haystacks.forEach((file, text) -> {
                if (text.contains(needle)) {
                    leaks.add(file + ": " + secret);
                }
            });
        }
        assertEquals(List.of(), leaks);
        // The same search finds them in the internal build: the test can see a leak.
        String internalPeriod = haystack(internal.resolve("periods/2022-annual.html"));
        assertTrue(internalPeriod.contains("薛新义"));
        String internalExport = haystack(internal.resolve("assets/rubrics/lushan-2022.json"));
        assertTrue(secrets.stream().anyMatch(x -> internalExport.contains(normalise(x))), "notes in the internal export");
    }

    @Test
    void checkWarnsAboutAnUnmarkedNameAndRefusesABrokenMark(@TempDir Path scratch) {
        Path content = SiteBuild.copy(SiteBuild.CONTENT, scratch.resolve("content"));
        Path period = content.resolve("periods/2022-annual.json");
        String text = SiteBuild.read(period);
        SiteBuild.write(period, text.replace("{{洪龙}}", "洪龙"));
        Cli.Run r = Cli.run("check", "--content", content.toString());
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().matches("(?s).*2022-annual\\.json:460:\\d+: warning: \\$\\.findings\\[\\d+]\\.individual: "
                + "\"矫正对象洪龙\" may name a private person on a public page; if it is a name, mark it \\{\\{洪龙}} .*"), r.out());
        assertFalse(r.out().contains("may name a private person on a public page; if it is a name, mark it {{走访}}"),
                "the rubrics' 社区矫正对象走访 is a phrase, not a name");
        SiteBuild.write(period, text.replace("{{洪龙}}", "{{洪龙"));
        r = Cli.run("check", "--content", content.toString());
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.out().contains("error: $.findings[6].individual: unbalanced or empty {{…}} name mark")
                || r.out().matches("(?s).*2022-annual\\.json:460:\\d+: error: .*unbalanced or empty.*"), r.out());
    }

    /** Every internal string under the tree: values of internal keys, at any depth. */
    private static void collect(JsonNode node, boolean internal, Set<String> out) {
        if (node.isTextual()) {
            String v = MARK.matcher(node.textValue()).replaceAll("$1");
            if (internal && !COMPONENT_SOURCE.matcher(v).matches()) {
                out.add(v);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), internal || INTERNAL_KEYS.contains(e.getKey()), out));
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, internal, out));
        }
    }

    /** A file's text as a reader would find it: raw, and for HTML and JSON also unescaped. */
    private static String haystack(Path f) throws IOException {
        String name = f.toString();
        if (name.endsWith(".docx") || name.endsWith(".xlsx")) {
            // Office files are zip archives of XML: search every entry's text, decompressed.
            StringBuilder b = new StringBuilder();
            try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(f))) {
                for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    String xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    b.append('\n').append(normalise(Jsoup.parse(xml, "", org.jsoup.parser.Parser.xmlParser()).text()));
                    b.append('\n').append(normalise(xml));
                }
            }
            assertTrue(b.length() > 0, name + " holds entries");
            return b.toString();
        }
        String raw = Files.readString(f, StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder(normalise(raw));
        if (f.toString().endsWith(".html")) {
            Document doc = Jsoup.parse(raw);
            b.append('\n').append(normalise(doc.text()));
            for (Element e : doc.getAllElements()) {
                e.attributes().forEach(a -> b.append('\n').append(normalise(a.getValue())));
            }
            for (Element script : doc.select("script[type=application/json]")) {
                strings(JSON.readTree(script.data()), b);
            }
        } else if (f.toString().endsWith(".json")) {
            strings(JSON.readTree(raw), b);
        } else if (f.getParent().getFileName().toString().equals("data") && f.toString().endsWith(".js")) {
            // A long table's rows: one JSON value after "] = " (render/TableScripts), its strings unescaped.
            strings(JSON.readTree(raw.substring(raw.indexOf("] = ") + 4, raw.lastIndexOf(';'))), b);
        }
        return b.toString();
    }

    private static void strings(JsonNode node, StringBuilder b) {
        if (node.isTextual()) {
            b.append('\n').append(normalise(node.textValue()));
        }
        node.forEach(n -> strings(n, b));
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
