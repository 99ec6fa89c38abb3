package org.kaoping.load;

import java.nio.file.Path;

/** One finding about an input file, printed as {@code path:line:col: error|warning: message}. */
public record Diagnostic(Path file, int line, int column, Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    /** Longest message kept: a message quoting a huge value is cut, so no input can flood the output. */
    static final int MAX_MESSAGE = 1000;

    public Diagnostic {
        if (message != null && message.chars().anyMatch(Character::isISOControl)) {
            // One finding, one line: a message quoting a source line (a parser's snippet) keeps its line breaks visible.
            StringBuilder b = new StringBuilder(message.length() + 16);
            message.chars().forEach(c -> {
                switch (c) {
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (Character.isISOControl(c)) {
                            b.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
                        } else {
                            b.append((char) c);
                        }
                    }
                }
            });
            message = b.toString();
        }
        if (message != null && message.length() > MAX_MESSAGE) {
            int cut = Character.isHighSurrogate(message.charAt(MAX_MESSAGE - 1)) ? MAX_MESSAGE - 1 : MAX_MESSAGE;
            message = message.substring(0, cut) + "… (" + (message.length() - cut) + " more characters)";
        }
    }

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
