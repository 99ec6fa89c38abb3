package org.kaoping.site;

import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.model.Section;
import org.kaoping.score.Breakdown;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs the criteria of two sheets of one station: by id under the same rubric, by the newer rubric's
 * declared {@code predecessor} correspondence across rubrics, and not at all otherwise (said plainly).
 */
final class SheetComparisons {
    private SheetComparisons() {
    }

    /** One scored sheet of a station, with where it belongs. */
    record Scored(ScoredPeriod period, Rubric rubric, Breakdown breakdown) {
        /** The rubric's layout: the period's own when the period has this rubric, as a station page's sheets do. */
        RubricLayout layout() {
            RubricLayout shared = period.layout();
            return shared != null && shared.rubric() == rubric ? shared : RubricLayout.of(rubric);
        }
    }

    static SheetChanges compare(Scored older, Scored newer) {
        Link from = new Link(older.period().period().title(), Slug.periodPage(older.period().id()));
        Link to = new Link(newer.period().period().title(), Slug.periodPage(newer.period().id()));
        Map<String, String> pairs = new LinkedHashMap<>(); // newer criterion id → older criterion id
        String basis;
        Rubric a = older.rubric();
        Rubric b = newer.rubric();
        if (a.id().equals(b.id())) {
            a.allCriteria().forEach(c -> pairs.put(c.id(), c.id()));
            basis = "两份评分表使用同一细则（" + b.title() + "），逐项比较。";
        } else if (b.predecessor() != null && b.predecessor().rubric().equals(a.id())) {
            pairs.putAll(b.predecessor().criteria());
            basis = "两份评分表的细则不同（" + a.title() + " → " + b.title() + "）。按新细则中声明的对应关系逐项比较；"
                    + "比较的是各项失分，因此分值有变的评分项也可比较。";
        } else {
            return new SheetChanges(from, to, "两份评分表的细则不同（" + a.title() + " → " + b.title()
                    + "），且新细则没有声明与旧细则评分项的对应关系，无法逐项比较。", false, "", List.of(), List.of(),
                    List.of());
        }
        List<SheetChanges.Change> changes = new ArrayList<>();
        List<SheetChanges.Unpaired> onlyNew = new ArrayList<>();
        Set<String> pairedOld = new HashSet<>();
        int gained = 0;
        int lost = 0;
        int same = 0;
        RubricLayout la = older.layout();
        RubricLayout lb = newer.layout();
        Breakdown.CriterionScore[] olderScores = la.scores(older.breakdown());
        Breakdown.CriterionScore[] newerScores = lb.scores(newer.breakdown());
        for (int i = 0; i < lb.size(); i++) {
            Section s = lb.section(i);
            Criterion c = lb.criterion(i);
            Breakdown.CriterionScore now = newerScores[i];
            String oldId = pairs.get(c.id());
            int j = oldId == null ? -1 : la.indexOf(oldId);
            Section oldSection = j < 0 ? null : la.section(j);
            Breakdown.CriterionScore then = j < 0 ? null : olderScores[j];
            BigDecimal lossNow = Losses.of(s.kind(), now);
            BigDecimal lossThen = then == null || oldSection == null ? null : Losses.of(oldSection.kind(), then);
            if (lossNow == null || lossThen == null) {
                onlyNew.add(new SheetChanges.Unpaired(c.number(), c.content(), scoreText(now)));
                continue;
            }
            pairedOld.add(oldId);
            int cmp = lossNow.compareTo(lossThen);
            SheetChanges.Direction d = cmp < 0 ? SheetChanges.Direction.GAINED
                    : cmp > 0 ? SheetChanges.Direction.LOST : SheetChanges.Direction.UNCHANGED;
            String verdict = switch (d) {
                case GAINED -> "少失 " + Numbers.plain(lossThen.subtract(lossNow)) + " 分";
                case LOST -> "多失 " + Numbers.plain(lossNow.subtract(lossThen)) + " 分";
                case UNCHANGED -> lossNow.signum() == 0 ? "不变（均未失分）" : "不变（均失 " + Numbers.plain(lossNow) + " 分）";
            };
            switch (d) {
                case GAINED -> gained++;
                case LOST -> lost++;
                case UNCHANGED -> same++;
            }
            String oldNumber = la.criterion(j).number();
            changes.add(new SheetChanges.Change(c.number(), oldNumber, c.content(), scoreText(then),
                    scoreText(now), verdict, d));
        }
        List<SheetChanges.Unpaired> onlyOld = new ArrayList<>();
        for (int j = 0; j < la.size(); j++) {
            Criterion c = la.criterion(j);
            if (!pairedOld.contains(c.id())) {
                onlyOld.add(new SheetChanges.Unpaired(c.number(), c.content(), scoreText(olderScores[j])));
            }
        }
        String summary = "可比较的 " + changes.size() + " 项中，" + gained + " 项少失分，" + lost + " 项多失分，" + same
                + " 项不变" + (onlyNew.isEmpty() && onlyOld.isEmpty() ? "。"
                : "；另有 " + onlyNew.size() + " 项只在本次、" + onlyOld.size() + " 项只在上次，无法比较。");
        return new SheetChanges(from, to, basis, true, summary, changes, onlyNew, onlyOld);
    }

    private static String scoreText(Breakdown.CriterionScore cs) {
        if (cs == null) {
            return "—";
        }
        if (cs.status() == Breakdown.Status.NOT_APPLICABLE) {
            return "不适用";
        }
        return Numbers.plain(cs.score()) + " / " + Numbers.plain(cs.maximum());
    }
}
