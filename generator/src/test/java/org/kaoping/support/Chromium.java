package org.kaoping.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Headless Debian Chromium as every browser test drives it (shared/LIBRARIES.md: flags, no Selenium Manager), and
 * the browsers the classes of a test run share: {@code @RegisterExtension static final Chromium browser = new
 * Chromium();} gives the class {@link #driver}, at the desktop window size, for its tests alone, and takes it back
 * after them. Test classes run two at a time, so the run keeps a pool: a class takes an idle browser or, if none is
 * idle, starts one (a second or more per start); JUnit quits them all when the run ends.
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback {
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(Chromium.class);

    public ChromeDriver driver;

    @Override
    public void beforeAll(ExtensionContext context) {
        driver = take(context);
        Chromium.size(driver, DESKTOP);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        giveBack(context, driver);
        driver = null;
    }

    /**
     * Lays the browser's pages out at {@code size}. Headless windows are at least 500 px wide, so a window set to a
     * phone's 390 px still lays pages out at 500: a narrower size is emulated, and a wider one clears the emulation
     * and sizes the window. The emulation is not a "mobile" one, which would lay out a page without a viewport tag
     * (a test's own page, about:blank) at 980 px. Checked: the page's width is the size's.
     */
    public static void size(ChromeDriver driver, Dimension size) {
        if (size.getWidth() < 500) {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", size.getWidth(),
                    "height", size.getHeight(), "deviceScaleFactor", 1, "mobile", false));
        } else {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
            driver.manage().window().setSize(size);
        }
        Object width = driver.executeScript("return window.innerWidth;");
        if (((Number) width).intValue() != size.getWidth()) {
            throw new IllegalStateException("the page is " + width + " px wide, not " + size.getWidth());
        }
    }

    /** A browser of the run's pool, the caller's alone until it is given back ({@link #giveBack}). */
    public static ChromeDriver take(ExtensionContext context) {
        return pool(context).take();
    }

    /** Gives a browser taken with {@link #take} back to the pool, for the next class. */
    public static void giveBack(ExtensionContext context, ChromeDriver driver) {
        pool(context).giveBack(driver);
    }

    /**
     * The run's second shared browser, for checks that run beside a class's own browser on another thread: axe keeps
     * a page's one renderer thread busy for seconds while the test waits, and the machine has a second core. Driven
     * by one thread only ({@link FormSite#beside}), so classes side by side take turns with it.
     */
    public static ChromeDriver beside(ExtensionContext context) {
        return context.getRoot().getStore(SHARED).getOrComputeIfAbsent("beside", k -> new Running(start()),
                Running.class).driver();
    }

    private static Pool pool(ExtensionContext context) {
        return context.getRoot().getStore(SHARED).getOrComputeIfAbsent(Pool.class, k -> new Pool(), Pool.class);
    }

    /** The run's browsers, idle or taken; closed by JUnit when the run ends. */
    private static final class Pool implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final Deque<ChromeDriver> idle = new ArrayDeque<>();
        private final List<ChromeDriver> all = new ArrayList<>();

        ChromeDriver take() {
            synchronized (this) {
                ChromeDriver d = idle.poll();
                if (d != null) {
                    return d;
                }
            }
            ChromeDriver started = start(); // outside the lock: a start takes a second
            synchronized (this) {
                all.add(started);
            }
            return started;
        }

        synchronized void giveBack(ChromeDriver driver) {
            idle.push(driver);
        }

        @Override
        public synchronized void close() {
            all.forEach(ChromeDriver::quit);
        }
    }

    /** Closed by JUnit when the run ends. */
    private record Running(ChromeDriver driver) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            driver.quit();
        }
    }

    /** A browser of its own (the caller quits it), with the standard flags and {@code extra} ones. */
    public static ChromeDriver start(String... extra) {
        // Selenium warns that it has no DevTools bindings for this Chromium; the tests send DevTools commands
        // through executeCdpCommand, which needs none.
        Logger.getLogger("org.openqa.selenium.devtools").setLevel(Level.SEVERE);
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"); // no Selenium Manager, no network
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        List<String> flags = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight(),
                // Pages are opened one after another and never gone back to: keeping the page left in the
                // back-forward cache, and a new document and browsing instance per navigation, cost a third of
                // each page load (24 file:// page loads: 5.4-7.8 s instead of 7.0-11.4 s, same machine, load 6-11).
                "--disable-features=BackForwardCache,RenderDocument,ProactivelySwapBrowsingInstance"));
        flags.addAll(List.of(extra));
        o.addArguments(flags);
        // Chromium makes its singleton socket's folder in TMPDIR and, ended by chromedriver, never removes it: one
        // org.chromium.Chromium.* folder in /tmp per browser started (523 after a day's runs). Each browser gets
        // a TMPDIR of its own, removed when it quits.
        Path tmp;
        try {
            tmp = Files.createTempDirectory("kaoping-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .withEnvironment(Map.of("TMPDIR", tmp.toString()))
                .build();
        return new ChromeDriver(service, o) {
            @Override
            public void quit() {
                try {
                    super.quit();
                } finally {
                    removeQuietly(tmp);
                }
            }
        };
    }

    /**
     * Removes a folder a browser worked in (its TMPDIR, a page's scripts), as far as it can: each file that cannot go
     * stays, and a folder left in /tmp is harmless to the test's outcome.
     */
    public static void removeQuietly(Path folder) {
        try (var walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // gone already, or unreadable: left to the system's cleaning
        }
    }
}
