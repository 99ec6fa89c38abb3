package org.kaoping.serve;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Server-sent events to the open pages: "reload" after a good rebuild, "failed" with the build's
 * report after a bad one. A page that connects while the last build failed gets the report at once,
 * so the overlay shows on every page opened until the data is fixed.
 */
final class EventStream {
    private final List<OutputStream> clients = new ArrayList<>();
    private String failure;

    synchronized void connect(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        clients.add(out);
        send(out, failure == null ? "ok" : "failed", failure == null ? "" : failure);
    }

    synchronized void built(BuildOutcome outcome) {
        failure = outcome.ok() ? null : outcome.report();
        broadcast(outcome.ok() ? "reload" : "failed", outcome.ok() ? "" : outcome.report());
    }

    synchronized void close() {
        for (OutputStream out : clients) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the page went away already
            }
        }
        clients.clear();
    }

    private void broadcast(String event, String data) {
        clients.removeIf(out -> !send(out, event, data));
    }

    private static boolean send(OutputStream out, String event, String data) {
        StringBuilder b = new StringBuilder("event: ").append(event).append('\n');
        for (String line : data.split("\n", -1)) {
            b.append("data: ").append(line).append('\n');
        }
        b.append('\n');
        try {
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException gone) {
            return false;
        }
    }
}
