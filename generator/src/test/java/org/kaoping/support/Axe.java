package org.kaoping.support;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * axe-core runs that report in full only what fails: a passing check keeps one example node instead of every
 * node it looked at (axe's resultTypes). Violations are reported exactly as before; what shrinks is the
 * result sent back through chromedriver, megabytes for the self-check form.
 * <p>
 * axe itself (the library's axe.min.js, 550 KB) reaches a file:// page as a script element loading a copy in a
 * temporary file, removed again once it has run: sent as WebDriver script text, as AxeBuilder does, it took
 * 0.3-0.5 s per run. Anywhere that cannot load it (a page served over HTTP), AxeBuilder's way is used.
 */
public final class Axe {
    private static String source;
    private static Path file;

    private Axe() {
    }

    /** Every rule with one of these tags (e.g. wcag2aa, best-practice). */
    public static AxeBuilder tags(List<String> tags) {
        return run("tag", tags);
    }

    /** Only these rules. */
    public static AxeBuilder rules(List<String> rules) {
        return run("rule", rules);
    }

    private static AxeBuilder run(String type, List<String> values) {
        AxeRunOnlyOptions only = new AxeRunOnlyOptions();
        only.setType(type);
        only.setValues(values);
        AxeRunOptions options = new AxeRunOptions();
        options.setRunOnly(only);
        options.setResultTypes(List.of("violations"));
        AxeBuilder builder = new AxeBuilder().withOptions(options).setLegacyMode();
        builder.setInjectAxe(Axe::inject, false); // false: AxeBuilder does not send the script itself
        return builder;
    }

    /** Puts axe into the current page: by a script element on a file:// page, else as AxeBuilder would. */
    private static void inject(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Object loaded = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                if (location.protocol !== 'file:' || !document.head) { done(false); return; }
                var s = document.createElement('script');
                s.onload = function () { s.remove(); done(typeof window.axe === 'object'); };
                s.onerror = function () { s.remove(); done(false); };
                s.src = arguments[0];
                document.head.appendChild(s);
                """, file().toUri().toString());
        if (!Boolean.TRUE.equals(loaded)) {
            js.executeScript(source());
        }
    }

    private static synchronized String source() {
        if (source == null) {
            try (InputStream in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js missing from axe-core's selenium jar");
                }
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    private static synchronized Path file() {
        if (file == null) {
            try {
                Path dir = Files.createTempDirectory("kaoping-axe");
                file = Files.writeString(dir.resolve("axe.min.js"), source());
                // The JVM deletes in the reverse order of these calls: the file first, then its (empty) folder.
                dir.toFile().deleteOnExit();
                file.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }
}
