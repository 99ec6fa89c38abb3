package org.kaoping.score;

import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.model.Rule;
import org.kaoping.model.Section;
import org.kaoping.model.Sheet;
import org.kaoping.score.Breakdown.AppliedVeto;
import org.kaoping.score.Breakdown.SectionScore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A scored sheet scored again with some criterion entries replaced (a station page's "what if this item were
 * restored"): exactly the breakdown {@link SheetScorer#score} gives the changed sheet, but only the sections
 * holding a replaced criterion are scored again, the others taken from the sheet's breakdown.
 * <p>Sound because {@link SheetScorer} scores a section from its own criteria's entries and the sheet's
 * attributes and targets alone: highest-only groups, caps, parts, applicability and rule effects all lie within
 * a section, and what crosses sections (base, bonus, penalty, maximum, category-sheet subtotals, total) is only
 * summed afterwards, from the sections' scores, by the same code. The one thing a section hands on is the vetoes
 * its rules fire, each listed once, first firing first: an unchanged section's firings are replayed in its place,
 * found by scoring that section alone once (and only in sections that have a rule with a veto).
 * <p>One thread at a time: it remembers those firings.
 */
public final class Rescoring {
    /** "What if" breakdowns are looked at and dropped: not worth hashing every score to share it. */
    private static final SheetScorer UNSHARED = new SheetScorer(false);

    private final Plan plan;
    private final Rubric rubric;
    private final Sheet sheet;
    private final Breakdown scored;
    private final RuleEffects effects;
    /** Per section, the vetoes its rules fire on the sheet as it is (in order, each once); null until asked. */
    private final List<List<AppliedVeto>> firings;

    /**
     * What re-scoring needs to know of a rubric, worked out once per rubric (a period's pages share it): the
     * sections each criterion id is in, and the sections with a rule that fires a veto.
     */
    public static final class Plan {
        private final Rubric rubric;
        private final Map<String, int[]> sectionsOf = new HashMap<>();
        private final boolean[] vetoRules;

        private Plan(Rubric rubric) {
            this.rubric = rubric;
            List<Section> sections = rubric.sections();
            vetoRules = new boolean[sections.size()];
            for (int i = 0; i < sections.size(); i++) {
                for (Criterion c : sections.get(i).criteria()) {
                    int[] known = sectionsOf.get(c.id());
                    if (known == null) {
                        sectionsOf.put(c.id(), new int[]{i});
                    } else if (known[known.length - 1] != i) {
                        int[] more = Arrays.copyOf(known, known.length + 1); // an id in two sections: both read its entry
                        more[known.length] = i;
                        sectionsOf.put(c.id(), more);
                    }
                    for (Rule r : c.rules()) {
                        vetoRules[i] |= r.veto() != null;
                    }
                }
            }
        }

        public Rubric rubric() {
            return rubric;
        }
    }

    public static Plan plan(Rubric rubric) {
        return new Plan(rubric);
    }

    /**
     * @param scored the breakdown {@link SheetScorer#score} gave {@code sheet} against {@code rubric}
     * @throws IllegalArgumentException when {@code scored} does not have the rubric's sections
     */
    public Rescoring(Rubric rubric, Sheet sheet, Breakdown scored) {
        this(plan(rubric), sheet, scored);
    }

    /** As {@link #Rescoring(Rubric, Sheet, Breakdown)}, with the rubric's plan made already. */
    public Rescoring(Plan plan, Sheet sheet, Breakdown scored) {
        Rubric rubric = plan.rubric;
        List<Section> sections = rubric.sections();
        if (!scored.rubric().equals(rubric.id()) || scored.sections().size() != sections.size()) {
            throw new IllegalArgumentException("breakdown of " + scored.rubric() + " is not one of rubric " + rubric.id());
        }
        for (int i = 0; i < sections.size(); i++) {
            if (!sections.get(i).id().equals(scored.sections().get(i).id())) {
                throw new IllegalArgumentException("breakdown section " + scored.sections().get(i).id()
                        + " is not rubric " + rubric.id() + "'s section " + sections.get(i).id());
            }
        }
        this.plan = plan;
        this.rubric = rubric;
        this.sheet = sheet;
        this.scored = scored;
        this.effects = new RuleEffects(rubric, sheet.attributes(), sheet.targets());
        this.firings = new ArrayList<>(Collections.nCopies(sections.size(), null));
    }

    /**
     * What {@code SheetScorer.score(rubric, sheet.withEntries(replaced))} gives, to the last digit and the
     * vetoes' order; it throws the same {@link ScoreException} where that would.
     */
    public Breakdown with(Map<String, Sheet.Entry> replaced) {
        List<Section> sections = rubric.sections();
        boolean[] touched = new boolean[sections.size()];
        for (String key : replaced.keySet()) {
            int[] in = plan.sectionsOf.get(key);
            if (in == null) {
                return UNSHARED.score(rubric, sheet.withEntries(replaced)); // refused as the full score refuses it
            }
            for (int i : in) {
                touched[i] = true;
            }
        }
        Map<String, Sheet.Entry> own = sheet.criteria();
        Function<String, Sheet.Entry> entries = id -> replaced.containsKey(id) ? replaced.get(id) : own.get(id);
        List<AppliedVeto> vetoes = SheetScorer.sheetVetoes(rubric, sheet);
        SectionScore[] out = new SectionScore[sections.size()];
        for (int i = 0; i < sections.size(); i++) {
            if (touched[i]) {
                out[i] = UNSHARED.scoreSection(rubric, sections.get(i), entries, sheet.attributes(), effects, vetoes);
            } else {
                out[i] = scored.sections().get(i);
                for (AppliedVeto v : firings(i)) {
                    SheetScorer.addVeto(vetoes, v);
                }
            }
        }
        // the same criteria in the same sections as the sheet's breakdown: its index of where each stands serves
        return SheetScorer.assemble(rubric, sheet, ScoredSections.sameShape(scored.sections(), out), vetoes);
    }

    private List<AppliedVeto> firings(int i) {
        List<AppliedVeto> f = firings.get(i);
        if (f == null) {
            f = new ArrayList<>();
            if (plan.vetoRules[i]) {
                UNSHARED.scoreSection(rubric, rubric.sections().get(i), sheet.criteria()::get, sheet.attributes(), effects, f);
            }
            f = List.copyOf(f);
            firings.set(i, f);
        }
        return f;
    }
}
