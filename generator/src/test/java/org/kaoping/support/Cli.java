package org.kaoping.support;

import org.kaoping.cli.Main;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Runs the command line in-process, capturing stdout and stderr; and scratch copies of content/. */
public final class Cli {
    public record Run(int exit, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private Cli() {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A copy of the shipped content/ under {@code dir}: tests never change the shipped files. */
    public static Path contentCopy(Path dir) throws IOException {
        Path to = dir.resolve("content");
        Path from = Path.of("content");
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }

    /** Every file under a folder with its bytes' hash, to prove nothing was written. */
    public static java.util.Map<String, Integer> snapshot(Path dir) throws IOException {
        java.util.Map<String, Integer> m = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), java.util.Arrays.hashCode(Files.readAllBytes(p)));
            }
        }
        return m;
    }
}
