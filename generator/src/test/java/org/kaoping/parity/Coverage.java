package org.kaoping.parity;

import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.model.Rule;
import org.kaoping.model.Section;
import org.kaoping.score.Breakdown;
import org.kaoping.score.RuleOutcome;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a run of sheets exercised, read from the Java breakdowns: rule kinds that fired and did not, statuses. */
final class Coverage {
    /** kind → {outcomes, fired, not fired, zeroed, award (> 0), deduction (< 0)} */
    final Map<String, int[]> kinds = new TreeMap<>();
    final Set<String> statuses = new TreeSet<>();
    int partLimits;
    int vetoes;

    static String kind(Rule r) {
        String n = r.getClass().getSimpleName();
        return Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }

    static Coverage of(Rubric rubric, List<Parity.JavaResult> results) {
        Coverage cov = new Coverage();
        for (Parity.JavaResult j : results) {
            if (j.raw() == null) {
                continue;
            }
            cov.vetoes += j.raw().vetoes().size();
            for (Breakdown.SectionScore s : j.raw().sections()) {
                for (Breakdown.CriterionScore c : s.criteria()) {
                    cov.statuses.add(c.status().name());
                    cov.partLimits += c.parts().size();
                    Criterion crit = rubric.criterion(c.id()).orElseThrow();
                    for (RuleOutcome o : c.rules()) {
                        int[] k = cov.kinds.computeIfAbsent(kind(crit.rule(o.ruleId()).orElseThrow()), x -> new int[6]);
                        k[0]++;
                        k[o.fired() ? 1 : 2]++;
                        if (o.zeroes()) {
                            k[3]++;
                        }
                        if (o.effect().signum() > 0) {
                            k[4]++;
                        }
                        if (o.effect().signum() < 0) {
                            k[5]++;
                        }
                    }
                }
            }
        }
        return cov;
    }

    /**
     * Section-level coverage of a run: {sheets scored, capped bonus sections that reached their cap,
     * capped penalty sections that reached theirs, penalty sections inside a category sheet that deducted}.
     */
    static int[] sections(Rubric rubric, List<Parity.JavaResult> results) {
        int[] out = new int[4];
        for (Parity.JavaResult j : results) {
            if (j.raw() == null) {
                continue;
            }
            out[0]++;
            for (Breakdown.SectionScore s : j.raw().sections()) {
                Section section = rubric.sections().stream().filter(x -> x.id().equals(s.id())).findFirst().orElseThrow();
                java.math.BigDecimal raw = s.criteria().stream().map(Breakdown.CriterionScore::score)
                        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
                if (section.cap() != null && section.kind() == org.kaoping.model.SectionKind.BONUS
                        && raw.compareTo(section.cap()) > 0) {
                    out[1]++;
                }
                if (section.cap() != null && section.kind() == org.kaoping.model.SectionKind.PENALTY
                        && raw.compareTo(section.cap().negate()) < 0) {
                    out[2]++;
                }
                if (section.sheet() != null && section.kind() == org.kaoping.model.SectionKind.PENALTY && s.score().signum() < 0) {
                    out[3]++;
                }
            }
        }
        return out;
    }

    static Set<String> kindsIn(Rubric rubric) {
        Set<String> out = new TreeSet<>();
        for (Section s : rubric.sections()) {
            for (Criterion c : s.criteria()) {
                c.rules().forEach(r -> out.add(kind(r)));
            }
        }
        return out;
    }

    /** Every rule kind the rubric uses both fired and stayed silent; every entry status appeared. */
    void requireRuleKindsExercised(Rubric rubric) {
        for (String k : kindsIn(rubric)) {
            int[] c = kinds.getOrDefault(k, new int[6]);
            assertTrue(c[1] > 0 && c[2] > 0, rubric.id() + ": rule kind " + k + " fired " + c[1] + ", silent " + c[2]);
        }
        for (String st : List.of("GIVEN", "FROM_INPUTS", "NOT_RECORDED", "NOT_APPLICABLE")) {
            assertTrue(statuses.contains(st), rubric.id() + ": no criterion with status " + st);
        }
        if (rubric.sections().stream().anyMatch(s -> !s.groups().isEmpty())) {
            assertTrue(statuses.contains("SUPERSEDED"), rubric.id() + ": highest-only groups never superseded a criterion");
        }
        if (!rubric.vetoes().isEmpty()) {
            assertTrue(vetoes > 0, rubric.id() + ": no veto applied");
        }
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        kinds.forEach((k, c) -> b.append(String.format("%s: %d outcomes, %d fired, %d zeroed, %d awards, %d deductions; ",
                k, c[0], c[1], c[3], c[4], c[5])));
        return b + "statuses " + statuses + ", part limits " + partLimits + ", vetoes " + vetoes;
    }
}
