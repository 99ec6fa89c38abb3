package org.kaoping.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.load.Audience;
import org.kaoping.load.CorpusLoader;
import org.kaoping.site.Chart;
import org.kaoping.site.Fingerprint;
import org.kaoping.site.Page;
import org.kaoping.site.SiteModel;
import org.kaoping.site.SiteModelBuilder;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pages rendered as bytes (constant text encoded once, values escaped and encoded in one pass, the body rendered in
 * place) are the bytes of Mustache.java's own rendering, encoded afterwards: its escaper and reflection, the body
 * rendered to a String first and placed by the layout.
 */
class PagesSameBytesTest {
    @TempDir
    Path dir;

    @Test
    void everyPageOfTheSampleSiteIsWhatMustacheJavaWrites() {
        Path templates = Path.of("site-theme/templates");
        DefaultMustacheFactory theirs = new DefaultMustacheFactory(templates.toFile());
        // The site model holds charts as numbers; Mustache.java writes an unescaped value as its handler's text of it,
        // which for a chart is its SVG.
        theirs.setObjectHandler(new ReflectionObjectHandler() {
            @Override
            public String stringify(Object object) {
                return object instanceof Chart chart ? SvgCharts.draw(chart) : super.stringify(object);
            }
        });
        int charts = 0;
        for (Audience audience : Audience.values()) {
            Path content = Path.of("content");
            Path rubrics = Path.of("rubrics");
            SiteModel model = SiteModelBuilder.build(new CorpusLoader(audience).load(content, rubrics),
                    Fingerprint.of(content, rubrics), Clock.systemUTC(), audience);
            Pages pages = new Pages(templates, model);
            int stations = 0;
            for (Page page : model.pages()) {
                Pages.Layout layout = pages.layout(page);
                String body = render(theirs, layout.body().template(), layout.body().scopes());
                String whole = render(theirs, "layout", layout, Map.of("body", body));
                assertArrayEquals(whole.getBytes(StandardCharsets.UTF_8), pages.render(page), page.path());
                stations += page.template().equals("station") ? 1 : 0;
                charts += whole.split("<svg class=\"chart", -1).length - 1;
            }
            assertTrue(stations >= 20, "the station pages are among them: " + stations);
        }
        assertTrue(charts >= 2 * 30, "the stations' histories and sections, the periods' distributions, drawn: " + charts);
    }

    /** @param figure a value of another kind, written and used as a section: a number, a decimal, a boolean, a function, or none */
    public record Row(String label, String note, Object figure, List<Row> rows) {
    }

    public record Scope(String title, String svg, List<Row> rows) {
    }

    @Test
    void randomValuesInATemplateOfEveryKindOfCodeAreWhatMustacheJavaWrites() throws IOException {
        // Constant text with characters of two, three and four bytes (a template file, read as UTF-8, holds no
        // surrogate half), values escaped and raw with halves that pair across them, sections, inverted sections,
        // a partial used at two depths.
        Files.writeString(dir.resolve("row.mustache"), "<li title=\"{{label}}\">{{note}}{{^note}}无{{/note}}{{figure}}{{#figure}}[{{label}}]{{/figure}}</li>");
        Files.writeString(dir.resolve("page.mustache"), "<h1>{{title}}</h1>考评\u00E9\uD83D\uDE00"
                + "{{{svg}}}{{title}}{{svg}}<ul>{{#rows}}{{> row}}<ul>{{#rows}}{{> row}}{{/rows}}</ul>{{/rows}}</ul>"
                + "{{^rows}}<p>没有</p>{{/rows}}末\uD83D\uDE00");
        StrictMustache ours = new StrictMustache(dir);
        DefaultMustacheFactory theirs = new DefaultMustacheFactory(dir.toFile());
        SplittableRandom random = new SplittableRandom(Long.getLong("kaoping.seed", 20261201L));
        String alphabet = "&<>\"'=`a 司\u0000\n\uD83D\uDE00\uD83D\uDE00é";
        for (int n = 0; n < 2_000; n++) {
            Scope scope = new Scope(text(random, alphabet), text(random, alphabet), rows(random, alphabet, 2));
            String expected = render(theirs, "page", scope);
            assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), ours.bytes("page", scope), "case " + n);
        }
        // A pair split between a raw value and an escaped one is one character; halves left alone are "?".
        assertEquals("<h1>?</h1>考评é\uD83D\uDE00<b>\uD83D\uDE00&lt;b&gt;?<ul></ul><p>没有</p>末\uD83D\uDE00",
                ours.render("page", new Scope("\uDE00", "<b>\uD83D", List.of())));
    }

    private static List<Row> rows(SplittableRandom random, String alphabet, int depth) {
        int n = depth == 0 ? 0 : random.nextInt(4);
        Row[] rows = new Row[n];
        for (int i = 0; i < n; i++) {
            rows[i] = new Row(text(random, alphabet), random.nextBoolean() ? null : text(random, alphabet),
                    figure(random, alphabet), rows(random, alphabet, depth - 1));
        }
        return List.of(rows);
    }

    private static Object figure(SplittableRandom random, String alphabet) {
        return switch (random.nextInt(6)) {
            case 0 -> random.nextInt(-1000, 1000);
            case 1 -> java.math.BigDecimal.valueOf(random.nextInt(-10000, 10000), random.nextInt(3));
            case 2 -> random.nextBoolean();
            case 3 -> made(text(random, alphabet));
            default -> null;
        };
    }

    private static java.util.function.Function<String, String> made(String text) {
        return given -> text;
    }

    private static String text(SplittableRandom random, String alphabet) {
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String render(DefaultMustacheFactory factory, String template, Object... scopes) {
        Mustache m = factory.compile(template + ".mustache");
        StringWriter w = new StringWriter();
        m.execute(w, scopes);
        return w.toString();
    }
}
