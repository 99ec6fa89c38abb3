package org.kaoping.support;

import org.kaoping.load.Corpus;
import org.kaoping.load.CorpusLoader;
import org.kaoping.load.Diagnostic;
import org.kaoping.model.Rubric;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** The shipped rubrics/ and content/, loaded once (tests run from the repository root). */
public final class Shipped {
    public static final Path CONTENT = Path.of("content");
    public static final Path RUBRICS = Path.of("rubrics");
    private static Corpus corpus;

    private Shipped() {
    }

    public static synchronized Corpus corpus() {
        if (corpus == null) {
            CorpusLoader loader = new CorpusLoader();
            Corpus c = loader.load(CONTENT, RUBRICS);
            List<Diagnostic> errors = loader.diagnostics().stream().filter(Diagnostic::isError).toList();
            if (!errors.isEmpty()) {
                fail("shipped content does not load:\n" + String.join("\n", errors.stream().map(Diagnostic::format).toList()));
            }
            corpus = c;
        }
        return corpus;
    }

    public static Rubric rubric(String id) {
        return corpus().rubric(id).orElseThrow(() -> new AssertionError("no shipped rubric " + id));
    }
}
