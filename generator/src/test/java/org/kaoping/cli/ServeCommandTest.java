package org.kaoping.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.serve.BuildOutcome;
import org.kaoping.serve.LiveServer;
import org.kaoping.support.Chromium;
import org.kaoping.support.Cli;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `serve` on a free port: a changed score appears, a broken file shows the overlay over the last good page. */
class ServeCommandTest {
    /** The run's browser, shared with the other browser classes. */
    @RegisterExtension
    static final Chromium chromium = new Chromium();
    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String waitFor(int port, String path, Predicate<String> until) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String body = "";
        while (System.nanoTime() < end) {
            body = get(port, path).body();
            if (until.test(body)) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("page " + path + " never matched; last:\n" + body);
    }

    @Test
    @DisplayName("serve rebuilds on change, reloads with the new total, and overlays a build error over the last good page")
    void rebuildsAndOverlays() throws Exception {
        Path content = Cli.contentCopy(tmp);
        Folders f = new Folders();
        f.content = content;
        f.rubrics = Path.of("rubrics");
        f.theme = Path.of("site-theme");
        f.out = tmp.resolve("site");
        List<BuildOutcome> told = new CopyOnWriteArrayList<>();
        try (ServeCommand.Session session = ServeCommand.Session.open(f, 0, told::add)) {
            LiveServer server = session.server();
            server.start(List.of(f.content, f.rubrics, f.theme));
            int port = server.port();
            assertTrue(told.get(0).ok(), told.get(0).report());
            String page = get(port, "/periods/2023-q2.html").body();
            assertTrue(page.contains("97.32"), "库区's published total");
            assertTrue(page.contains("<script src=\"/__kaoping/live.js\"></script>"), "served pages carry the reload script");
            assertTrue(page.contains("connect-src &#39;self&#39;"), "the served page may open the event stream");
            assertEquals(404, get(port, "/../pom.xml").statusCode());

            ChromeDriver browser = chromium.driver;
            try {
                browser.get("http://127.0.0.1:" + port + "/periods/2023-q2.html");
                browser.executeScript("window.kaopingMark = 'before';");

                // 库区's 评价量化计分 94.8 → 90.8: total 99 × 0.6 + 90.8 × 0.4 = 95.72.
                Path period = content.resolve("periods/2023-q2.json");
                String json = Files.readString(period);
                assertTrue(json.contains("\"evaluation\": 94.8"));
                Files.writeString(period, json.replaceFirst("\"evaluation\": 94.8", "\"evaluation\": 90.8"));
                waitFor(port, "/periods/2023-q2.html", b -> b.contains("95.72"));
                // The page reloads while this looks: a body found just before the reload is stale, so look again.
                new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(50))
                        .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d ->
                        d.findElement(By.tagName("body")).getText().contains("95.72")
                                && !"before".equals(((ChromeDriver) d).executeScript("return window.kaopingMark || null;")));

                // The output folder is written after the preview, about a second later: it must hold this good build
                // before the input breaks (a write that starts after the break fails, and leaves the folder as it was).
                session.writes().await();
                assertTrue(Files.readString(f.out.resolve("periods/2023-q2.html")).contains("95.72"),
                        "the output folder is written after the preview");
                Files.writeString(content.resolve("stations.json"), "{ \"stations\": [ ");
                new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(50))
                        .until(d -> !d.findElements(By.id("kaoping-build-error")).isEmpty());
                String overlay = browser.findElement(By.id("kaoping-build-error")).getText();
                // For people to look at (not asserted): the overlay as a reader sees it.
                Files.write(Path.of("generator/target/serve-overlay.png"),
                        browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
                assertTrue(overlay.contains("构建失败") && overlay.contains("stations.json"), overlay + "\n---\n" + told.get(told.size() - 1).report());
                assertTrue(told.stream().anyMatch(b -> !b.ok() && b.report().contains("stations.json")));
                String still = get(port, "/periods/2023-q2.html").body();
                assertTrue(still.contains("95.72"), "the last good page is still served");
            } finally {
                // Off the served page (and its event stream) before the server stops.
                browser.get("about:blank");
            }
            session.writes().await();
        }
        assertTrue(Files.readString(f.out.resolve("periods/2023-q2.html")).contains("95.72"),
                "a failed write leaves the last good output folder as it was");
        try (Stream<Path> files = Files.walk(f.out)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                assertFalse(Files.readString(p).contains("__kaoping"), p + " on disk carries the reload script");
            }
        }
    }
}
