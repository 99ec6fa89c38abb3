package org.kaoping.site;

import org.kaoping.model.Assessment;
import org.kaoping.model.Rubric;
import org.kaoping.model.Sheet;
import org.kaoping.model.TiePolicy;
import org.kaoping.rank.Standing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a station page leads with: the items of its latest sheet that lost points, most points first,
 * each linked to its rule and to its row in the self-check form, which of them alone would close the gap
 * to the place above, and the fewest that together would. Gains come from re-scoring the sheet
 * ({@link Recovery}); where the sheet does not determine the total, the items are listed without claims.
 *
 * @param period      the sheet's period
 * @param gap         "2022 年度排第 3 名，距第 2 名差 0.10 分", or "" when there is no place above to reach or no
 *                    claim to make
 * @param items       lost items, most points lost first (ties in rubric order)
 * @param opportunity the fewest items that together pass the place above, or null without a claim
 */
public record StationFocus(String period, String gap, List<Item> items, Opportunity opportunity) {

    /**
     * @param href      the criterion on its rubric page
     * @param formHref  its row in the self-check form of the sheet's rubric, or "" without a form
     * @param row       the criterion id, for the station page's script to open the form prefilled at that row
     * @param gainNote  what restoring it alone adds to the total, in words, where that differs from what it lost
     *                  (a weighted component, a cap), or ""
     * @param closesGap restoring this item alone passes the place above
     */
    public record Item(String number, String content, String lost, String href, String formHref, String row,
                       String gainNote, boolean closesGap) {
        public boolean hasForm() {
            return !formHref.isEmpty();
        }
    }

    /**
     * The fewest lost items that together pass the place above, in words, with exact figures.
     *
     * @param reaches  false: even every lost item restored does not pass it (the sentence says so)
     * @param sentence "挽回 四、七.4 与 六.2 三项共 4.00 分，即可超过第 1 名观音寺司法所……"
     * @param tieRule  how this period ranks equal totals, and so why passing means a higher total
     */
    public record Opportunity(boolean reaches, List<String> numbers, String gain, String from, String to,
                              String sentence, String tieRule) {
    }

    public boolean hasGap() {
        return !gap.isEmpty();
    }

    public boolean anyClosesGap() {
        return items.stream().anyMatch(Item::closesGap);
    }

    /** Every item alone would do: said once, not starred on every line. */
    public boolean allCloseGap() {
        return !items.isEmpty() && items.stream().allMatch(Item::closesGap);
    }

    /** Some but not all items alone would do: those are starred. */
    public boolean someCloseGap() {
        return anyClosesGap() && !allCloseGap();
    }

    /**
     * @param scoredSheet the sheet as the period scored it (registry attributes, per-station targets)
     * @param hasForm     the site has the self-check form of the sheet's rubric
     */
    static StationFocus of(ScoredPeriod sp, Standing s, Sheet scoredSheet, Stations stations, boolean hasForm) {
        Rubric rubric = sp.rubric();
        Assessment a = sp.assessment();
        int scale = a.scale();
        RubricLayout layout = sp.layout();
        List<Recovery.Lost> lost = Recovery.lostItems(layout, s.breakdown());
        Optional<Recovery> recovery = s.voided() ? Optional.empty() : Recovery.of(sp, s, scoredSheet);
        Optional<Standing> above = recovery.isPresent() ? sp.above(s) : Optional.empty();
        if (above.isPresent()) {
            lost = recovery.get().withGains(lost);
        }
        List<Recovery.Lost> byLoss = new ArrayList<>(lost);
        byLoss.sort(Comparator.comparing(Recovery.Lost::lost).reversed()); // stable: ties keep rubric order
        BigDecimal target = above.map(Standing::total).orElse(null);
        // the content as a phrase before "：失 … 分", without the full stop some sources end it with
        String form = hasForm ? SelfCheckPage.pathOf(rubric.id()) + "#" : "";
        List<Item> items = byLoss.stream().map(l -> {
            int i = layout.indexOf(l.criterion().id());
            return new Item(l.criterion().number(), layout.focusPhrase(i),
                    Numbers.fixed(l.lost(), rubric.scale()),
                    layout.href(i),
                    hasForm ? form + layout.anchor(i) : "",
                    hasForm ? l.criterion().id() : "",
                    gainNote(l, scale),
                    target != null && l.gain() != null && s.total().add(l.gain()).compareTo(target) > 0);
        }).toList();
        if (above.isEmpty() || lost.isEmpty()) {
            return new StationFocus(sp.period().title(), "", items, null);
        }
        BigDecimal diff = target.subtract(s.total());
        String gapWords = sp.period().title() + "排第 " + s.place() + " 名，" + (diff.signum() > 0
                ? "距第 " + above.get().place() + " 名差 " + Numbers.fixed(diff, scale) + " 分"
                : "与第 " + above.get().place() + " 名同分，按同分排序规则列后");
        Recovery.Combination c = recovery.get().toPass(lost, target);
        return new StationFocus(sp.period().title(), gapWords, items,
                opportunity(c, s, sp.standings().atPlace(above.get().place()), stations, a));
    }

