package org.kaoping.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The four folders every subcommand works on, defaulting to the repository layout. */
public final class Folders {
    @Option(names = "--content", description = "content folder (default: ${DEFAULT-VALUE})", defaultValue = "content")
    Path content;

    @Option(names = "--rubrics", description = "rubrics folder (default: ${DEFAULT-VALUE})", defaultValue = "rubrics")
    Path rubrics;

    @Option(names = "--theme", description = "site theme folder (default: ${DEFAULT-VALUE})", defaultValue = "site-theme")
    Path theme;

    @Option(names = "--out", description = "output folder (default: ${DEFAULT-VALUE})", defaultValue = "output")
    Path out;
}
