package org.kaoping.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A {@code build} command line read without picocli, when it can mean only one thing: {@code build} and then only
 * {@code --content}, {@code --rubrics}, {@code --theme} and {@code --out}, each at most once with a plain value
 * ({@code --out x} or {@code --out=x}), and {@code --internal} at most once.
 * <p>
 * Why: before it reads a single argument, picocli reads its commands' annotations and registers its built-in type
 * converters (java.time, java.sql, java.net…) — some 650 classes and a fifth of a county build's time on the main
 * thread, before any input is read. Anything else — help, an {@code @file}, an unknown or repeated option, a value that
 * is empty or looks like an option — goes to picocli, which reads it and says what is wrong as always.
 * {@code PlainBuildLineTest} holds every reading to picocli's, on seeded command lines.
 */
final class PlainBuildLine {
    /** What the command line says; {@code outGiven}: {@code --out} was on it. */
    record Reading(Path content, Path rubrics, Path theme, Path out, boolean internal, boolean outGiven) {
    }

    /** The options read here: the {@link Folders} and {@code --internal} (the help options go to picocli). */
    static final java.util.List<String> OPTIONS = java.util.List.of("--content", "--rubrics", "--theme", "--out", "--internal");

    private PlainBuildLine() {
    }

    /** The reading of a plain build command line, or null for any other (picocli's to read). */
    static Reading read(String... args) {
        if (args.length == 0 || !args[0].equals("build")) {
            return null;
        }
        String[] values = new String[4]; // in the order of OPTIONS
        boolean internal = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--internal")) {
                if (internal) {
                    return null;
                }
                internal = true;
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            int option = OPTIONS.indexOf(name);
            if (option < 0 || option >= values.length || values[option] != null) {
                return null;
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return null;
            }
            if (!plain(value)) {
                return null;
            }
            values[option] = value;
        }
        try {
            return new Reading(Path.of(or(values[0], Folders.CONTENT)), Path.of(or(values[1], Folders.RUBRICS)),
                    Path.of(or(values[2], Folders.THEME)), Path.of(or(values[3], Folders.OUT)), internal, values[3] != null);
        } catch (InvalidPathException e) {
            return null; // picocli says what is wrong with it
        }
    }

    /**
     * A value picocli takes as it is: not empty, not like an option, not an {@code @file} to expand, no quotes (which
     * picocli trims when asked to by a system property).
     */
    private static boolean plain(String value) {
        return !value.isEmpty() && value.charAt(0) != '-' && value.charAt(0) != '@' && value.indexOf('"') < 0;
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    /** Runs the build this reading asks for, printing as picocli's command line would; returns its exit code. */
    static int run(Reading reading) {
        BuildCommand command = new BuildCommand();
        command.folders = new Folders();
        command.folders.content = reading.content();
        command.folders.rubrics = reading.rubrics();
        command.folders.theme = reading.theme();
        command.folders.out = reading.out();
        command.internal = reading.internal();
        PrintWriter out = writer(System.out, "sun.stdout.encoding");
        PrintWriter err = writer(System.err, "sun.stderr.encoding");
        try {
            return command.build(out, err, reading.outGiven());
        } catch (Exception e) {
            return Main.internalError("build", e, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** A writer as picocli makes for its output and error streams: the encoding the JVM names for it, else the default. */
    static PrintWriter writer(java.io.OutputStream stream, String encodingProperty) {
        String name = System.getProperty(encodingProperty);
        Charset charset;
        try {
            charset = Charset.forName("cp65001".equalsIgnoreCase(name) ? "UTF-8" : name);
        } catch (RuntimeException e) {
            charset = Charset.defaultCharset();
        }
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
    }
}
