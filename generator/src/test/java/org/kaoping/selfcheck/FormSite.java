package org.kaoping.selfcheck;

import org.kaoping.cli.Main;
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

/**
 * The shipped site, built once into a temporary folder, and a headless Debian Chromium that opens
 * it from file:// as a reader would (shared/LIBRARIES.md: flags, no Selenium Manager).
 */
final class FormSite implements AutoCloseable {
    final Path root;
    final ChromeDriver driver;

    private FormSite(Path root, ChromeDriver driver) {
        this.root = root;
        this.driver = driver;
    }

    static FormSite start(Path temp) {
        return start(temp, "content", "rubrics");
    }

    /** The same, for another content and rubrics folder (an example of examples/). */
    static FormSite start(Path temp, String content, String rubrics) {
        Path out = build(temp.resolve("site"), content, rubrics);
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions opts = new ChromeOptions();
        opts.setBinary("/usr/bin/chromium");
        opts.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=1280,900");
        return new FormSite(out, new ChromeDriver(opts));
    }

    /** `kaoping build` of the shipped content, rubrics and theme into {@code out}. */
    static Path build(Path out) {
        return build(out, "content", "rubrics");
    }

    static Path build(Path out, String content, String rubrics) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int code = cl.execute("build", "--content", content, "--rubrics", rubrics, "--theme", "site-theme",
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
        driver.get(root.resolve(relative).toUri() + fragment);
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
