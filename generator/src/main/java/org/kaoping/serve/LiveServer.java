package org.kaoping.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * `kaoping serve`: the built site on 127.0.0.1, rebuilt when its sources change, with pages that
 * reload themselves. The JDK's own HTTP server (com.sun.net.httpserver, a supported exported API)
 * is enough for one person previewing on their own machine, and adds no dependency to the jar.
 * Whatever the build leaves in output/ is served: a failed build leaves the last good site there.
 */
public final class LiveServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "json", "application/json",
            "svg", "image/svg+xml", "png", "image/png", "txt", "text/plain; charset=utf-8", "ico", "image/x-icon");
    private final Path site;
    private final Supplier<BuildOutcome> build;
    private final Consumer<BuildOutcome> report;
    private final EventStream events = new EventStream();
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kaoping-serve");
        t.setDaemon(true);
        return t;
    });
    private FolderWatch watch;

    /**
     * @param site   the output folder the build writes
     * @param build  one build (the same as `kaoping build`)
     * @param report where each build's outcome is told (the terminal)
     */
    public LiveServer(Path site, int port, Supplier<BuildOutcome> build, Consumer<BuildOutcome> report) throws IOException {
        this.site = site.toAbsolutePath().normalize();
        this.build = build;
        this.report = report;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
    }

    /** Builds once, starts serving and watching the sources. */
    public void start(List<Path> sources) throws IOException {
        rebuild();
        server.start();
        watch = new FolderWatch(sources, this::rebuild);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private synchronized void rebuild() {
        BuildOutcome outcome = build.get();
        report.accept(outcome);
        events.built(outcome);
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
            Path file = resolve(path);
            if (file == null) {
                Path notFound = site.resolve("404.html");
                byte[] body = Files.isRegularFile(notFound) ? LiveReload.inject(Files.readAllBytes(notFound))
                        : "404".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                send(ex, 404, TYPES.get("html"), body);
                return;
            }
            String type = TYPES.getOrDefault(extension(file), "application/octet-stream");
            byte[] body = Files.readAllBytes(file);
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

    /** A request path to a file inside the site, or null: nothing outside the output folder is ever served. */
    private Path resolve(String path) {
        String rel = path.startsWith("/") ? path.substring(1) : path;
        if (rel.isEmpty() || rel.endsWith("/")) {
            rel = rel + "index.html";
        }
        Path file = site.resolve(rel).normalize();
        if (!file.startsWith(site) || file.getFileName().toString().startsWith(".")) {
            return null;
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        return Files.isRegularFile(file) ? file : null;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
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
