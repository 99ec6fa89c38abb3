package org.kaoping.site;

import org.kaoping.cli.Main;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line as the jar does (with its top-level error handler), capturing what it prints. */
final class Cli {
    record Run(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Cli() {
    }

    static Run run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int code = cl.execute(args);
        return new Run(code, o.toString(), e.toString());
    }

    /** Synthetic content ({@code kaoping sample}) in {@code out}, the run asserted to succeed; returns {@code out}. */
    static java.nio.file.Path sample(java.nio.file.Path out, int stations, int periods, int seed) {
        Run s = run("sample", "--stations", "" + stations, "--periods", "" + periods, "--seed", "" + seed,
                "--out", out.toString());
        org.junit.jupiter.api.Assertions.assertEquals(0, s.exitCode(), s.all());
        return out;
    }
}
