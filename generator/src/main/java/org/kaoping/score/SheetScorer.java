package org.kaoping.score;

import org.kaoping.load.JsonPath;
import org.kaoping.model.Criterion;
import org.kaoping.model.DecimalMemo;
import org.kaoping.model.HighestOnlyGroup;
import org.kaoping.model.Part;
import org.kaoping.model.Rubric;
import org.kaoping.model.Rule;
import org.kaoping.model.Section;
import org.kaoping.model.SectionKind;
import org.kaoping.model.Sheet;
import org.kaoping.model.Veto;
import org.kaoping.score.Breakdown.AppliedVeto;
import org.kaoping.score.Breakdown.CriterionScore;
import org.kaoping.score.Breakdown.PartLimit;
import org.kaoping.score.Breakdown.SectionScore;
import org.kaoping.score.Breakdown.SheetSubtotal;
import org.kaoping.score.Breakdown.Status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Scores one sheet against its rubric (rubrics/README.md, "How a criterion is scored").
 * Pure: the same rubric and sheet always give the same breakdown; input order does not matter.
 */
public final class SheetScorer {
    /** A given bonus or penalty without points of its own stays within this (as the browser engine's). */
    static final BigDecimal MAX_UNCAPPED = RuleInput.MAX_AMOUNT;

    private final boolean share;

    /** A scorer whose breakdowns share equal criterion and section scores (see {@link Breakdown#shared}). */
    public SheetScorer() {
        this(true);
    }

    /**
     * @param share intern equal criterion and section scores; off for breakdowns looked at once and dropped
     *              (a station page's "what if"), where hashing every score to share it cost more than it saved
     */
    SheetScorer(boolean share) {
        this.share = share;
    }

    public Breakdown score(Rubric rubric, Sheet sheet) {
        for (String key : sheet.criteria().keySet()) {
            if (rubric.criterion(key).isEmpty()) {
                throw new ScoreException(critPath(key), "unknownCriterion", "no criterion \"" + key + "\" in rubric " + rubric.id());
            }
        }
        RuleEffects effects = new RuleEffects(rubric, sheet.attributes(), sheet.targets());
        List<AppliedVeto> vetoes = sheetVetoes(rubric, sheet);
        Map<String, Sheet.Entry> entries = sheet.criteria();
        List<SectionScore> sections = new ArrayList<>();
        for (Section section : rubric.sections()) {
            sections.add(scoreSection(rubric, section, entries::get, sheet.attributes(), effects, vetoes));
        }
        return assemble(rubric, sheet, sections, vetoes);
    }

    /** The vetoes the sheet itself names, in its order (each must be the rubric's). */
    static List<AppliedVeto> sheetVetoes(Rubric rubric, Sheet sheet) {
        List<AppliedVeto> vetoes = new ArrayList<>();
        for (int i = 0; i < sheet.vetoes().size(); i++) {
            String id = sheet.vetoes().get(i);
            Veto v = rubric.veto(id).orElseThrow(() -> new ScoreException("$.vetoes", "unknownVeto", "no veto \"" + id
                    + "\" in rubric " + rubric.id()));
            vetoes.add(new AppliedVeto(v.id(), v.effect(), "sheet"));
        }
        return vetoes;
    }

    /** A veto a rule fired, unless one with its id is listed already (the first firing names the source). */
    static void addVeto(List<AppliedVeto> vetoes, AppliedVeto v) {
        for (AppliedVeto a : vetoes) {
            if (a.id().equals(v.id())) {
                return;
            }
        }
        vetoes.add(v);
    }

