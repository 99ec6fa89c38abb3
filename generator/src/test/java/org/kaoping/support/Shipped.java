package org.kaoping.support;

import org.kaoping.load.Corpus;
import org.kaoping.load.CorpusLoader;
import org.kaoping.load.Diagnostic;
import org.kaoping.load.Loaded;
import org.kaoping.model.Rubric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the repository ships, loaded once (tests run from the repository root): the sample site
 * (content/ + rubrics/, 鲁山县's rubrics only) and the other regimes under examples/NAME/ (rubrics/,
 * and content/ where the example is a buildable site). Tests that cover "every rubric" use
 * {@link #allRubrics()}, which reads every rubrics folder, so a new example is covered without a list.
 */
public final class Shipped {
    public static final Path CONTENT = Path.of("content");
    public static final Path RUBRICS = Path.of("rubrics");
    public static final Path EXAMPLES = Path.of("examples");
    private static Corpus corpus;
    private static Map<String, Rubric> all;
    private static Map<String, Path> files;

    /** A buildable site: the sample or an example with both content/ and rubrics/. */
    public record Site(String name, Path content, Path rubrics) {
    }

    private Shipped() {
    }

    public static synchronized Corpus corpus() {
        if (corpus == null) {
            corpus = load(CONTENT, RUBRICS);
        }
        return corpus;
    }

    /** Loads a content and a rubrics folder, failing the test on any error. */
    public static Corpus load(Path content, Path rubrics) {
        CorpusLoader loader = new CorpusLoader();
        Corpus c = loader.load(content, rubrics);
        List<Diagnostic> errors = loader.diagnostics().stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty()) {
            fail(content + " + " + rubrics + " do not load:\n"
                    + String.join("\n", errors.stream().map(Diagnostic::format).toList()));
        }
        return c;
    }

    /** rubrics/ first, then examples/NAME/rubrics for every example, by name. */
    public static List<Path> rubricFolders() {
        List<Path> out = new ArrayList<>(List.of(RUBRICS));
        examples().forEach(e -> {
            if (Files.isDirectory(e.resolve("rubrics"))) {
                out.add(e.resolve("rubrics"));
            }
        });
        return out;
    }

    /** The sample site, then every example that has both content/ and rubrics/. */
    public static List<Site> sites() {
        List<Site> out = new ArrayList<>(List.of(new Site("sample", CONTENT, RUBRICS)));
        examples().forEach(e -> {
            if (Files.isDirectory(e.resolve("content")) && Files.isDirectory(e.resolve("rubrics"))) {
                out.add(new Site(e.getFileName().toString(), e.resolve("content"), e.resolve("rubrics")));
            }
        });
        return out;
    }

    /** Every shipped rubric, the sample's and the examples': id → rubric, in id order. */
    public static synchronized Map<String, Rubric> allRubrics() {
        if (all == null) {
            Map<String, Rubric> rubrics = new TreeMap<>();
            Map<String, Path> where = new TreeMap<>();
            for (Path folder : rubricFolders()) {
                CorpusLoader loader = new CorpusLoader();
                Map<String, Loaded<Rubric>> loaded = loader.loadRubrics(folder);
                List<Diagnostic> errors = loader.diagnostics().stream().filter(Diagnostic::isError).toList();
                if (!errors.isEmpty()) {
                    fail(folder + " does not load:\n" + String.join("\n", errors.stream().map(Diagnostic::format).toList()));
                }
                for (var e : loaded.entrySet()) {
                    if (where.put(e.getKey(), folder.resolve(e.getKey() + ".json")) != null) {
                        fail("rubric " + e.getKey() + " is shipped twice: " + where.get(e.getKey()));
                    }
                    rubrics.put(e.getKey(), e.getValue().value());
                }
            }
            all = Collections.unmodifiableMap(rubrics);
            files = Collections.unmodifiableMap(where);
        }
        return all;
    }

    /** The file a shipped rubric is read from. */
    public static Path rubricFile(String id) {
        allRubrics();
        Path p = files.get(id);
        if (p == null) {
            throw new AssertionError("no shipped rubric " + id);
        }
        return p;
    }

    public static Rubric rubric(String id) {
        Rubric r = allRubrics().get(id);
        if (r == null) {
            throw new AssertionError("no shipped rubric " + id);
        }
        return r;
    }

    private static List<Path> examples() {
        if (!Files.isDirectory(EXAMPLES)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
