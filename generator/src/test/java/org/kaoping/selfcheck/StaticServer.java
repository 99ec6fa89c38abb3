package org.kaoping.selfcheck;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A web server as the README describes the deployment: a built site under a base path, and for any
 * address it has no file for, status 404 with the site's 404.html (nginx {@code error_page 404},
 * Apache {@code ErrorDocument 404}). JDK only; on 127.0.0.1, a free port.
 */
final class StaticServer {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "css", "text/css",
            "js", "text/javascript", "json", "application/json", "svg", "image/svg+xml", "png", "image/png");

    private StaticServer() {
    }

    static HttpServer start(String basePath, Path site) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", ex -> serve(ex, basePath, site));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void serve(HttpExchange ex, String basePath, Path site) throws IOException {
        try (ex) {
            String path = URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            Path file = null;
            if (path.startsWith(basePath)) {
                String rest = path.substring(basePath.length());
                Path f = site.resolve(rest.isEmpty() || rest.endsWith("/") ? rest + "index.html" : rest).normalize();
                file = f.startsWith(site) && Files.isRegularFile(f) ? f : null;
            }
            int status = file == null ? 404 : 200;
            Path body = file == null ? site.resolve("404.html") : file;
            String name = body.getFileName().toString();
            ex.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1),
                    "application/octet-stream"));
            byte[] bytes = Files.readAllBytes(body);
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
