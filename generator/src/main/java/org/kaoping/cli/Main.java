package org.kaoping.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of kaoping.jar. */
@Command(name = "kaoping", mixinStandardHelpOptions = true, version = "kaoping 0.1.0",
        description = "Static site generator for judicial-office assessment results (考评).",
        subcommands = {CheckCommand.class, BuildCommand.class, ScoreCommand.class, VerifyCommand.class,
                NewPeriodCommand.class, ImportCommand.class, PublishCommand.class, ServeCommand.class, SampleCommand.class})
public final class Main {
    /** The top-level command with no subcommands of its own: {@link #commandLine(String[])} adds the one invoked. */
    @Command(name = "kaoping", mixinStandardHelpOptions = true, version = "kaoping 0.1.0",
            description = "Static site generator for judicial-office assessment results (考评).")
    static final class Lean {
    }

    /**
     * The subcommand of this name (as in the annotation above), or null: for a command line that registers only
     * one. A switch, not a map of constructor references: each reference would spin a class at start-up.
     */
    private static Object command(String name) {
        return switch (name) {
            case "check" -> new CheckCommand();
            case "build" -> new BuildCommand();
            case "score" -> new ScoreCommand();
            case "verify" -> new VerifyCommand();
            case "new-period" -> new NewPeriodCommand();
            case "import" -> new ImportCommand();
            case "publish" -> new PublishCommand();
            case "serve" -> new ServeCommand();
            case "sample" -> new SampleCommand();
            default -> null;
        };
    }

    public static void main(String[] args) {
        ReflectionInflation.defer(); // before anything calls through reflection
        RunPlan.atStart(args); // may run the command in a second JVM and end this process
        if (args.length > 0 && args[0].equals("build")) {
            // The office writers load on the second core while picocli reads the command line (BuildCommand
            // starts it too, for builds that do not come through main; it runs once per process).
            org.kaoping.render.OfficeWarmUp.start();
        }
        System.exit(SecondJvm.exitCode(run(args)));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        PlainBuildLine.Reading plain = PlainBuildLine.read(args);
        return plain != null ? PlainBuildLine.run(plain) : commandLine(args).execute(args);
    }

    /** The configured command line, for callers that set their own output streams. */
    public static CommandLine commandLine() {
        return handled(new CommandLine(new Main()));
    }

    /**
     * The command line for these arguments. picocli reads every registered command's annotations up front;
     * when the first argument names a subcommand, only that one is registered (a build need not pay for the
     * other eight at start-up). Anything else — no subcommand, --help, a misspelt name — gets {@link Main}
     * with all of them, so help and suggestions are as always.
     */
    static CommandLine commandLine(String[] args) {
        Object command = args.length > 0 ? command(args[0]) : null;
        if (command != null) {
            CommandLine cli = new CommandLine(new Lean());
            cli.addSubcommand(args[0], command);
            return handled(cli);
        }
        return commandLine();
    }

    private static CommandLine handled(CommandLine cli) {
        // The last line of defence: whatever a command did not expect is reported in one line, never as a
        // stack trace (each cause found is fixed where it arises; this only keeps the promise meanwhile).
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) ->
                internalError(commandLine.getCommandName(), e, commandLine.getErr()));
        return cli;
    }

    /** Says in one line that a command met what it did not expect; returns the exit code. */
    static int internalError(String command, Exception e, java.io.PrintWriter err) {
        String what = org.kaoping.load.Quote.of(String.valueOf(e));
        err.println(command + ": internal error: " + what
                + (e.getStackTrace().length > 0 ? " at " + e.getStackTrace()[0] : "")
                + "; please report it with the input that caused it");
        err.flush();
        return 1;
    }
}
