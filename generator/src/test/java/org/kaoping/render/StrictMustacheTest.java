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
