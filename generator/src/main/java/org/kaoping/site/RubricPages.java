package org.kaoping.site;

import org.kaoping.model.AttributeDefinition;
import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.model.Section;
import org.kaoping.model.SectionKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Builds a rubric's page, with the changes from the rubric used before it. */
final class RubricPages {
    private RubricPages() {
    }

    static RubricPage build(Rubric r, Map<String, Rubric> rubrics, List<ScoredPeriod> periods, boolean internal) {
        List<Link> usedBy = periods.stream().filter(sp -> r.id().equals(sp.period().rubric()))
                .map(sp -> new Link(sp.period().title(), Slug.periodPage(sp.id()))).toList();
        List<String> attributes = new ArrayList<>();
        new TreeMap<>(r.attributes()).forEach((k, d) -> attributes.add(d.title() + "：" + valueLabels(d)));
        List<String> categorySheets = r.sheets().stream()
                .map(s -> s.title() + "（" + Numbers.plain(s.points()) + " 分）").toList();
        List<RubricPage.SectionView> sections = r.sections().stream().map(s -> section(r, s, internal)).toList();
        List<StationPage.VetoView> vetoes = r.vetoes().stream()
                .map(v -> new StationPage.VetoView(v.text(), AssessmentWording.vetoEffect(v.effect()))).toList();
        var a = r.assessment();
        Rubric previous = previousRubric(r, rubrics, periods);
        RubricDiff diff = previous == null ? null : RubricDiff.between(previous, r);
        List<String> notes = new ArrayList<>();
        if (internal) {
            notes.add("来源：" + r.source());
            notes.addAll(r.notes());
        }
        return new RubricPage(r.id(), r.title(), r.issuer(), Integer.toString(r.year()),
                AssessmentWording.periodType(r.periodType()), Numbers.plain(r.total()),
                "得分" + AssessmentWording.scaleWords(r.scale(), r.rounding()), Numbers.plain(r.effectiveStep()),
                partialNote(r), usedBy, Slug.rubricJson(r.id()), String.join("；", attributes), categorySheets, sections,
                r.allCriteria().stream().anyMatch(c -> c.department() != null && !c.department().isBlank()), vetoes,
                a == null ? List.of() : AssessmentWording.totals(a, r, null),
                a == null ? List.of() : AssessmentWording.ties(a, r.vetoes()),
                a == null ? List.of() : AssessmentWording.tiers(a),
                diff, diff == null ? noDiff(r, periods) : "", notes);
    }

    /**
     * The rubric before this one: follow "previous" back from the first period that uses this rubric
     * to the nearest period with another rubric. Rubrics no period uses have none.
     */
    static Rubric previousRubric(Rubric r, Map<String, Rubric> rubrics, List<ScoredPeriod> periods) {
        ScoredPeriod first = periods.stream().filter(sp -> r.id().equals(sp.period().rubric())).findFirst().orElse(null);
        if (first == null) {
            return null;
        }
        for (ScoredPeriod p = first.previous(); p != null; p = p.previous()) {
            String other = p.period().rubric();
            if (other == null) {
                return null;
            }
            if (!other.equals(r.id())) {
                return rubrics.get(other);
            }
        }
        return null;
    }

    private static String noDiff(Rubric r, List<ScoredPeriod> periods) {
        ScoredPeriod first = periods.stream().filter(sp -> r.id().equals(sp.period().rubric())).findFirst().orElse(null);
        if (first == null) {
            return "本细则未用于本站收录的考核期，不与其他细则比较。";
        }
        if (first.previous() == null) {
            return "使用本细则的第一个考核期（" + first.period().title() + "）之前没有收录的考核期，无可比较的上一版细则。";
        }
        return "上一考核期（" + first.previous().period().title() + "）没有考核细则，无可比较的上一版细则。";
    }

    static String partialNote(Rubric r) {
        if (!r.partial()) {
            return "";
        }
        BigDecimal surviving = r.sections().stream().filter(s -> s.kind() == SectionKind.SCORE && s.points() != null)
                .map(Section::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        return "本细则原件仅存部分内容：现存计分项目合计 " + Numbers.plain(surviving) + " 分（细则满分 "
                + Numbers.plain(r.total()) + " 分），缺失部分未作补充。";
    }

    private static RubricPage.SectionView section(Rubric r, Section s, boolean internal) {
        String points = RubricWording.sectionPoints(s);
        String sheet = RubricWording.sheetTitle(r, s);
        List<String> groups = s.groups().stream().map(g -> g.title() + "：" + g.criteria().stream()
                .map(id -> r.criterion(id).map(Criterion::number).orElse(id)).collect(Collectors.joining("、"))
                + " 只计得分最高的一项").toList();
        List<RubricPage.CriterionView> criteria = s.criteria().stream().map(c -> criterion(r, s, c, internal)).toList();
        return new RubricPage.SectionView("s-" + s.id(), RubricDiff.sectionLabel(s) + PeriodPages.kindSuffix(s.kind()),
                s.kind().name().toLowerCase(java.util.Locale.ROOT), points, sheet, criteria, groups,
                internal ? s.notes() : List.of());
    }

    private static RubricPage.CriterionView criterion(Rubric r, Section s, Criterion c, boolean internal) {
        String points = RubricWording.criterionPoints(s, c);
        String applies = RubricWording.applicability(r, c);
        String parts = RubricWording.parts(c);
        return new RubricPage.CriterionView(Slug.criterionAnchor(c.id()), c.number(), c.content(), c.standard(), points,
                Objects.requireNonNullElse(c.department(), ""), applies, parts, internal ? c.notes() : List.of());
    }

    private static String valueLabels(AttributeDefinition d) {
        return new TreeMap<>(d.values()).values().stream().collect(Collectors.joining("、"));
    }
}
