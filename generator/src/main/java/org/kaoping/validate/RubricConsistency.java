package org.kaoping.validate;

import com.fasterxml.jackson.databind.JsonNode;
import org.kaoping.load.Diagnostic;
import org.kaoping.load.JsonPath;
import org.kaoping.load.JsonSource;
import org.kaoping.load.Loaded;
import org.kaoping.model.Assessment;
import org.kaoping.model.CategorySheet;
import org.kaoping.model.Criterion;
import org.kaoping.model.HighestOnlyGroup;
import org.kaoping.model.Part;
import org.kaoping.model.Rubric;
import org.kaoping.model.Rule;
import org.kaoping.model.Section;
import org.kaoping.model.SectionKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The consistency rules of rubrics/README.md that a schema cannot express. */
public final class RubricConsistency {
    private final Rubric rubric;
    private final JsonSource source;
    private final List<Diagnostic> out = new ArrayList<>();

    private RubricConsistency(Loaded<Rubric> loaded) {
        this.rubric = loaded.value();
        this.source = loaded.source();
    }

    public static List<Diagnostic> check(Loaded<Rubric> loaded) {
        RubricConsistency c = new RubricConsistency(loaded);
        c.run();
        return c.out;
    }

    private void run() {
        checkDecimals(source.tree(), "$");
        Set<String> sectionIds = new HashSet<>();
        Set<String> criterionIds = new HashSet<>();
        Set<String> sheetIds = new HashSet<>();
        for (int i = 0; i < rubric.sheets().size(); i++) {
            if (!sheetIds.add(rubric.sheets().get(i).id())) {
                error("$.sheets[" + i + "].id", "duplicate sheet id \"" + rubric.sheets().get(i).id() + "\"");
            }
        }
        Set<String> vetoIds = new HashSet<>();
        for (int i = 0; i < rubric.vetoes().size(); i++) {
            if (!vetoIds.add(rubric.vetoes().get(i).id())) {
                error("$.vetoes[" + i + "].id", "duplicate veto id \"" + rubric.vetoes().get(i).id() + "\"");
            }
        }
        BigDecimal scoreTotal = BigDecimal.ZERO;
        Map<String, BigDecimal> perSheet = new LinkedHashMap<>();
        for (int si = 0; si < rubric.sections().size(); si++) {
            Section s = rubric.sections().get(si);
            String sp = "$.sections[" + si + "]";
            if (!sectionIds.add(s.id())) {
                error(sp + ".id", "duplicate section id \"" + s.id() + "\"");
            }
            checkSection(s, sp, criterionIds, vetoIds);
            if (!rubric.sheets().isEmpty()) {
                if (s.sheet() == null) {
                    error(sp, "section " + s.number() + " must name its \"sheet\": the rubric declares sheets");
                } else if (!sheetIds.contains(s.sheet())) {
                    error(sp + ".sheet", "unknown sheet \"" + s.sheet() + "\"; declared: " + String.join(", ", sheetIds));
                }
            } else if (s.sheet() != null) {
                error(sp + ".sheet", "section names a sheet but the rubric declares no \"sheets\"");
            }
            if (s.kind() == SectionKind.SCORE && s.points() != null) {
                scoreTotal = scoreTotal.add(s.points());
                if (s.sheet() != null) {
                    perSheet.merge(s.sheet(), s.points(), BigDecimal::add);
                }
            }
        }
        if (!rubric.partial()) {
            if (rubric.sheets().isEmpty()) {
                if (scoreTotal.compareTo(rubric.total()) != 0) {
                    error("$.total", "the score sections add up to " + plain(scoreTotal) + ", not the total "
                            + plain(rubric.total()) + " (declare \"partial\": true if the source survives only in part)");
                }
            } else {
                for (int i = 0; i < rubric.sheets().size(); i++) {
                    CategorySheet cs = rubric.sheets().get(i);
                    BigDecimal sum = perSheet.getOrDefault(cs.id(), BigDecimal.ZERO);
                    if (sum.compareTo(cs.points()) != 0) {
                        error("$.sheets[" + i + "].points", "the sections of sheet \"" + cs.id() + "\" add up to "
                                + plain(sum) + ", not its " + plain(cs.points()) + " points");
                    }
                }
            }
        }
        if (rubric.step() != null && rubric.step().scale() > rubric.scale()) {
            error("$.step", "step " + plain(rubric.step()) + " has more decimals than the rubric's scale " + rubric.scale());
        }
        if (rubric.assessment() != null) {
            AssessmentConsistency.check(rubric.assessment(), "$.assessment", rubric.sheets().stream()
                    .map(CategorySheet::id).toList(), source, out);
        }
    }

