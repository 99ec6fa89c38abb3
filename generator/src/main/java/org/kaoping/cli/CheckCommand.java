package org.kaoping.cli;

import org.kaoping.load.Audience;
import org.kaoping.load.Corpus;
import org.kaoping.load.CorpusLoader;
import org.kaoping.load.Diagnostic;
import org.kaoping.load.Loaded;
import org.kaoping.model.Rubric;
import org.kaoping.validate.ContentConsistency;
import org.kaoping.validate.PublicationConsistency;
import org.kaoping.validate.SelfAssessmentConsistency;
import org.kaoping.validate.PredecessorCheck;
import org.kaoping.validate.RubricConsistency;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/** `kaoping check`: validates rubrics and content, one line per finding, exit 1 on any error. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate rubrics/ and content/: prints path:line:col: error|warning: message.")
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    Folders folders;

    @Option(names = "--rubrics-only", description = "check the rubrics folder alone")
    boolean rubricsOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        List<Diagnostic> found = run(folders, rubricsOnly);
        print(found, w);
        long errors = found.stream().filter(Diagnostic::isError).count();
        long warnings = found.size() - errors;
        w.println("check: " + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                + (warnings == 1 ? "" : "s"));
        w.flush();
        return errors > 0 ? 1 : 0;
    }

    /** Prints findings one a line, sorted by file, line and column (also used by `build`). */
    static void print(List<Diagnostic> found, PrintWriter w) {
        found.sort(Comparator.comparing((Diagnostic d) -> d.file().toString()).thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column));
        for (Diagnostic d : found) {
            w.println(d.format());
        }
    }

    /**
     * The corpus as loaded and everything `check` found in it.
     *
     * @param standings period id → standings as the check scored them (build reuses them)
     * @param digests   each file the loader read, digested ({@link CorpusLoader#digests()}): the data version's lines
     */
    record Checked(Corpus corpus, List<Diagnostic> diagnostics, java.util.Map<String, org.kaoping.rank.Standings> standings,
                   java.util.Map<java.nio.file.Path, org.kaoping.load.FileDigest> digests) {
    }

    /** The full check (not rubrics-only), keeping the corpus so `build` need not load it twice. */
    static Checked checkAndLoad(Folders folders) {
        return checkAndLoad(folders, Audience.PUBLIC);
    }

    /** As {@link #checkAndLoad(Folders)}, private names marked for the audience. */
    static Checked checkAndLoad(Folders folders, Audience audience) {
        return checkAndLoad(folders, audience, null);
    }

    /** As {@link #checkAndLoad(Folders, Audience)}, unchanged files taken from {@code loads} (`serve`; null: none). */
    static Checked checkAndLoad(Folders folders, Audience audience, org.kaoping.load.LoadCache loads) {
        return checkAndLoad(folders, audience, loads, org.kaoping.validate.SheetChecks.DIRECT);
    }

    /** As {@link #checkAndLoad(Folders, Audience, org.kaoping.load.LoadCache)}, each sheet checked through {@code sheetChecks}. */
    static Checked checkAndLoad(Folders folders, Audience audience, org.kaoping.load.LoadCache loads,
                                org.kaoping.validate.SheetChecks sheetChecks) {
        CorpusLoader loader = new CorpusLoader(audience, loads);
        RunPlan.beforeLoading(folders.content);
        Corpus corpus = loader.load(folders.content, folders.rubrics);
        List<Diagnostic> found = new ArrayList<>(loader.diagnostics());
        List<Diagnostic> rubricFindings = new ArrayList<>();
        for (Loaded<Rubric> r : corpus.rubrics().values()) {
            rubricFindings.addAll(RubricConsistency.check(r));
        }
        rubricFindings.addAll(PredecessorCheck.check(corpus.rubrics()));
        found.addAll(rubricFindings);
        var standings = new java.util.HashMap<String, org.kaoping.rank.Standings>();
        if (rubricFindings.stream().noneMatch(Diagnostic::isError)) {
            ContentConsistency.check(corpus, found, standings, sheetChecks);
            PublicationConsistency.check(corpus, found);
            SelfAssessmentConsistency.check(corpus, found);
        }
        return new Checked(corpus, found, standings, loader.digests());
    }

    static List<Diagnostic> run(Folders folders, boolean rubricsOnly) {
        if (rubricsOnly) {
            CorpusLoader loader = new CorpusLoader();
            List<Diagnostic> found = new ArrayList<>();
            var rubrics = loader.loadRubrics(folders.rubrics);
            for (Loaded<Rubric> r : rubrics.values()) {
                found.addAll(RubricConsistency.check(r));
            }
            found.addAll(PredecessorCheck.check(rubrics));
            found.addAll(0, loader.diagnostics());
            return found;
        }
        return checkAndLoad(folders).diagnostics();
    }
}
