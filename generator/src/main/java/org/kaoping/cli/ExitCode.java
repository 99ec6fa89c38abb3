package org.kaoping.cli;

/** The exit codes every subcommand keeps (README, "Exit codes"). Picocli itself returns 2 for usage errors. */
final class ExitCode {
    static final int OK = 0;
    /** The data is wrong: check errors, an import with problems, a build refused by check. */
    static final int DATA = 1;
    /** The command line is wrong: unknown option, missing argument, an id or rubric that does not exist. */
    static final int USAGE = 2;
    /** Kaoping refused to write: the target exists and is not its to replace, or writing failed. */
    static final int OUTPUT_REFUSED = 3;

    private ExitCode() {
    }
}
