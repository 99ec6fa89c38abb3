package org.kaoping.render;

import com.github.mustachejava.Binding;
import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.reflect.GuardedBinding;
import com.github.mustachejava.reflect.MissingWrapper;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import com.github.mustachejava.util.Wrapper;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mustache that refuses to guess: a name no scope provides is an error naming the template file
 * and line, not an empty string (a misspelt {{totl}} would otherwise publish a blank column).
 * Per shared LIBRARIES.md: a ReflectionObjectHandler whose GuardedBinding throws on a MissingWrapper.
 * Values that exist but are null or empty still render as nothing, as Mustache intends.
 */
public final class StrictMustache {
    private final Path folder;
    private final DefaultMustacheFactory factory;
    /** Compiled once, then shared by the rendering threads (Mustache.java's templates are thread-safe). */
    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

    public StrictMustache(Path templatesFolder) {
        if (!Files.isDirectory(templatesFolder)) {
            throw new TemplateException("no templates folder " + templatesFolder);
        }
        this.folder = templatesFolder;
        this.factory = new DefaultMustacheFactory(templatesFolder.toFile()) {
            @Override
            public MustacheVisitor createMustacheVisitor() {
                return new PageCodeVisitor(this);
            }

            @Override
            public void encode(String value, Writer writer) {
                if (writer instanceof PageBytes page) {
                    page.escaped(value); // escaped and encoded in one pass
                } else {
                    escape(value, writer);
                }
            }
        };
        this.factory.setObjectHandler(new StrictHandler(templatesFolder));
    }

    /** Compiles a template (and its partials) now, so syntax errors surface before any page is written. */
    public Mustache compile(String name) {
        return compiled.computeIfAbsent(name, n -> {
            Path file = folder.resolve(n + ".mustache");
            if (!Files.isRegularFile(file)) {
                throw new TemplateException("missing template " + file);
            }
            try {
                return factory.compile(n + ".mustache");
            } catch (MustacheException e) {
                throw new TemplateException(folder + "/" + e.getMessage(), e);
            }
        });
    }

    /** Renders with the given scopes; later scopes are searched first. */
    public String render(String name, Object... scopes) {
        return new String(bytes(name, scopes), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** As {@link #render(String, Object...)}, as UTF-8 bytes made while rendering ({@link PageBytes}). */
    public byte[] bytes(String name, Object... scopes) {
        return PageBytes.collect(w -> render(w, name, scopes));
    }

    /** As {@link #render(String, Object...)}, streaming into {@code w}. */
    public void render(Writer w, String name, Object... scopes) {
        Mustache m = compile(name);
        try {
            m.execute(w, scopes);
        } catch (MissingValueException e) {
            throw new TemplateException(e.getMessage(), e);
        } catch (MustacheException e) {
            Throwable c = e;
            while (c != null) {
                if (c instanceof MissingValueException mv) {
                    throw new TemplateException(mv.getMessage(), e);
                }
                c = c.getCause();
            }
            throw new TemplateException(folder.resolve(name + ".mustache") + ": " + e.getMessage(), e);
        }
    }

    /**
     * What Mustache.java's HtmlEscaper writes — {@code & < > " ' = `} and the control characters 0–13 as entities,
     * everything else as it is — without copying each value into a char array first: the text between escapes goes
     * to the writer as slices of the value (a province's pages escape a few hundred million characters).
     */
    static void escape(String value, Writer writer) {
        try {
            int from = 0;
            int n = value.length();
            for (int i = 0; i < n; i++) {
                char c = value.charAt(i);
                if (c > '`') {
                    continue;
                }
                String entity = entity(c);
                if (entity == null) {
                    continue;
                }
                if (i > from) {
                    writer.write(value, from, i - from);
                }
                writer.write(entity);
                from = i + 1;
            }
            if (from == 0) {
                writer.write(value); // nothing to escape, as in most values
            } else if (from < n) {
                writer.write(value, from, n - from);
            }
        } catch (java.io.IOException e) {
            throw new MustacheException("Failed to encode value: " + value, e);
        }
    }

    private static final String[] ENTITIES = new String[97];

    static {
        for (int c = 0; c <= 13; c++) {
            ENTITIES[c] = "&#" + c + ";";
        }
        ENTITIES['&'] = "&amp;";
        ENTITIES['<'] = "&lt;";
        ENTITIES['>'] = "&gt;";
        ENTITIES['"'] = "&quot;";
        ENTITIES['\''] = "&#39;";
        ENTITIES['`'] = "&#96;";
        ENTITIES['='] = "&#61;";
    }

    /** The entity {@code c} is written as, or null. */
    static String entity(char c) {
        return c < ENTITIES.length ? ENTITIES[c] : null;
    }

    /** Thrown from inside Mustache; unwrapped by {@link #render}. */
    static final class MissingValueException extends RuntimeException {
        MissingValueException(String message) {
            super(message);
        }
    }

    private static final class StrictHandler extends ReflectionObjectHandler {
        private final Path folder;

        StrictHandler(Path folder) {
            this.folder = folder;
        }

        @Override
        public Binding createBinding(String name, TemplateContext tc, Code code) {
            return new GuardedBinding(this, name, tc, code) {
                @Override
                protected synchronized Wrapper getWrapper(String n, List<Object> scopes) {
                    Wrapper w = super.getWrapper(n, scopes);
                    if (w instanceof MissingWrapper) {
                        throw new MissingValueException(folder.resolve(tc.file()) + ":" + tc.line() + ": no value for {{"
                                + n + "}} in this template (strict templates: every name must be provided)");
                    }
                    return w;
                }
            };
        }
    }
}
