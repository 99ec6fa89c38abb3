package org.kaoping.cli;

import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** `--quiet`: no progress lines, for scripts (progress is also off whenever stderr is not a terminal). */
public final class Quiet {
    @Option(names = {"-q", "--quiet"}, description = "no progress output")
    boolean quiet;

    Progress progress(PrintWriter err) {
        return new Progress(err, !quiet && System.console() != null);
    }
}
