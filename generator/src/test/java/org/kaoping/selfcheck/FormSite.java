package org.kaoping.selfcheck;

import org.kaoping.cli.Main;
import org.kaoping.support.Shipped;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
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

/**
 * The shipped sites, built once into a temporary folder, and a headless Debian Chromium that opens
 * them from file:// as a reader would (shared/LIBRARIES.md: flags, no Selenium Manager).
 * A test class takes it with {@code @RegisterExtension static final FormSite site = new FormSite();}: the sites
 * and the browser are made once for the whole test run and shared by every class (batching the browser cases),
 * and each class starts at the desktop window size.
 */
final class FormSite implements BeforeAllCallback, AutoCloseable {
    /** How often a wait looks again: WebDriverWait's default, half a second, is longer than what it waits for. */
    static final Duration POLL = Duration.ofMillis(20);
    private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(FormSite.class);

    Path root;
    /** The sample site first, then each example site (examples/NAME), by name. */
    Map<String, Path> roots;
    ChromeDriver driver;
    /** Whether this instance started the browser itself (and so closes it), not the shared one. */
    private boolean own;

    /** The shared sites and browser, taken before the class's tests run. */
    FormSite() {
    }

    private FormSite(Map<String, Path> roots, ChromeDriver driver) {
        this.root = roots.get("sample");
        this.roots = roots;
        this.driver = driver;
        this.own = true;
    }

    /** Sites built into {@code temp} and a browser of its own, closed with {@link #close()} (the benchmark). */
    static FormSite start(Path temp) {
        return new FormSite(buildAll(temp), chromium());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Shared shared = context.getRoot().getStore(SHARED).getOrComputeIfAbsent(Shared.class, k -> Shared.start(),
                Shared.class);
        roots = shared.roots();
        root = roots.get("sample");
        driver = shared.driver();
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /** Made once per test run; JUnit closes it when the run ends: the browser quits, the built sites are deleted. */
    private record Shared(Path temp, Map<String, Path> roots, ChromeDriver driver)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        static Shared start() {
            try {
                Path temp = Files.createTempDirectory("kaoping-form-site");
                return new Shared(temp, buildAll(temp), chromium());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            driver.quit();
            try (var files = Files.walk(temp)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static ChromeDriver chromium() {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions opts = new ChromeOptions();
        opts.setBinary("/usr/bin/chromium");
        opts.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=1280,900");
        return new ChromeDriver(opts);
    }

    /** Every shipped site (the sample and each buildable example) built into temp/site-NAME. */
    static Map<String, Path> buildAll(Path temp) {
        Map<String, Path> roots = new LinkedHashMap<>();
        for (Shipped.Site s : Shipped.sites()) {
            roots.put(s.name(), build(s.content(), s.rubrics(), temp.resolve("site-" + s.name())));
        }
        return roots;
    }

    /** `kaoping build` of the shipped content, rubrics and theme into {@code out}. */
    static Path build(Path out) {
        return build(Shipped.CONTENT, Shipped.RUBRICS, out);
    }

    static Path build(Path content, Path rubrics, Path out) {
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
    void open(String relative) {
        String fragment = "";
        int hash = relative.indexOf('#');
        if (hash >= 0) {
            fragment = relative.substring(hash);
            relative = relative.substring(0, hash);
        }
        driver.get(file(relative).toUri() + fragment);
    }

    /** A page of the built sites: the sample's, or else the first example site that has it. */
    Path file(String relative) {
        for (Path r : roots.values()) {
            if (Files.exists(r.resolve(relative))) {
                return r.resolve(relative);
            }
        }
        throw new IllegalArgumentException("no built site has " + relative);
    }

    /** Opens a rubric's form with nothing saved: localStorage is shared by all file:// pages, so it is cleared. */
    void openBlank(String rubricId) {
        open("selfcheck/" + rubricId + ".html");
        js("localStorage.clear();");
        driver.navigate().refresh();
        waitReady();
    }

    void waitReady() {
        new WebDriverWait(driver, Duration.ofSeconds(10), POLL).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return !!window.KaopingSelfCheck;")));
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    String read(Path file) {
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
