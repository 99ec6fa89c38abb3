package org.kaoping.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrictMustacheTest {
    @TempDir
    Path dir;

    public record Item(String name, String reason) {
    }

    public record Scope(String title, List<Item> items, String nothing) {
    }

    private StrictMustache with(String name, String template) throws IOException {
        Files.writeString(dir.resolve(name + ".mustache"), template);
        return new StrictMustache(dir);
    }

    @Test
    void valuesAreEscapedExactlyAsMustacheJavasOwnEscaperWould() throws IOException {
        // StrictMustache escapes without Mustache.java's per-value char array copy; the text must not change.
        java.util.SplittableRandom random = new java.util.SplittableRandom(Long.getLong("kaoping.seed", 20261201L));
        StringBuilder alphabet = new StringBuilder("&<>\"'=`abc 司法所\u2028\uD83D\uDE00");
        for (char c = 0; c < 128; c++) {
            alphabet.append(c);
        }
        for (int n = 0; n < 50_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = b.toString();
            java.io.StringWriter theirs = new java.io.StringWriter();
            com.github.mustachejava.util.HtmlEscaper.escape(value, theirs);
            java.io.StringWriter ours = new java.io.StringWriter();
            StrictMustache.escape(value, ours);
            assertEquals(theirs.toString(), ours.toString(), () -> "escaping " + value.chars().boxed().toList());
        }
        StrictMustache m = with("page", "<p title=\"{{title}}\">{{title}}</p>");
        assertEquals("<p title=\"a&amp;b&lt;&gt;&quot;&#39;&#61;&#96;&#10;司\">a&amp;b&lt;&gt;&quot;&#39;&#61;&#96;&#10;司</p>",
                m.render("page", new Scope("a&b<>\"'=`\n司", List.of(), null)));
    }

    @Test
    void aMissingVariableIsAnErrorNamingTemplateAndLine() throws IOException {
        StrictMustache m = with("page", "<h1>{{title}}</h1>\n{{#items}}\n<p>{{name}} {{reson}}</p>\n{{/items}}\n");
        TemplateException e = assertThrows(TemplateException.class,
                () -> m.render("page", new Scope("t", List.of(new Item("a", "b")), null)));
        assertTrue(e.getMessage().contains("page.mustache:3"), e.getMessage());
        assertTrue(e.getMessage().contains("{{reson}}"), e.getMessage());
    }

    @Test
    void aMissingSectionNameIsAnErrorToo() throws IOException {
        StrictMustache m = with("page", "{{#itemz}}x{{/itemz}}");
        assertThrows(TemplateException.class, () -> m.render("page", new Scope("t", List.of(), null)));
    }

    @Test
    void contentIsEscapedAndOuterScopesAreVisible() throws IOException {
        StrictMustache m = with("page", "{{#items}}<li>{{title}}: {{name}} {{reason}}</li>{{/items}}{{nothing}}");
        String html = m.render("page", new Scope("T&C", List.of(new Item("<script>x</script>", "\"'`=")), null));
        assertEquals("<li>T&amp;C: &lt;script&gt;x&lt;/script&gt; &quot;&#39;&#96;&#61;</li>", html);
    }

    @Test
    void aSyntaxErrorNamesTheTemplate() throws IOException {
        StrictMustache m = with("broken", "{{#open}}never closed");
        TemplateException e = assertThrows(TemplateException.class, () -> m.compile("broken"));
        assertTrue(e.getMessage().contains("broken"), e.getMessage());
    }

    @Test
    void laterScopesWin() throws IOException {
        StrictMustache m = with("page", "{{title}}");
        assertEquals("inner", m.render("page", new Scope("outer", List.of(), null), new Scope("inner", List.of(), null)));
    }
}
