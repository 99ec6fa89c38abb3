package org.kaoping.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.ValueCode;
import com.github.mustachejava.codes.WriteCode;
import org.kaoping.site.Chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Compiles templates for {@link PageBytes}: each run of constant text is a code of its own that holds the text's
 * UTF-8 bytes, encoded once when the template is compiled (Mustache.java appends it to the code before, as a
 * String to be encoded on every page), and a {@link PageBody} in an unescaped value ({@code {{{body}}}}) is rendered
 * in place, into the layout's own writer. Any other writer gets the same text as Mustache.java would write.
 */
final class PageCodeVisitor extends DefaultMustacheVisitor {
    PageCodeVisitor(DefaultMustacheFactory factory) {
        super(factory);
    }

    @Override
    public void write(TemplateContext tc, String text) {
        if (!text.isEmpty()) {
            list.add(new ConstantText(tc, df, text));
        }
    }

    @Override
    public void value(TemplateContext tc, String variable, boolean encoded) {
        list.add(encoded ? new EscapedValue(tc, df, variable) : new RawValue(tc, df, variable));
    }

    /** A run of a template's text, as it stands. */
    static final class ConstantText extends WriteCode {
        private final byte[] encoded;

        ConstantText(TemplateContext tc, DefaultMustacheFactory df, String text) {
            super(tc, df, text);
            // Half a surrogate pair at either end pairs with the text beside it: such text is encoded with the page.
            boolean whole = !Character.isLowSurrogate(text.charAt(0))
                    && !Character.isHighSurrogate(text.charAt(text.length() - 1));
            this.encoded = whole ? text.getBytes(StandardCharsets.UTF_8) : null;
        }

        @Override
        public Writer execute(Writer writer, List<Object> scopes) {
            if (encoded != null && writer instanceof PageBytes page) {
                page.constant(encoded);
                return writer;
            }
            return super.execute(writer, scopes);
        }
    }

    /**
     * {@code {{name}}}: a text value escaped straight into the page. Mustache.java first asks whether every value
     * is a Function or a Callable, two interface checks that scan the value's interfaces; most page values are
     * texts, and those are escaped without either. Anything else is written as Mustache.java writes it.
     */
    static final class EscapedValue extends ValueCode {
        EscapedValue(TemplateContext tc, DefaultMustacheFactory df, String variable) {
            super(tc, df, variable, true);
        }

        @Override
        public Writer execute(Writer writer, List<Object> scopes) {
            if (!(writer instanceof PageBytes page)) {
                return super.execute(writer, scopes);
            }
            Object value;
            try {
                value = get(scopes);
            } catch (Exception e) { // as ValueCode words a failed lookup
                throw new com.github.mustachejava.MustacheException("Failed to get value for " + name, e, tc);
            }
            if (value instanceof String text) {
                page.escaped(text);
            } else if (value instanceof java.util.function.Function || value instanceof java.util.concurrent.Callable) {
                return super.execute(writer, scopes); // looks the value up again; no page value is one
            } else if (value != null) {
                page.escaped(oh.stringify(value));
            }
            return appendText(writer);
        }
    }

    /**
     * {@code {{{name}}}}: a value written unescaped, a page's body rendered where it stands, or a chart of the site
     * model drawn as SVG (the model holds charts as numbers; drawing them is the renderer's job).
     */
    static final class RawValue extends ValueCode {
        RawValue(TemplateContext tc, DefaultMustacheFactory df, String variable) {
            super(tc, df, variable, false);
        }

        @Override
        public Writer execute(Writer writer, List<Object> scopes) {
            Object value = get(scopes);
            if (value instanceof PageBody body) {
                body.writeTo(writer);
                return appendText(writer);
            }
            if (value instanceof Chart chart) {
                try {
                    writer.write(SvgCharts.draw(chart));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return appendText(writer);
            }
            return super.execute(writer, scopes); // looks the value up again: a few per page
        }
    }
}
