package org.kaoping.support;

import org.kaoping.cli.Main;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The shipped sites, built once into a temporary folder, and a headless Chromium of the run's pool ({@link Chromium})
 * that opens them from file:// as a reader would.
 * A test class takes it with {@code @RegisterExtension static final FormSite site = new FormSite();}: the sites are
 * built once for the whole test run and shared by every class (the self-check form's and the accessibility checks);
 * each class has a browser to itself while its tests run, at the desktop window size to begin with.
 */
public final class FormSite implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    /** How often a wait looks again: WebDriverWait's default, half a second, is longer than what it waits for. */
    public static final Duration POLL = Duration.ofMillis(20);
    private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(FormSite.class);

    public Path root;
    /** The sample site first, then each example site (examples/NAME), by name. */
    public Map<String, Path> roots;
    public ChromeDriver driver;
    /** Whether this instance started the browser itself (and so closes it), not the shared one. */
    private boolean own;
    private ExtensionContext context;
    /** The thread that drives the second browser ({@link #beside}). */
    private static final ExecutorService BESIDE = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "second-browser");
        t.setDaemon(true);
        return t;
    });

    /** The shared sites and browser, taken before the class's tests run. */
    public FormSite() {
    }

    private FormSite(Map<String, Path> roots, ChromeDriver driver) {
        this.root = roots.get("sample");
        this.roots = roots;
        this.driver = driver;
        this.own = true;
    }

    /** Sites built into {@code temp} and a browser of its own, closed with {@link #close()} (the benchmark). */
    public static FormSite start(Path temp) {
        return new FormSite(buildAll(temp), Chromium.start());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Shared shared = context.getRoot().getStore(SHARED).getOrComputeIfAbsent(Shared.class, k -> Shared.start(),
                Shared.class);
        roots = shared.roots();
        root = roots.get("sample");
        driver = Chromium.take(context);
        Chromium.size(driver, Chromium.DESKTOP);
        this.context = context;
    }

    /** The class's browser back to the run's pool, for the next class. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            Chromium.giveBack(context, driver);
            driver = null;
        }
    }

    /**
     * Runs {@code check} with the run's second browser ({@link Chromium#beside}, at the desktop size when handed
     * over) on a thread of its own, while the caller goes on with {@link #driver}; {@link #await} takes its result.
     * For checks that keep a page busy for seconds (axe): two renderers use both cores.
     */
    public <T> CompletableFuture<T> beside(Function<ChromeDriver, T> check) {
        ExtensionContext c = context;
        return CompletableFuture.supplyAsync(() -> {
            ChromeDriver second = Chromium.beside(c);
            Chromium.size(second, Chromium.DESKTOP);
            return check.apply(second);
        }, BESIDE);
    }

    /** The result of a {@link #beside} check; what it threw (an assertion that failed) is thrown here. */
    public static <T> T await(CompletableFuture<T> check) {
        try {
            return check.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    /** Made once per test run; JUnit closes it when the run ends: the built sites are deleted. */
    private record Shared(Path temp, Map<String, Path> roots)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        static Shared start() {
            try {
                Path temp = Files.createTempDirectory("kaoping-form-site");
                return new Shared(temp, buildAll(temp));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            try (var files = Files.walk(temp)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Every shipped site (the sample and each buildable example) built into temp/site-NAME. */
    public static Map<String, Path> buildAll(Path temp) {
        Map<String, Path> roots = new LinkedHashMap<>();
        for (Shipped.Site s : Shipped.sites()) {
            roots.put(s.name(), build(s.content(), s.rubrics(), temp.resolve("site-" + s.name())));
        }
        return roots;
    }

    /** `kaoping build` of the shipped content, rubrics and theme into {@code out}. */
    public static Path build(Path out) {
        return build(Shipped.CONTENT, Shipped.RUBRICS, out);
    }

    public static Path build(Path content, Path rubrics, Path out) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int code = cl.execute("build", "--content", content.toString(), "--rubrics", rubrics.toString(), "--theme", "site-theme",
                "--out", out.toString());
        if (code != 0) {
            throw new IllegalStateException("build failed:\n" + o + e);
        }
        return out;
    }

    /** Opens a page of the built site by its relative path (with an optional #fragment). */
    public void open(String relative) {
        String fragment = "";
        int hash = relative.indexOf('#');
        if (hash >= 0) {
            fragment = relative.substring(hash);
            relative = relative.substring(0, hash);
        }
        driver.get(file(relative).toUri() + fragment);
    }

    /** A page of the built sites: the sample's, or else the first example site that has it. */
    public Path file(String relative) {
        for (Path r : roots.values()) {
            if (Files.exists(r.resolve(relative))) {
                return r.resolve(relative);
            }
        }
        throw new IllegalArgumentException("no built site has " + relative);
    }

    /**
     * Opens a rubric's form with nothing saved: localStorage is shared by all file:// pages, so it is cleared, by a
     * script Chromium runs as the form's document starts, before the form's own scripts (one load of the form, not
     * a load, a clear and a reload).
     */
    public void openBlank(String rubricId) {
        openBlank(driver, rubricId);
    }

    /** {@link #openBlank(String)} in another browser (the second, {@link #beside}). */
    public void openBlank(ChromeDriver browser, String rubricId) {
        Object id = browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", "localStorage.clear();")).get("identifier");
        try {
            browser.get(file("selfcheck/" + rubricId + ".html").toUri().toString());
        } finally {
            browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
        }
        waitReady(browser);
    }

    public void waitReady() {
        waitReady(driver);
    }

    private static void waitReady(ChromeDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(10), POLL).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return !!window.KaopingSelfCheck;")));
    }

    public Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    public String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (own) {
            driver.quit();
        }
    }
}