    private static String gainNote(Recovery.Lost l, int scale) {
        if (l.gain() == null || l.gain().compareTo(l.lost()) == 0) {
            return "";
        }
        return l.gain().signum() == 0 ? "按计分规则，单独挽回这一项总分不变"
                : "按计分规则，单独挽回这一项总分增加 " + Numbers.fixed(l.gain(), scale) + " 分";
    }

    private static Opportunity opportunity(Recovery.Combination c, Standing s, List<Standing> abovePlace,
                                           Stations stations, Assessment a) {
        int scale = a.scale();
        Standing first = abovePlace.get(0);
        String whom = "第 " + first.place() + " 名" + stations.name(first.station())
                + (abovePlace.size() > 1 ? "等 " + abovePlace.size() + " 个所" : "");
        List<String> numbers = c.items().stream().map(l -> l.criterion().number()).toList();
        String gain = Numbers.fixed(c.total().subtract(s.total()), scale);
        String from = Numbers.fixed(s.total(), scale);
        String to = Numbers.fixed(c.total(), scale);
        String target = Numbers.fixed(first.total(), scale);
        String sentence;
        if (c.reaches()) {
            sentence = (numbers.size() == 1 ? "只需挽回 " + numbers.get(0) + " 这一项的 " + gain + " 分"
                    : "挽回 " + joined(numbers) + " " + (numbers.size() == 2 ? "两" : Losses.chineseNumber(numbers.size()))
                    + "项共 " + gain + " 分")
                    + "，即可超过" + whom + "：总分由 " + from + " 分升至 " + to + " 分，高于其 " + target + " 分。";
        } else {
            sentence = "即使挽回全部 " + numbers.size() + " 个失分项，总分也只能由 " + from + " 分升至 " + to
                    + " 分，不能超过" + whom + "（" + target + " 分）。";
        }
        return new Opportunity(c.reaches(), numbers, gain, from, to, sentence, tieRule(a));
    }

    /** "一.2 与 三.1", "一.2、三.1 与 四". */
    static String joined(List<String> numbers) {
        if (numbers.size() == 1) {
            return numbers.get(0);
        }
        return String.join("、", numbers.subList(0, numbers.size() - 1)) + " 与 " + numbers.get(numbers.size() - 1);
    }

    /** Whether an equal total would do, under this period's ranking rules (rank.Places). */
    private static String tieRule(Assessment a) {
        String rule;
        if (a.ranking().ties() == TiePolicy.SHARED) {
            rule = "总分相同的所名次并列";
        } else if (a.ranking().effectiveTieBreak().startsWith("component:")) {
            rule = "总分相同的所依次比较“" + AssessmentWording.basisTitle(a,
                    a.ranking().effectiveTieBreak().substring("component:".length())) + "”得分";
        } else {
            rule = "总分相同的所按公布材料中的先后顺序排列";
        }
        return "按本期排名规则，" + rule + "，所以这里以总分高于对方为准。";
    }
}
