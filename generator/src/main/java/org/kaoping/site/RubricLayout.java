package org.kaoping.site;

import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.model.Section;
import org.kaoping.model.SectionKind;
import org.kaoping.score.Breakdown;
import org.kaoping.score.Rescoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A rubric's criteria in order, with what every page of a period repeats for each of them — its section, the
 * section's label, its links on the rubric page and in the self-check form — made once per period and shared by
 * every page and report that shows the period. A province's station pages, reports and tables otherwise looked
 * each criterion up by id in every breakdown (10,000 stations × 47 criteria × 8 periods, several times over) and
 * rebuilt the same labels and links for every row.
 * <p>Immutable, so rendering threads share it. Equal when made from equal rubrics (page records compare by value).
 */
final class RubricLayout {
    /** Trailing sentence punctuation of a criterion's content, as the report drops it before a bracket or colon. */
    private static final Pattern CONTENT_END = Pattern.compile("[。；;]+$");
    private static final Pattern FULL_STOPS_END = Pattern.compile("。+$");

    private final Rubric rubric;
    private final Criterion[] criteria;
    private final int[] section;
    private final String[] sectionLabels;
    private final String[] tableLabels;
    private final String[] hrefs;
    private final String[] anchors;
    private final String[] phrases;
    private final String[] focusPhrases;
    private final Map<String, Integer> byId;
    private final String page;
    private final Rescoring.Plan rescoring;

    private RubricLayout(Rubric rubric) {
        this.rubric = rubric;
        this.rescoring = Rescoring.plan(rubric);
        List<Section> sections = rubric.sections();
        int n = 0;
        for (Section s : sections) {
            n += s.criteria().size();
        }
        criteria = new Criterion[n];
        section = new int[n];
        hrefs = new String[n];
        anchors = new String[n];
        phrases = new String[n];
        focusPhrases = new String[n];
        sectionLabels = new String[sections.size()];
        tableLabels = new String[sections.size()];
        byId = new HashMap<>(n * 2);
        page = Slug.rubricPage(rubric.id());
        int i = 0;
        for (int si = 0; si < sections.size(); si++) {
            Section s = sections.get(si);
            sectionLabels[si] = RubricDiff.sectionLabel(s);
            tableLabels[si] = sectionLabels[si] + PeriodPages.kindSuffix(s.kind());
            List<Criterion> list = s.criteria();
            for (int ci = 0; ci < list.size(); ci++) {
                Criterion c = list.get(ci);
                criteria[i] = c;
                section[i] = si;
                anchors[i] = Slug.criterionAnchor(c.id());
                hrefs[i] = page + "#" + anchors[i];
                phrases[i] = CONTENT_END.matcher(c.content()).replaceAll("");
                focusPhrases[i] = FULL_STOPS_END.matcher(c.content().strip()).replaceAll("");
                byId.putIfAbsent(c.id(), i); // the first with an id wins, as Rubric.criterion's scan
                i++;
            }
        }
    }

    /** The layout of {@code rubric}, or null for none (a period without a rubric). */
    static RubricLayout of(Rubric rubric) {
        return rubric == null ? null : new RubricLayout(rubric);
    }

    Rubric rubric() {
        return rubric;
    }

    /** What re-scoring a sheet with items restored needs of the rubric (a station page's gains, {@link Recovery}). */
    Rescoring.Plan rescoring() {
        return rescoring;
    }

    /** How many criteria the rubric has, over all sections. */
    int size() {
        return criteria.length;
    }

    Criterion criterion(int i) {
        return criteria[i];
    }

    /** The section of criterion {@code i}. */
    Section section(int i) {
        return rubric.sections().get(section[i]);
    }

    SectionKind kind(int i) {
        return section(i).kind();
    }

    /** "一 所务管理" ({@link RubricDiff#sectionLabel}) of the section with this index in the rubric. */
    String sectionLabel(int sectionIndex) {
        return sectionLabels[sectionIndex];
    }

    /**
     * The section's label and kind ("二 加分项目（加分）") as the first column of a sheet's table: made once per
     * period, not once per station (a province's 80,000 tables repeated it 10,000 times a period).
     */
    String tableLabel(int sectionIndex) {
        return tableLabels[sectionIndex];
    }

    /** The section index of criterion {@code i}. */
    int sectionIndex(int i) {
        return section[i];
    }

    /** The index of the first criterion of the section with this index. */
    int firstOf(int sectionIndex) {
        for (int i = 0; i < criteria.length; i++) {
            if (section[i] >= sectionIndex) {
                return i;
            }
        }
        return criteria.length;
    }

    /** The criterion's row on its rubric page: "rubrics/&lt;rubric&gt;.html#c-&lt;id&gt;". */
    String href(int i) {
        return hrefs[i];
    }

    /** The criterion's anchor, "c-&lt;id&gt;" ({@link Slug#criterionAnchor}). */
    String anchor(int i) {
        return anchors[i];
    }

    /** The content without trailing 。；; — as the report quotes it in 【…】 or in place of a reason. */
    String phrase(int i) {
        return phrases[i];
    }

    /** The content stripped, without trailing 。 — as a station page's lead puts it before "：失 … 分". */
    String focusPhrase(int i) {
        return focusPhrases[i];
    }

    /** The index of the criterion with this id, or -1. */
    int indexOf(String criterionId) {
        Integer i = byId.get(criterionId);
        return i == null ? -1 : i;
    }

    /** The section of the criterion with this id, or null. */
    Section sectionOf(String criterionId) {
        int i = indexOf(criterionId);
        return i < 0 ? null : section(i);
    }

    /**
     * The breakdown's score of every criterion, in the layout's order (null where the breakdown has none). A
     * breakdown of this rubric has its shape, so each is found at its own position; an id checks every one, and
     * one found elsewhere (or not at all) is looked up by id, so the answer is always the breakdown's own.
     */
    Breakdown.CriterionScore[] scores(Breakdown b) {
        Breakdown.CriterionScore[] out = new Breakdown.CriterionScore[criteria.length];
        List<Breakdown.SectionScore> sections = b.sections();
        int i = 0;
        for (int si = 0; si < sectionLabels.length; si++) {
            List<Breakdown.CriterionScore> list = si < sections.size() ? sections.get(si).criteria() : List.of();
            int size = list.size();
            for (int ci = 0; i < criteria.length && section[i] == si; ci++, i++) {
                Breakdown.CriterionScore cs = ci < size ? list.get(ci) : null;
                String id = criteria[i].id();
                out[i] = cs != null && cs.id().equals(id) ? cs : b.criterion(id).orElse(null);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RubricLayout other && rubric.equals(other.rubric);
    }

    @Override
    public int hashCode() {
        return rubric.hashCode();
    }
}
