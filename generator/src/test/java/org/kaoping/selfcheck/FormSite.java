package org.kaoping.selfcheck;

import org.kaoping.cli.Main;
import org.kaoping.support.Shipped;
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
 * The shipped site, built once into a temporary folder, and a headless Debian Chromium that opens
 * it from file:// as a reader would (shared/LIBRARIES.md: flags, no Selenium Manager).
 */
final class FormSite implements AutoCloseable {
    final Path root;
    /** The sample site first, then each example site (examples/NAME), by name. */
    final Map<String, Path> roots;
    final ChromeDriver driver;

    private FormSite(Map<String, Path> roots, ChromeDriver driver) {
        this.root = roots.get("sample");
        this.roots = roots;
        this.driver = driver;
    }

    static FormSite start(Path temp) {
        Map<String, Path> out = buildAll(temp);
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions opts = new ChromeOptions();
        opts.setBinary("/usr/bin/chromium");
        opts.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=1280,900");
        return new FormSite(out, new ChromeDriver(opts));
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
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
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
        driver.quit();
    }
}
