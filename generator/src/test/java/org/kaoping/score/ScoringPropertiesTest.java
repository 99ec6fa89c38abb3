package org.kaoping.score;

import com.fasterxml.jackson.databind.JsonNode;
import org.kaoping.load.StrictJson;
import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.model.Rule;
import org.kaoping.model.Section;
import org.kaoping.model.SectionKind;
import org.kaoping.model.Sheet;
import org.kaoping.support.RandomRubrics;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded property tests over random rubrics and sheets (plain JUnit loops; the seed of a failing
 * case is printed, and {@code -Dkaoping.seed=N} replays from it).
 */
class ScoringPropertiesTest {
    private static final long BASE_SEED = Long.getLong("kaoping.seed", 20261125L);
    private static final int CASES = 2_000;
    private final SheetScorer scorer = new SheetScorer();

    interface Property {
        void check(long seed, Rubric rubric, Sheet sheet, RandomRubrics random);
    }

    private Stream<DynamicTest> forAll(String name, Property p) {
        return Stream.of(DynamicTest.dynamicTest(name + " (" + CASES + " cases from seed " + BASE_SEED + ")", () -> {
            for (int i = 0; i < CASES; i++) {
                long seed = BASE_SEED + i;
                RandomRubrics random = new RandomRubrics(seed);
                Rubric rubric = random.rubric();
                Sheet sheet = random.sheet(rubric);
                try {
                    p.check(seed, rubric, sheet, random);
                } catch (AssertionError | RuntimeException e) {
                    fail("property \"" + name + "\" failed for seed " + seed + " (replay with -Dkaoping.seed=" + seed
                            + ")\nsheet: " + StrictJson.mapper().valueToTree(sheet) + "\n" + e, e);
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> criterionWithinBounds() {
        return forAll("every criterion stays within [0, maximum] or its declared bonus ceiling", (seed, rubric, sheet, r) -> {
            Breakdown b = scorer.score(rubric, sheet);
            for (Section s : rubric.sections()) {
                for (Criterion c : s.criteria()) {
                    BigDecimal v = b.criterion(c.id()).orElseThrow().score();
                    switch (s.kind()) {
                        case SCORE -> assertTrue(v.signum() >= 0 && v.compareTo(c.ceiling()) <= 0, c.id() + " = " + v);
                        case BONUS -> assertTrue(v.signum() >= 0 && (c.points() == null || v.compareTo(c.points()) <= 0), c.id() + " = " + v);
                        case PENALTY -> assertTrue(v.signum() <= 0 && (c.points() == null || v.compareTo(c.points().negate()) >= 0), c.id() + " = " + v);
                    }
                    assertEquals(rubric.scale(), v.scale(), "scores carry the rubric's scale");
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> totalIsSumOfParts() {
        return forAll("the total equals the sum of its parts", (seed, rubric, sheet, r) -> {
            Breakdown b = scorer.score(rubric, sheet);
            BigDecimal base = BigDecimal.ZERO;
            BigDecimal bonus = BigDecimal.ZERO;
            BigDecimal penalty = BigDecimal.ZERO;
            for (Breakdown.SectionScore s : b.sections()) {
                BigDecimal sum = s.criteria().stream().map(Breakdown.CriterionScore::score).reduce(BigDecimal.ZERO, BigDecimal::add);
                Section def = rubric.sections().stream().filter(x -> x.id().equals(s.id())).findFirst().orElseThrow();
                if (def.cap() != null) {
                    sum = def.kind() == SectionKind.PENALTY ? sum.max(def.cap().negate()) : sum.min(def.cap());
                }
                assertEquals(0, sum.compareTo(s.score()), "section " + s.id());
                switch (s.kind()) {
                    case SCORE -> base = base.add(sum);
                    case BONUS -> bonus = bonus.add(sum);
                    case PENALTY -> penalty = penalty.add(sum);
                }
            }
            assertEquals(0, base.compareTo(b.base()));
            assertEquals(0, bonus.compareTo(b.bonus()));
            assertEquals(0, penalty.compareTo(b.penalty()));
            assertEquals(0, base.add(bonus).add(penalty).max(BigDecimal.ZERO).compareTo(b.total()));
        });
    }

    @TestFactory
    Stream<DynamicTest> deductionNeverRaises() {
        return forAll("adding a deduction never raises any score", (seed, rubric, sheet, r) -> {
            Breakdown before = scorer.score(rubric, sheet);
            Random pick = new Random(seed);
            List<String[]> candidates = new ArrayList<>();
            for (Section s : rubric.sections()) {
                for (Criterion c : s.criteria()) {
                    var e = sheet.entry(c.id());
                    if (e.isPresent() && (e.get().score() != null || e.get().isNotApplicable())) {
                        continue;
                    }
                    for (Rule rule : c.rules()) {
                        if (rule instanceof Rule.PerCount || rule instanceof Rule.Escalating || rule instanceof Rule.Zeroing
                                || rule instanceof Rule.Discretionary || rule instanceof Rule.CompletionRatio
                                || rule instanceof Rule.Threshold || rule instanceof Rule.DiscretionaryEach) {
                            candidates.add(new String[]{c.id(), rule.id()});
                        }
                    }
                }
            }
            if (candidates.isEmpty()) {
                return;
            }
            String[] target = candidates.get(pick.nextInt(candidates.size()));
            Criterion c = rubric.criterion(target[0]).orElseThrow();
            Rule rule = c.rule(target[1]).orElseThrow();
            Sheet worse = withInput(sheet, c.id(), rule.id(), worsen(rule, sheet.entry(c.id()).map(x -> x.inputs().get(rule.id())).orElse(null)));
            Breakdown after = scorer.score(rubric, worse);
            for (Breakdown.SectionScore s : before.sections()) {
                for (Breakdown.CriterionScore cs : s.criteria()) {
                    BigDecimal now = after.criterion(cs.id()).orElseThrow().score();
                    assertTrue(now.compareTo(cs.score()) <= 0, cs.id() + ": " + cs.score() + " → " + now);
                }
            }
            assertTrue(after.total().compareTo(before.total()) <= 0, "total " + before.total() + " → " + after.total());
        });
    }

    private static Object worsen(Rule rule, JsonNode current) {
        if (rule instanceof Rule.PerCount) {
            return (current == null ? 0 : current.intValue()) + 1;
        } else if (rule instanceof Rule.Escalating) {
            int first = current == null || current.size() == 0 ? 0 : current.get(0).intValue();
            int second = current == null || current.size() < 2 ? 0 : current.get(1).intValue();
            return List.of(first + 1, second);
        } else if (rule instanceof Rule.Zeroing) {
            return true;
        } else if (rule instanceof Rule.Discretionary d) {
            return d.max();
        } else if (rule instanceof Rule.CompletionRatio) {
            return BigDecimal.ZERO;
        } else if (rule instanceof Rule.Threshold t) {
            return t.atLeast() != null ? BigDecimal.ZERO : t.atMost().add(BigDecimal.ONE);
        } else if (rule instanceof Rule.DiscretionaryEach d) {
            List<BigDecimal> more = new ArrayList<>();
            if (current != null) {
                current.forEach(n -> more.add(n.decimalValue()));
            }
            more.add(d.max()); // one more occurrence
            return more;
        }
        throw new IllegalArgumentException();
    }

    private static Sheet withInput(Sheet sheet, String criterion, String rule, Object value) {
        Map<String, Sheet.Entry> criteria = new LinkedHashMap<>(sheet.criteria());
        Map<String, JsonNode> inputs = new LinkedHashMap<>(sheet.entry(criterion).map(Sheet.Entry::inputs).orElse(Map.of()));
        inputs.put(rule, StrictJson.mapper().valueToTree(value));
        criteria.put(criterion, Sheet.Entry.ofInputs(inputs));
        return new Sheet(sheet.rubric(), null, sheet.station(), null, null, null, sheet.attributes(), criteria,
                sheet.vetoes(), null, null, null, null);
    }

    @TestFactory
    Stream<DynamicTest> orderChangesNothing() {
        return forAll("input order changes nothing", (seed, rubric, sheet, r) -> {
            Breakdown before = scorer.score(rubric, sheet);
            Random shuffle = new Random(seed);
            List<Section> sections = new ArrayList<>();
            for (Section s : rubric.sections()) {
                List<Criterion> criteria = new ArrayList<>();
                for (Criterion c : s.criteria()) {
                    List<Rule> rules = new ArrayList<>(c.rules());
                    Collections.shuffle(rules, shuffle);
                    List<org.kaoping.model.Part> parts = new ArrayList<>(c.parts());
                    Collections.shuffle(parts, shuffle);
                    criteria.add(new Criterion(c.id(), c.number(), c.content(), c.standard(), c.points(), c.department(),
                            c.appliesTo(), parts, rules, c.notes()));
                }
                Collections.shuffle(criteria, shuffle);
                sections.add(new Section(s.id(), s.number(), s.title(), s.kind(), s.points(), s.cap(), s.sheet(), s.groups(),
                        criteria, s.notes()));
            }
            Collections.shuffle(sections, shuffle);
            Rubric shuffled = new Rubric(rubric.id(), rubric.title(), rubric.issuer(), rubric.periodType(), rubric.year(),
                    rubric.total(), rubric.scale(), rubric.rounding(), rubric.step(), rubric.partial(), rubric.source(),
                    rubric.attributes(), rubric.sheets(), sections, rubric.vetoes(), rubric.assessment(), rubric.notes(), rubric.predecessor());
            List<String> keys = new ArrayList<>(sheet.criteria().keySet());
            Collections.shuffle(keys, shuffle);
            Map<String, Sheet.Entry> reordered = new LinkedHashMap<>();
            keys.forEach(k -> reordered.put(k, sheet.criteria().get(k)));
            Sheet s2 = new Sheet(sheet.rubric(), null, sheet.station(), null, null, null, sheet.attributes(), reordered,
                    sheet.vetoes(), null, null, null, null);
            Breakdown after = scorer.score(shuffled, s2);
            assertEquals(0, before.total().compareTo(after.total()));
            for (Breakdown.SectionScore s : before.sections()) {
                assertEquals(0, s.score().compareTo(after.section(s.id()).orElseThrow().score()), s.id());
                for (Breakdown.CriterionScore c : s.criteria()) {
                    assertEquals(0, c.score().compareTo(after.criterion(c.id()).orElseThrow().score()), c.id());
                }
            }
            assertEquals(before.vetoes().stream().map(Breakdown.AppliedVeto::id).sorted().toList(),
                    after.vetoes().stream().map(Breakdown.AppliedVeto::id).sorted().toList());
        });
    }
}
