package org.kaoping.load;

import java.util.List;

/** Input that could not be loaded; carries every diagnostic found before giving up. */
public final class LoadException extends Exception {
    private final List<Diagnostic> diagnostics;

    public LoadException(List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "load failed" : diagnostics.get(0).format());
        this.diagnostics = List.copyOf(diagnostics);
    }

    public LoadException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
