package org.kaoping.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of kaoping.jar. */
@Command(name = "kaoping", mixinStandardHelpOptions = true, version = "kaoping 0.1.0",
        description = "Static site generator for judicial-office assessment results (考评).",
        subcommands = {CheckCommand.class, BuildCommand.class, ScoreCommand.class, SampleCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }
}