    /**
     * The breakdown of scored sections (one per rubric section, in order): what crosses sections (base, bonus,
     * penalty, maximum, category-sheet subtotals, total) is only summed here, from the sections' scores.
     */
    static Breakdown assemble(Rubric rubric, Sheet sheet, List<SectionScore> sections, List<AppliedVeto> vetoes) {
        BigDecimal base = BigDecimal.ZERO;
        BigDecimal bonus = BigDecimal.ZERO;
        BigDecimal penalty = BigDecimal.ZERO;
        BigDecimal maximum = BigDecimal.ZERO;
        Map<String, BigDecimal[]> perSheet = new LinkedHashMap<>();
        for (var cs : rubric.sheets()) {
            perSheet.put(cs.id(), new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
        }
        List<Section> rubricSections = rubric.sections();
        for (int i = 0; i < rubricSections.size(); i++) {
            Section section = rubricSections.get(i);
            SectionScore s = sections.get(i);
            switch (section.kind()) {
                case SCORE -> {
                    base = base.add(s.score());
                    maximum = maximum.add(s.maximum());
                }
                case BONUS -> bonus = bonus.add(s.score());
                case PENALTY -> penalty = penalty.add(s.score());
            }
            if (section.sheet() != null) {
                BigDecimal[] acc = perSheet.get(section.sheet());
                acc[0] = acc[0].add(s.score());
                if (section.kind() == SectionKind.SCORE) {
                    acc[1] = acc[1].add(s.maximum()); // a sheet's maximum is its score sections' points
                }
            }
        }
        BigDecimal total = base.add(bonus).add(penalty).max(BigDecimal.ZERO);
        List<SheetSubtotal> subtotals = perSheet.entrySet().stream()
                .map(e -> new SheetSubtotal(e.getKey(), atScale(rubric, e.getValue()[0].max(BigDecimal.ZERO)),
                        atScale(rubric, e.getValue()[1])))
                .toList();
        return new Breakdown(rubric.id(), sheet.station(), sections, subtotals, atScale(rubric, base),
                atScale(rubric, bonus), atScale(rubric, penalty), atScale(rubric, total), atScale(rubric, maximum),
                vetoes);
    }

    /**
     * One section, from its own criteria's entries and the sheet's attributes alone (highest-only groups, caps
     * and parts all lie within a section). The vetoes its rules fire are added to {@code vetoes}, each once.
     *
     * @param entries the sheet's entry of a criterion id, or null
     */
    SectionScore scoreSection(Rubric rubric, Section section, Function<String, Sheet.Entry> entries,
                              Map<String, String> attributes, RuleEffects effects, List<AppliedVeto> vetoes) {
        List<CriterionScore> scored = new ArrayList<>();
        for (Criterion c : section.criteria()) {
            scored.add(scoreCriterion(rubric, section, c, entries.apply(c.id()), attributes, effects, vetoes));
        }
        scored = applyHighestOnly(section, scored);
        BigDecimal sum = BigDecimal.ZERO;
        for (CriterionScore c : scored) {
            sum = sum.add(c.score());
        }
        if (section.cap() != null) {
            sum = section.kind() == SectionKind.PENALTY ? sum.max(section.cap().negate()) : sum.min(section.cap());
        }
        BigDecimal max = section.kind() == SectionKind.SCORE ? sumOfMaxima(scored)
                : section.cap() != null ? section.cap() : Maxima.ofSection(section, scored);
        return shared(new SectionScore(section.id(), section.kind(), atScale(rubric, sum), atScale(rubric, max),
                scored));
    }

    /** A loop, not a stream: this runs for every section of every sheet, mostly before C2 has compiled it. */
    private static BigDecimal sumOfMaxima(List<CriterionScore> scored) {
        BigDecimal sum = BigDecimal.ZERO;
        for (CriterionScore c : scored) {
            sum = sum.add(c.maximum());
        }
        return sum;
    }

    private CriterionScore scoreCriterion(Rubric rubric, Section section, Criterion c, Sheet.Entry sheetEntry,
                                          Map<String, String> attributes, RuleEffects effects, List<AppliedVeto> vetoes) {
        var entry = Optional.ofNullable(sheetEntry);
        String reason = entry.map(Sheet.Entry::reason).orElse(null);
        boolean applicable = c.appliesTo() == null || c.appliesTo().appliesTo(attributes);
        if (!applicable || entry.map(Sheet.Entry::isNotApplicable).orElse(false)) {
            if (entry.isPresent() && (entry.get().score() != null || !entry.get().inputs().isEmpty())) {
                throw new ScoreException(critPath(c.id()), "notApplicableButScored", "marked not applicable but also scored");
            }
            return shared(new CriterionScore(c.id(), c.number(), Status.NOT_APPLICABLE,
                    atScale(rubric, BigDecimal.ZERO), atScale(rubric, BigDecimal.ZERO), List.of(), List.of(), reason));
        }
        BigDecimal points = c.points() == null ? BigDecimal.ZERO : c.points();
        BigDecimal shownMax = switch (section.kind()) {
            case SCORE -> points;
            case BONUS -> Maxima.ofBonusCriterion(section, c);
            case PENALTY -> BigDecimal.ZERO;
        };
        if (entry.isPresent() && entry.get().score() != null) {
            if (!entry.get().inputs().isEmpty()) {
                throw new ScoreException(critPath(c.id()), "scoreAndInputs", "give either \"score\" or \"inputs\", not both");
            }
            BigDecimal given = entry.get().score();
            checkGiven(rubric, section.kind(), c, given);
            return shared(new CriterionScore(c.id(), c.number(), Status.GIVEN, atScale(rubric, given),
                    atScale(rubric, shownMax), List.of(), List.of(), reason));
        }
        var inputs = entry.map(Sheet.Entry::inputs).orElse(Map.of());
        for (String key : inputs.keySet()) {
            if (c.rule(key).isEmpty()) {
                throw new ScoreException(critPath(c.id()) + ".inputs", "unknownRule", "no rule \"" + key + "\" in criterion "
                        + c.number() + "; expected one of " + String.join(", ", c.rules().stream().map(Rule::id).toList()));
            }
        }
        List<RuleOutcome> outcomes = new ArrayList<>();
        boolean zeroed = false;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal overTargetAward = BigDecimal.ZERO;
        for (Rule rule : c.rules()) {
            RuleOutcome o = effects.apply(rule, c, section.kind(),
                    new RuleInput(inputs.get(rule.id()), critPath(c.id()) + ".inputs." + rule.id()));
            outcomes.add(o);
            zeroed |= o.zeroes();
            sum = sum.add(o.effect());
            if ((rule instanceof Rule.OverTarget || rule instanceof Rule.ExcessRatio) && o.effect().signum() > 0) {
                overTargetAward = overTargetAward.add(o.effect());
            }
            if (o.fired() && rule.veto() != null) {
                var v = rubric.veto(rule.veto()).orElseThrow();
                addVeto(vetoes, new AppliedVeto(v.id(), v.effect(), c.id() + "/" + rule.id()));
            }
        }
        List<PartLimit> limits = new ArrayList<>();
        for (Part part : c.parts()) {
            BigDecimal deducted = BigDecimal.ZERO;
            for (int i = 0; i < c.rules().size(); i++) {
                if (part.id().equals(c.rules().get(i).part()) && outcomes.get(i).effect().signum() < 0) {
                    deducted = deducted.add(outcomes.get(i).effect().negate());
                }
            }
            if (deducted.compareTo(part.budget()) > 0) {
                BigDecimal back = deducted.subtract(part.budget());
                limits.add(new PartLimit(part.id(), deducted, part.budget(), back));
                sum = sum.add(back);
            }
        }
        if (section.kind() == SectionKind.BONUS && !zeroed && sum.signum() < 0) {
            outcomes = countedInBonus(outcomes, sum.negate());
        }
        BigDecimal score = switch (section.kind()) {
            case SCORE -> zeroed ? BigDecimal.ZERO : clamp(points.add(sum), BigDecimal.ZERO, points.add(overTargetAward));
            case BONUS -> zeroed ? BigDecimal.ZERO : c.points() == null ? sum.max(BigDecimal.ZERO) : clamp(sum, BigDecimal.ZERO, points);
            case PENALTY -> c.points() == null ? sum.min(BigDecimal.ZERO) : clamp(sum, points.negate(), BigDecimal.ZERO);
        };
        Status status = entry.isPresent() ? Status.FROM_INPUTS : Status.NOT_RECORDED;
        return shared(new CriterionScore(c.id(), c.number(), status, atScale(rubric, score),
                atScale(rubric, shownMax), outcomes, limits, reason));
    }

    /**
     * A bonus criterion floors at 0, so deductions beyond its awards count for nothing: report only what
     * counted, the deductions met first in rule order counting first.
     */
    private static List<RuleOutcome> countedInBonus(List<RuleOutcome> outcomes, BigDecimal uncounted) {
        List<RuleOutcome> out = new ArrayList<>();
        BigDecimal left = uncounted;
        for (int i = outcomes.size() - 1; i >= 0; i--) {
            RuleOutcome o = outcomes.get(i);
            if (o.effect().signum() < 0 && left.signum() > 0) {
                BigDecimal dropped = left.min(o.effect().negate());
                left = left.subtract(dropped);
                BigDecimal counted = o.effect().add(dropped);
                o = new RuleOutcome(o.ruleId(), counted, o.zeroes(), counted.signum() != 0,
                        counted.signum() != 0 ? o.detail() + ", " + RuleEffects.plain(dropped) + " not counted below 0" : "");
            }
            out.add(0, o);
        }
        return out;
    }

    private void checkGiven(Rubric rubric, SectionKind kind, Criterion c, BigDecimal given) {
        BigDecimal points = c.points() == null ? null : c.points();
        switch (kind) {
            case SCORE -> {
                if (given.signum() < 0 || given.compareTo(c.ceiling()) > 0) {
                    throw new ScoreException(scorePath(c), "scoreOutOfRange", "expected a score from 0 to " + RuleEffects.plain(c.ceiling())
                            + " (criterion " + c.number() + "), found " + RuleEffects.plain(given));
                }
            }
            case BONUS -> {
                if (given.signum() < 0 || given.compareTo(points != null ? points : MAX_UNCAPPED) > 0) {
                    throw new ScoreException(scorePath(c), "scoreOutOfRange", "expected a bonus from 0" + (points == null ? " up to " + MAX_UNCAPPED.toPlainString() : " to " + RuleEffects.plain(points))
                            + ", found " + RuleEffects.plain(given));
                }
            }
            case PENALTY -> {
                if (given.signum() > 0 || given.compareTo((points != null ? points : MAX_UNCAPPED).negate()) < 0) {
                    throw new ScoreException(scorePath(c), "scoreOutOfRange", "expected a penalty from " + (points == null ? "-" + MAX_UNCAPPED.toPlainString() + " " : "-" + RuleEffects.plain(points) + " ")
                            + "to 0 (written as a negative number), found " + RuleEffects.plain(given));
                }
            }
        }
        if (!rubric.isMultipleOfStep(given)) {
            throw new ScoreException(scorePath(c), "notMultipleOfStep", "expected a multiple of " + RuleEffects.plain(rubric.effectiveStep())
                    + ", found " + RuleEffects.plain(given));
        }
    }

    /** 同一加分项多级加分的，以最高计分标准加分: in each group only the highest criterion counts. */
    private List<CriterionScore> applyHighestOnly(Section section, List<CriterionScore> scored) {
        if (section.groups().isEmpty()) {
            return scored;
        }
        List<CriterionScore> out = new ArrayList<>(scored);
        for (HighestOnlyGroup g : section.groups()) {
            // Ties go to the criterion named first in the group, so the section's print order never matters.
            int best = -1;
            for (String member : g.criteria()) {
                for (int i = 0; i < out.size(); i++) {
                    if (out.get(i).id().equals(member)
                            && (best < 0 || out.get(i).score().compareTo(out.get(best).score()) > 0)) {
                        best = i;
                    }
                }
            }
            for (int i = 0; i < out.size(); i++) {
                CriterionScore c = out.get(i);
                if (i != best && g.criteria().contains(c.id()) && c.score().signum() != 0) {
                    out.set(i, shared(new CriterionScore(c.id(), c.number(), Status.SUPERSEDED,
                            c.score().subtract(c.score()), c.maximum(), c.rules(), c.parts(), c.reason())));
                }
            }
        }
        return out;
    }

    private CriterionScore shared(CriterionScore c) {
        return share ? Breakdown.shared(c) : c;
    }

    private SectionScore shared(SectionScore s) {
        return share ? Breakdown.shared(s) : s;
    }

    private static BigDecimal clamp(BigDecimal v, BigDecimal lo, BigDecimal hi) {
        return v.max(lo).min(hi);
    }

    static BigDecimal atScale(Rubric rubric, BigDecimal v) {
        if (v == null || v.scale() == rubric.scale()) {
            return v;
        }
        int scale = rubric.scale();
        RoundingMode mode = rubric.rounding();
        if (scale < 0 || scale >= AT_SCALE.length) {
            return v.setScale(scale, mode);
        }
        DecimalMemo<BigDecimal> memo = AT_SCALE[scale][mode.ordinal()];
        if (memo == null) {
            memo = new DecimalMemo<>(4_096, x -> x.setScale(scale, mode));
            AT_SCALE[scale][mode.ordinal()] = memo; // a race makes a second memo, not a wrong answer
        }
        return memo.apply(v);
    }

    /** {@link #atScale} remembered per scale and rounding mode: it is asked of every score of every sheet. */
    private static final DecimalMemo<BigDecimal>[][] AT_SCALE = newMemos();

    @SuppressWarnings("unchecked")
    private static DecimalMemo<BigDecimal>[][] newMemos() {
        return new DecimalMemo[16][RoundingMode.values().length];
    }

    /** Made only for a finding: building it for every score of every sheet cost more than the check. */
    private static String scorePath(Criterion c) {
        return critPath(c.id()) + ".score";
    }

    static String critPath(String id) {
        return JsonPath.child("$.criteria", id);
    }
}
