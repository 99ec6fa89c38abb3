package org.kaoping.parity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.kaoping.render.Compactor;
import org.kaoping.support.Chromium;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * One headless Debian Chromium ({@link Chromium}) with a harness page that loads the browser engine's scripts
 * (site-theme/js/kaoping-*.js, {@link #SCRIPTS} in load order) by {@code <script src="file://…">}, as the
 * built site will (shared/LIBRARIES.md: costs). The scripts are loaded as the build ships them
 * (through {@link Compactor}), so parity covers what runs.
 * Sheets are scored in batches inside the page: one executeScript per batch, JSON text both ways.
 */
final class Browser implements AutoCloseable {
    /** The engine's scripts in the order the self-check page loads them; kaoping-score.js defines Kaoping. */
    static final List<Path> SCRIPTS = Stream.of("kaoping-decimal.js", "kaoping-messages.js", "kaoping-input.js",
            "kaoping-sheet.js", "kaoping-rubric.js", "kaoping-rules.js", "kaoping-score.js").map(f -> Path.of("site-theme/js", f).toAbsolutePath()).toList();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final com.fasterxml.jackson.databind.ObjectWriter ASCII = JSON.writer()
            .with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII);
    private static final int BATCH = 400;

    private final ChromeDriver driver;
    private final Path dir;
    /** Where {@link #scoreHashedAsync} talks to the page: one thread, so the page is never asked twice at once. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parity-browser");
        t.setDaemon(true);
        return t;
    });
    private int batchCount;

    private Browser(ChromeDriver driver, Path dir) {
        this.driver = driver;
        this.dir = dir;
    }

    static Browser start() {
        try {
            Path dir = Files.createTempDirectory("kaoping-parity");
            StringBuilder tags = new StringBuilder();
            for (Path script : SCRIPTS) {
                Path shipped = dir.resolve(script.getFileName().toString());
                Files.write(shipped, Compactor.compact(shipped.getFileName().toString(), Files.readAllBytes(script)));
                tags.append("<script src=\"").append(shipped.toUri()).append("\"></script>\n");
            }
            Path page = dir.resolve("harness.html");
            Files.writeString(page, """
                    <!doctype html>
                    <html lang="en"><head><meta charset="utf-8"><title>kaoping-score parity harness</title>
                    %s<script>
                    window.parity = {
                      rubrics: {},
                      load: function (id, text) { this.rubrics[id] = JSON.parse(text); return id; },
                      hash: function (str) {
                        var h1 = 0xdeadbeef, h2 = 0x41c6ce57;
                        for (var i = 0; i < str.length; i++) {
                          var ch = str.charCodeAt(i);
                          h1 = Math.imul(h1 ^ ch, 2654435761);
                          h2 = Math.imul(h2 ^ ch, 1597334677);
                        }
                        h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
                        h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
                        return (h2 >>> 0).toString(16) + ':' + (h1 >>> 0).toString(16) + ':' + str.length;
                      },
                      hashed: function (id, sheets) {
                        var rubric = this.rubrics[id], self = this;
                        return sheets.map(function (sheet) {
                          try {
                            return { h: self.hash(JSON.stringify(Kaoping.score(rubric, sheet))) };
                          } catch (e) {
                            return { error: String(e && e.message), path: e && e.path !== undefined ? e.path : null,
                                     name: e && e.name, code: e && e.code !== undefined ? e.code : null };
                          }
                        });
                      },
                      runHashedGroups: function (groupsText) {
                        var self = this;
                        return JSON.stringify(JSON.parse(groupsText).map(function (g) { return self.hashed(g[0], g[1]); }));
                      },
                      run: function (id, sheetsText) {
                        var rubric = this.rubrics[id];
                        return JSON.stringify(JSON.parse(sheetsText).map(function (sheet) {
                          try {
                            return { ok: Kaoping.score(rubric, sheet) };
                          } catch (e) {
                            return { error: String(e && e.message), path: e && e.path !== undefined ? e.path : null,
                                     name: e && e.name, code: e && e.code !== undefined ? e.code : null };
                          }
                        }));
                      }
                    };
                    </script></head><body><p id="ready">harness</p></body></html>
                    """.formatted(tags));
            // V8's JSON.stringify fast path spends 70-150 ms before it gives up on a cyclic value (the slow path
            // refuses one in microseconds); the engine words an odd value with JSON.stringify (kaoping-messages.js),
            // and MalformedSheetParityTest hands it cycles in 15 places per rubric. Same results, a path of the same
            // function; without it that test took 14 s, not 0.5. (A browser of its own: the flag is the process's.)
            ChromeDriver driver = Chromium.start("--js-flags=--no-json-stringify-fast-path");
            driver.get(page.toUri().toString());
            Object loaded = driver.executeScript("return typeof Kaoping === 'object' && Kaoping.version;");
            if (!(loaded instanceof String)) {
                driver.quit();
                throw new IllegalStateException("the engine's scripts did not load from " + dir.toUri());
            }
            return new Browser(driver, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object eval(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    void loadRubric(String id, String json) {
        driver.executeScript("return parity.load(arguments[0], arguments[1]);", id, json);
    }

    /**
     * Scores every group's sheets in the page, a list per group in order, per sheet {h: hash of the breakdown's
     * compact JSON text} or {error, path, name, code} (only hashes cross the wire; {@link #score} fetches a whole
     * breakdown), on a thread of its own (the caller
     * scores in Java meanwhile). A group's rubric, when it has its text, is loaded in the page by the same batch
     * file; groups go whole into batches of about {@link #BATCH} sheets: one round trip per batch, not two per
     * group.
     */
    CompletableFuture<List<List<JsonNode>>> scoreHashedAsync(List<Parity.Group> groups) {
        return CompletableFuture.supplyAsync(() -> {
            List<List<JsonNode>> out = new ArrayList<>(groups.size());
            for (int from = 0; from < groups.size(); ) {
                int to = from;
                int sheets = 0;
                while (to < groups.size() && (to == from || sheets + groups.get(to).cases().size() <= BATCH)) {
                    sheets += groups.get(to++).cases().size();
                }
                List<Parity.Group> batch = groups.subList(from, to);
                StringBuilder loads = new StringBuilder();
                StringBuilder pending = new StringBuilder("[");
                for (Parity.Group g : batch) {
                    if (g.rubricJson() != null) {
                        loads.append("parity.load(").append(literal(g.rubric().id())).append(", ")
                                .append(literal(g.rubricJson())).append(");\n");
                    }
                    pending.append(pending.length() > 1 ? "," : "").append('[').append(literal(g.rubric().id())).append(",[")
                            .append(String.join(",", g.cases().stream().map(Parity.Case::sheetJson).toList())).append("]]");
                }
                ArrayNode arr = run("runHashedGroups", null, loads + "parity.pending = " + literal(pending.append(']')
                        .toString()) + ";\n");
                for (JsonNode group : arr) {
                    List<JsonNode> results = new ArrayList<>(group.size());
                    group.forEach(results::add);
                    out.add(results);
                }
                from = to;
            }
            return out;
        }, worker);
    }

    /** Scores every sheet in the page: per sheet {ok: breakdown} or {error, path, name, code}. */
    List<JsonNode> score(String rubricId, List<String> sheets) {
        return batches("run", rubricId, sheets);
    }

    /** The hash the page applies, over UTF-16 code units (cyrb53-style, two 32-bit lanes). */
    static String hash(String str) {
        int h1 = 0xdeadbeef;
        int h2 = 0x41c6ce57;
        for (int i = 0; i < str.length(); i++) {
            int ch = str.charAt(i);
            h1 = (h1 ^ ch) * (int) 2654435761L;
            h2 = (h2 ^ ch) * 1597334677;
        }
        h1 = ((h1 ^ (h1 >>> 16)) * (int) 2246822507L) ^ ((h2 ^ (h2 >>> 13)) * (int) 3266489909L);
        h2 = ((h2 ^ (h2 >>> 16)) * (int) 2246822507L) ^ ((h1 ^ (h1 >>> 13)) * (int) 3266489909L);
        return Integer.toHexString(h2) + ":" + Integer.toHexString(h1) + ":" + str.length();
    }

    private List<JsonNode> batches(String fn, String rubricId, List<String> sheets) {
        List<JsonNode> out = new ArrayList<>(sheets.size());
        for (int from = 0; from < sheets.size(); from += BATCH) {
            List<String> batch = sheets.subList(from, Math.min(sheets.size(), from + BATCH));
            run(fn, rubricId, "parity.pending = " + literal("[" + String.join(",", batch) + "]") + ";\n")
                    .forEach(out::add);
        }
        return out;
    }

    /**
     * Runs {@code parity[fn](rubricId, pending)} (or {@code parity[fn](pending)} without an id) once the page has
     * loaded {@code script}, which sets parity.pending: handed over as a file:// script beside the harness, not
     * as a WebDriver argument (a megabyte of that takes about 0.5 s through chromedriver, ten times the scoring;
     * the file loads in milliseconds).
     */
    private ArrayNode run(String fn, String rubricId, String script) {
        Path file = dir.resolve("batch-" + (batchCount++) + ".js");
        try {
            Files.writeString(file, script, java.nio.charset.StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String result = (String) driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1], s = document.createElement('script');
                s.onload = function (fn, id) {
                  var sheets = parity.pending;
                  parity.pending = null;
                  s.remove();
                  done(id === null ? parity[fn](sheets) : parity[fn](id, sheets));
                }.bind(null, arguments[0], arguments[1]);
                s.onerror = function () { done(null); };
                s.src = arguments[2];
                document.head.appendChild(s);
                """, fn, rubricId, file.toUri().toString());
        if (result == null) {
            throw new IllegalStateException("the page could not load the batch of sheets from " + dir);
        }
        try {
            Files.delete(file);
            return (ArrayNode) JSON.readTree(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JavaScript string literal of the text (JSON's), every character outside ASCII escaped: the text reaches
     * the page exactly, lone surrogates included.
     */
    private static String literal(String text) {
        try {
            return ASCII.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            driver.quit();
        } finally {
            Chromium.removeQuietly(dir);
        }
    }
}
