package org.kaoping.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The four folders every subcommand works on, defaulting to the repository layout. */
public final class Folders {
    /** The defaults, as picocli and {@link PlainBuildLine} read them. */
    static final String CONTENT = "content";
    static final String RUBRICS = "rubrics";
    static final String THEME = "site-theme";
    static final String OUT = "output";

    @Option(names = "--content", description = "content folder (default: ${DEFAULT-VALUE})", defaultValue = CONTENT)
    Path content;

    @Option(names = "--rubrics", description = "rubrics folder (default: ${DEFAULT-VALUE})", defaultValue = RUBRICS)
    Path rubrics;

    @Option(names = "--theme", description = "site theme folder (default: ${DEFAULT-VALUE})", defaultValue = THEME)
    Path theme;

    @Option(names = "--out", description = "output folder (default: ${DEFAULT-VALUE})", defaultValue = OUT)
    Path out;
}
