package org.kaoping.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of kaoping.jar. */
@Command(name = "kaoping", mixinStandardHelpOptions = true, version = "kaoping 0.1.0",
        description = "Static site generator for judicial-office assessment results (考评).",
        subcommands = {CheckCommand.class, BuildCommand.class, ScoreCommand.class, VerifyCommand.class,
                NewPeriodCommand.class, ImportCommand.class, PublishCommand.class, ServeCommand.class, SampleCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, for callers that set their own output streams. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        // The last line of defence: whatever a command did not expect is reported in one line, never as a
        // stack trace (each cause found is fixed where it arises; this only keeps the promise meanwhile).
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String what = org.kaoping.load.Quote.of(String.valueOf(e));
            commandLine.getErr().println(commandLine.getCommandName() + ": internal error: " + what
                    + (e.getStackTrace().length > 0 ? " at " + e.getStackTrace()[0] : "")
                    + "; please report it with the input that caused it");
            commandLine.getErr().flush();
            return 1;
        });
        return cli;
    }
}
