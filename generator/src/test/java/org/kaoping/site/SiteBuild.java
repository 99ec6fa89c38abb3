package org.kaoping.site;

import org.kaoping.cli.Main;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Runs `kaoping build` in-process, and copies the shipped inputs for tests that alter them. */
final class SiteBuild {
    static final Path CONTENT = Path.of("content");
    static final Path RUBRICS = Path.of("rubrics");
    static final Path THEME = Path.of("site-theme");

    /** What a build printed and returned. */
    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private SiteBuild() {
    }

    static Result build(Path content, Path rubrics, Path theme, Path out) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int code = cl.execute("build", "--content", content.toString(), "--rubrics", rubrics.toString(),
                "--theme", theme.toString(), "--out", out.toString());
        return new Result(code, o.toString(), e.toString());
    }

    static Result buildShipped(Path out) {
        return build(CONTENT, RUBRICS, THEME, out);
    }

    /** A copy of a folder, for tests that change an input. */
    static Path copy(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under a folder: relative path → bytes. */
    static Map<String, byte[]> snapshot(Path folder) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static List<Path> htmlFiles(Path folder) {
        try (Stream<Path> s = Files.walk(folder)) {
            return new ArrayList<>(s.filter(p -> p.toString().endsWith(".html")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