    private void checkSection(Section s, String sp, Set<String> criterionIds, Set<String> vetoIds) {
        if (s.kind() == SectionKind.SCORE && s.points() == null) {
            error(sp, "score section " + s.number() + " needs \"points\"");
        }
        if (s.kind() == SectionKind.SCORE && s.cap() != null) {
            error(sp + ".cap", "a score section has no cap; its criteria's points limit it");
        }
        BigDecimal sum = BigDecimal.ZERO;
        Set<String> local = new HashSet<>();
        for (int ci = 0; ci < s.criteria().size(); ci++) {
            Criterion c = s.criteria().get(ci);
            String cp = sp + ".criteria[" + ci + "]";
            if (!criterionIds.add(c.id())) {
                error(cp + ".id", "duplicate criterion id \"" + c.id() + "\"");
            }
            local.add(c.id());
            if (c.points() == null && s.kind() == SectionKind.SCORE) {
                error(cp, "criterion " + c.number() + " needs \"points\"");
                continue;
            }
            if (c.points() != null) {
                sum = sum.add(c.points());
            }
            checkCriterion(c, s.kind(), cp, vetoIds);
        }
        if (s.kind() == SectionKind.SCORE && s.points() != null && !rubric.partial() && sum.compareTo(s.points()) != 0) {
            error(sp + ".points", "the criteria of section " + s.number() + " add up to " + plain(sum)
                    + ", not its " + plain(s.points()) + " points");
        }
        for (int gi = 0; gi < s.groups().size(); gi++) {
            HighestOnlyGroup g = s.groups().get(gi);
            for (String member : g.criteria()) {
                if (!local.contains(member)) {
                    error(sp + ".groups[" + gi + "]", "group \"" + g.id() + "\" names \"" + member
                            + "\", which is not a criterion of this section");
                }
            }
        }
    }

    private void checkCriterion(Criterion c, SectionKind kind, String cp, Set<String> vetoIds) {
        BigDecimal points = c.points();
        if (c.appliesTo() != null) {
            var def = rubric.attributes().get(c.appliesTo().attribute());
            if (def == null) {
                error(cp + ".appliesTo.attribute", "unknown attribute \"" + c.appliesTo().attribute()
                        + "\"; declare it in the rubric's \"attributes\"");
            } else {
                for (String v : c.appliesTo().values()) {
                    if (!def.values().containsKey(v)) {
                        error(cp + ".appliesTo.values", "attribute " + c.appliesTo().attribute() + " has no value \"" + v + "\"");
                    }
                }
            }
        }
        if (!c.parts().isEmpty() && kind != SectionKind.SCORE) {
            error(cp + ".parts", "parts are budgets for deductions: only criteria of score sections have them");
        }
        Set<String> partIds = new HashSet<>();
        BigDecimal budgets = BigDecimal.ZERO;
        for (int pi = 0; pi < c.parts().size(); pi++) {
            Part p = c.parts().get(pi);
            if (!partIds.add(p.id())) {
                error(cp + ".parts[" + pi + "].id", "duplicate part id \"" + p.id() + "\"");
            }
            budgets = budgets.add(p.budget());
        }
        if (!c.parts().isEmpty() && points != null && budgets.compareTo(points) != 0) {
            error(cp + ".parts", "the parts' budgets add up to " + plain(budgets) + ", not the criterion's "
                    + plain(points) + " points");
        }
        Set<String> ruleIds = new HashSet<>();
        Set<String> scoreSetters = new HashSet<>();
        for (int ri = 0; ri < c.rules().size(); ri++) {
            Rule r = c.rules().get(ri);
            String rp = cp + ".rules[" + ri + "]";
            if (!ruleIds.add(r.id())) {
                error(rp + ".id", "duplicate rule id \"" + r.id() + "\" in criterion " + c.number());
            }
            BigDecimal scope = points;
            if (r.part() != null) {
                var part = c.part(r.part());
                if (part.isEmpty()) {
                    error(rp + ".part", "unknown part \"" + r.part() + "\" in criterion " + c.number());
                } else {
                    scope = part.get().budget();
                }
            }
            if (r.veto() != null && !vetoIds.contains(r.veto())) {
                error(rp + ".veto", "unknown veto \"" + r.veto() + "\"; declare it in \"vetoes\"");
            }
            if ((r instanceof Rule.Direct || r instanceof Rule.EarnPerCount || r instanceof Rule.Levels)
                    && !scoreSetters.add(r.part() == null ? "" : r.part())) {
                error(rp, "another rule already sets the score of " + (r.part() == null ? "criterion " + c.number()
                        : "part " + r.part()) + " (direct, earnPerCount and levels each set their whole scope)");
            }
            checkRule(r, kind, rp, scope, points);
        }
    }

