package org.kaoping.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * `kaoping serve`: the built site on 127.0.0.1, rebuilt when its sources change, with pages that
 * reload themselves. The JDK's own HTTP server (com.sun.net.httpserver, a supported exported API)
 * is enough for one person previewing on their own machine, and adds no dependency to the jar.
 * What is served is the last good build's {@link SiteView} (held in memory, pages made when asked for), not
 * the files on disk: a failed build leaves the last good site served, and the build may write its output
 * folder after the preview has been updated.
 */
public final class LiveServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "json", "application/json",
            "svg", "image/svg+xml", "png", "image/png", "txt", "text/plain; charset=utf-8", "ico", "image/x-icon");
    private final Function<Changes, BuildOutcome> build;
    private final Consumer<BuildOutcome> report;
    private final EventStream events = new EventStream();
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kaoping-serve");
        t.setDaemon(true);
        return t;
    });
    private FolderWatch watch;
    private volatile SiteView site = path -> null;

    /**
     * @param build  one build after the given changes (its site the same as `kaoping build` writes), or null
     *               when none of the changed files is one the site is made from
     * @param report where each build's outcome is told (the terminal)
     */
    public LiveServer(int port, Function<Changes, BuildOutcome> build, Consumer<BuildOutcome> report) throws IOException {
        this.build = build;
        this.report = report;
        // The JDK's server leaves Nagle's algorithm on: a browser asking for a page's stylesheet, scripts and data
        // over one connection waits about 40 ms (a delayed acknowledgement) for each answer. Read when the first
        // server starts; a value given on the command line is kept.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
    }

    /** Builds once, starts serving and watching the sources. */
    public void start(List<Path> sources) throws IOException {
        rebuild(Changes.all());
        server.start();
        watch = new FolderWatch(sources, this::rebuild);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private synchronized void rebuild(Changes changes) {
        BuildOutcome outcome = build.apply(changes);
        if (outcome == null) {
            return; // nothing the site is made from changed
        }
        if (outcome.ok()) {
            site = outcome.site();
        }
        events.built(outcome);
        report.accept(outcome);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(ex, 405, "text/plain; charset=utf-8", "只支持 GET".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return;
            }
            String path = ex.getRequestURI().getPath();
            if (path.equals(LiveReload.EVENTS_PATH)) {
                events.connect(ex);
                keepOpen(ex);
                return;
            }
            if (path.equals(LiveReload.SCRIPT_PATH)) {
                try (InputStream in = LiveServer.class.getResourceAsStream("live.js")) {
                    send(ex, 200, TYPES.get("js"), in.readAllBytes());
                }
                return;
            }
            SiteView view = site;
            String file = plain(path);
            byte[] body;
            try {
                body = file == null ? null : view.file(file);
                if (body == null && file != null && !file.endsWith("index.html")) {
                    // A folder's address: its index page, as a static server would answer.
                    file = file + "/index.html";
                    body = view.file(file);
                }
            } catch (RuntimeException e) {
                // A page is made when asked for: what `build` would have refused shows here (and in the terminal,
                // when the output folder's write fails the same way).
                send(ex, 500, "text/plain; charset=utf-8", ("页面生成失败：" + e.getMessage())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return;
            }
            if (body == null) {
                byte[] notFound = view.file("404.html");
                send(ex, 404, TYPES.get("html"), notFound != null ? LiveReload.inject(notFound)
                        : "404".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return;
            }
            String type = TYPES.getOrDefault(extension(file), "application/octet-stream");
            send(ex, 200, type, type.startsWith("text/html") ? LiveReload.inject(body) : body);
        }
    }

    /** The event stream stays open until the page goes away or the server stops. */
    private static void keepOpen(HttpExchange ex) {
        try {
            ex.getRequestBody().readAllBytes();
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(60_000);
            }
        } catch (InterruptedException | IOException done) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The request path as a path relative to the site root, or null. The site answers only its own relative
     * paths; a path that is not plain ("..", ".", empty segments, a hidden name such as the marker) is refused
     * before it is asked.
     */
    private static String plain(String path) {
        String rel = path.startsWith("/") ? path.substring(1) : path;
        if (rel.isEmpty() || rel.endsWith("/")) {
            rel = rel + "index.html";
        }
        for (String segment : rel.split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".") || segment.indexOf('\\') >= 0) {
                return null;
            }
        }
        return rel;
    }

    private static String extension(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            ex.getResponseBody().write(body);
        }
    }

    @Override
    public void close() throws IOException {
        if (watch != null) {
            watch.close();
        }
        events.close();
        server.stop(0);
        pool.shutdownNow();
    }
}
