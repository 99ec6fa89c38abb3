package org.kaoping.serve;

import java.nio.charset.StandardCharsets;

/**
 * What `serve` adds to a page on its way to the browser — never to the files in output/: the
 * live-reload script, and `connect-src 'self'` so the page may open the event stream. The built
 * page's policy otherwise stays as it is.
 */
final class LiveReload {
    static final String SCRIPT_PATH = "/__kaoping/live.js";
    static final String EVENTS_PATH = "/__kaoping/events";
    private static final String TAG = "<script src=\"" + SCRIPT_PATH + "\"></script>";

    private LiveReload() {
    }

    static byte[] inject(byte[] html) {
        String page = new String(html, StandardCharsets.UTF_8);
        page = page.replace("connect-src 'none'", "connect-src 'self'")
                .replace("connect-src &#39;none&#39;", "connect-src &#39;self&#39;");
        int body = page.lastIndexOf("</body>");
        page = body < 0 ? page + TAG : page.substring(0, body) + TAG + page.substring(body);
        return page.getBytes(StandardCharsets.UTF_8);
    }
}