    private void checkRule(Rule r, SectionKind kind, String rp, BigDecimal scope, BigDecimal criterionPoints) {
        if ((r instanceof Rule.EarnPerCount || r instanceof Rule.Direct) && kind != SectionKind.SCORE) {
            error(rp, kindName(r) + " sets the score of a score criterion (or its part); in a "
                    + kind.name().toLowerCase() + " section use " + (r instanceof Rule.Direct ? "a score given for the whole criterion" : "awardPerCount"));
            return;
        }
        if (r instanceof Rule.ExcessRatio && kind == SectionKind.PENALTY) {
            error(rp, "excessRatio awards points; a penalty section only deducts");
            return;
        }
        if (r instanceof Rule.CompletionRatio x && x.budget() == null && x.part() == null && criterionPoints == null) {
            error(rp, "completionRatio needs a \"budget\": its criterion has no points to take the ratio of");
            return;
        }
        if (kind == SectionKind.PENALTY && scope == null) {
            return; // an uncapped penalty: nothing to stay within
        }
        if (r instanceof Rule.PerCount x) {
            within(rp + ".cap", "cap", x.cap(), scope);
        } else if (r instanceof Rule.Discretionary x) {
            within(rp + ".max", "max", x.max(), scope);
            if (x.min().compareTo(x.max()) > 0) {
                error(rp + ".min", "min " + plain(x.min()) + " is above max " + plain(x.max()));
            }
        } else if (r instanceof Rule.CompletionRatio x) {
            // The ratio may be taken of a larger budget than its part: the part's budget then caps the deduction
            // (信息分扣分超过2分及以上的按2分扣分).
            within(rp + ".budget", "budget", x.budget(), criterionPoints);
            checkTargets(x, rp);
        } else if (r instanceof Rule.ExcessRatio x) {
            // In a score criterion the award goes beyond the points, like overTarget's bonusCap.
            if (kind == SectionKind.BONUS) {
                within(rp + ".cap", "cap", x.cap(), scope);
            }
            checkTargets(x, rp);
        } else if (r instanceof Rule.EarnPerCount x) {
            within(rp + ".cap", "cap", x.cap(), scope);
            within(rp + ".per", "per", x.per(), scope);
        } else if (r instanceof Rule.DiscretionaryEach x) {
            within(rp + ".max", "max", x.max(), scope);
            within(rp + ".cap", "cap", x.cap(), scope);
            if (x.min().compareTo(x.max()) > 0) {
                error(rp + ".min", "min " + plain(x.min()) + " is above max " + plain(x.max()));
            }
        } else if (r instanceof Rule.DiscretionaryIf x) {
            within(rp + ".max", "max", x.max(), scope);
            if (x.min().compareTo(x.max()) > 0) {
                error(rp + ".min", "min " + plain(x.min()) + " is above max " + plain(x.max()));
            }
        } else if (r instanceof Rule.Threshold x) {
            within(rp + ".deduct", "deduct", x.deduct(), scope);
        } else if (r instanceof Rule.Levels x) {
            Set<String> codes = new HashSet<>();
            for (int li = 0; li < x.levels().size(); li++) {
                Rule.Level l = x.levels().get(li);
                if (!codes.add(l.code())) {
                    error(rp + ".levels[" + li + "].code", "duplicate level code \"" + l.code() + "\"");
                }
                within(rp + ".levels[" + li + "].points", "level points", l.points(), scope);
            }
        } else if (r instanceof Rule.AwardPerCount x) {
            if (kind == SectionKind.SCORE && r.part() == null) {
                // An award inside a score criterion only gives back deductions; allowed.
                return;
            }
            within(rp + ".cap", "cap", x.cap(), scope);
        } else if (r instanceof Rule.Symmetric x) {
            within(rp + ".cap", "cap", x.cap(), scope);
        } else if (r instanceof Rule.OverTarget x) {
            within(rp + ".cap", "cap", x.cap(), scope);
            if (kind != SectionKind.SCORE) {
                error(rp, "overTarget goes beyond a score criterion's points; in a " + kind.name().toLowerCase()
                        + " section use awardPerCount");
            }
        } else if (r instanceof Rule.Escalating x) {
            within(rp + ".cap", "cap", x.cap(), scope);
        }
    }

    private void checkTargets(Rule.Targeted x, String rp) {
        if (x.attribute() != null) {
            var def = rubric.attributes().get(x.attribute());
            if (def == null) {
                error(rp + ".attribute", "unknown attribute \"" + x.attribute() + "\"; declare it in the rubric's \"attributes\"");
            } else if (!def.values().keySet().equals(x.targets().keySet())) {
                error(rp + ".targets", "targets must give one value for each of " + String.join(", ", def.values().keySet()));
            }
        }
    }

    private static String kindName(Rule r) {
        String n = r.getClass().getSimpleName();
        return Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }

    private void within(String path, String what, BigDecimal value, BigDecimal limit) {
        if (value != null && limit != null && value.compareTo(limit) > 0) {
            error(path, what + " " + plain(value) + " exceeds the " + plain(limit) + " points it limits");
        }
    }

    private void checkDecimals(JsonNode node, String path) {
        if (node.isNumber()) {
            BigDecimal v = node.decimalValue();
            if (v.stripTrailingZeros().scale() > rubric.scale() && !path.contains(".weight") && !path.endsWith(".zeroBelow")) {
                error(path, plain(v) + " has more decimals than the rubric's scale " + rubric.scale());
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                checkDecimals(e.getValue(), JsonPath.child(path, e.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkDecimals(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private void error(String path, String message) {
        out.add(source.error(path, message));
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
