package org.kaoping.cli;

import java.io.PrintWriter;

/**
 * Progress for people at a terminal: one line rewritten in place ("\r"), cleared when done.
 * Off when output is piped or with --quiet, so logs and scripts see only results.
 */
final class Progress {
    private final PrintWriter err;
    private final boolean on;
    private int width;

    Progress(PrintWriter err, boolean on) {
        this.err = err;
        this.on = on;
    }

    void step(String what) {
        if (!on) {
            return;
        }
        String line = "… " + what;
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = line.length();
    }

    void done() {
        if (on && width > 0) {
            err.print("\r" + " ".repeat(width * 2) + "\r");
            err.flush();
            width = 0;
        }
    }
}
