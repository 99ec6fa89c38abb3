package org.kaoping.validate;

import org.kaoping.load.Corpus;
import org.kaoping.load.Diagnostic;
import org.kaoping.load.Loaded;
import org.kaoping.model.Assessment;
import org.kaoping.model.Period;
import org.kaoping.model.Rubric;
import org.kaoping.rank.PeriodRows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link ContentConsistency} found in each period apart from its sheets, and each period's scoring, kept by
 * `serve` from one check to the next while only sheets change: a province's period has 10,000 results, and one
 * changed sheet changes none of the findings on them. A period's part is taken again only while its file, the
 * station registry, the rubrics and the list of periods are the very objects it was found in (a new load makes
 * new ones), so what is taken is what the check would find again.
 */
public final class PeriodMemory {
    /**
     * The findings on a period's file and results, before its sheets.
     *
     * @param rubricKnown false when the period names an unknown rubric (then nothing more is checked)
     * @param rubric      the period's rubric, or null
     * @param resolved    every result names a known station
     */
    record Head(List<Diagnostic> found, boolean rubricKnown, Rubric rubric, boolean resolved) {
    }

    /** The findings on the period's own figures, and its assessment (null when it has none, said in found). */
    record Figures(List<Diagnostic> found, Assessment assessment) {
    }

    /** What a head was found in: compared by identity. */
    private record Basis(Loaded<Period> file, Object stations, Object rubrics, Object periods, boolean repeated) {
        boolean same(Basis o) {
            return o.file == file && o.stations == stations && o.rubrics == rubrics && o.periods == periods
                    && o.repeated == repeated;
        }
    }

    private record Kept(Basis basis, Head head) {
    }

    private final Map<String, Kept> heads = new HashMap<>();
    private final Map<Head, Figures> figures = new java.util.IdentityHashMap<>();
    private final Map<String, PeriodRows> rows = new HashMap<>();

    /** Forgets everything (a whole check starts). */
    void clear() {
        heads.clear();
        figures.clear();
        rows.clear();
    }

    Head head(Loaded<Period> file, Corpus corpus, boolean repeated) {
        Kept k = heads.get(file.value().id());
        return k != null && k.basis().same(basis(file, corpus, repeated)) ? k.head() : null;
    }

    void keep(Loaded<Period> file, Corpus corpus, boolean repeated, Head head) {
        Kept old = heads.put(file.value().id(), new Kept(basis(file, corpus, repeated), head));
        if (old != null) {
            figures.remove(old.head());
        }
    }

    Figures figures(Head head) {
        return figures.get(head);
    }

    void keep(Head head, Figures f) {
        figures.put(head, f);
    }

    /** The period's last scoring, or null; {@link org.kaoping.rank.PeriodScorer} checks it is of the same period. */
    PeriodRows rows(String periodId) {
        return rows.get(periodId);
    }

    void keep(String periodId, PeriodRows r) {
        rows.put(periodId, r);
    }

    private static Basis basis(Loaded<Period> file, Corpus corpus, boolean repeated) {
        return new Basis(file, corpus.stations(), corpus.rubrics(), corpus.periods(), repeated);
    }
}
