package org.kaoping.load;

import java.nio.file.Path;

/** One finding about an input file, printed as {@code path:line:col: error|warning: message}. */
public record Diagnostic(Path file, int line, int column, Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    public static Diagnostic error(Path file, Location at, String message) {
        return new Diagnostic(file, at.line(), at.column(), Severity.ERROR, message);
    }

    public static Diagnostic warning(Path file, Location at, String message) {
        return new Diagnostic(file, at.line(), at.column(), Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public String format() {
        return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
