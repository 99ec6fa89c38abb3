package org.kaoping.site;

import org.kaoping.model.Criterion;
import org.kaoping.model.Period;
import org.kaoping.model.Rubric;
import org.kaoping.model.Section;
import org.kaoping.model.SectionKind;
import org.kaoping.rank.Standing;
import org.kaoping.score.Breakdown;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Drafts a period's 考核情况报告 ({@link ReportDraft}) from its standings, sheets and rubric. */
final class ReportDrafts {
    private ReportDrafts() {
    }

    /**
     * @param commonShare a criterion is a common problem when at least this share of the period's sheets
     *                    lost points on it
     */
    static ReportDraft build(ScoredPeriod sp, Stations stations, String bureau, BigDecimal commonShare) {
        Period p = sp.period();
        Rubric rubric = sp.rubric();
        List<Standing> lines = sp.standings().lines();
        int n = lines.size();
        String heading = p.title().replace(" ", "") + "基层司法所考核情况报告（草稿）";

        String firstFew = lines.stream().limit(4).map(s -> stations.shortName(s.station()))
                .collect(Collectors.joining("、"));
        String basisDoc = rubric == null ? "考核要求" : "《" + rubric.title() + "》的要求";
        String when = dates(p);
        String intro = "按照" + basisDoc + "，" + (when.isEmpty() ? "" : when + "，") + "对" + firstFew
                + (n > 4 ? "等" : "") + n + "个司法所进行" + p.title().replace(" ", "") + "考核，现将具体考核情况报告如下：";

        List<String> method = new ArrayList<>();
        if (rubric != null) {
            List<Section> scored = rubric.sections().stream().filter(s -> s.kind() == SectionKind.SCORE).toList();
            String others = rubric.sections().stream().filter(s -> s.kind() != SectionKind.SCORE)
                    .map(s -> s.title() + PeriodPages.kindSuffix(s.kind())).collect(Collectors.joining("、"));
            String titles = scored.stream().map(Section::title).collect(Collectors.joining("、"));
            method.add("依据《" + rubric.title() + "》的内容和评分标准进行考核。" + (rubric.partial()
                    ? "细则仅存部分内容，现存考核内容为" + titles + "，共" + scored.size() + "项（细则满分"
                    + Numbers.plain(rubric.total()) + "分）"
                    : "考核内容分为" + titles + "，共计" + scored.size() + "项，" + Numbers.plain(rubric.total()) + "分")
                    + (others.isEmpty() ? "" : "；另设" + others) + "。");
        } else {
            method.add("本期没有考核细则数据，只有公布的各所得分。");
        }
        method.addAll(AssessmentWording.totals(sp.assessment(), rubric, p));
        List<Breakdown> breakdowns = lines.stream().map(Standing::breakdown).filter(b -> b != null).toList();
        if (!breakdowns.isEmpty()) {
            method.add("本站有其中" + breakdowns.size() + "个所的完整评分表，以下问题和各所扣分原因据此归纳。");
        }

        List<String> overall = new ArrayList<>();
        SectionStatistics st = SectionStatistics.of("总分", "", sp.totals(), sp.assessment().scale());
        BigDecimal max = lines.stream().map(Standing::total).max(BigDecimal::compareTo).orElse(null);
        BigDecimal min = lines.stream().map(Standing::total).min(BigDecimal::compareTo).orElse(null);
        if (max != null) {
            overall.add("本次考核的" + n + "个司法所平均得分" + st.mean() + "分，中位数" + st.median() + "分；最高"
                    + Numbers.plain(max) + "分（" + namesAt(lines, max, stations) + "），最低" + Numbers.plain(min)
                    + "分（" + namesAt(lines, min, stations) + "）。");
        }
        if (n > 7) {
            // As the bureau's reports do: the first few named as leading, the last few as lagging (by place, ties kept).
            String top = lines.stream().filter(s -> s.place() <= 4).map(s -> stations.name(s.station()))
                    .collect(Collectors.joining("、"));
            int lastPlace = lines.stream().mapToInt(Standing::place).max().orElse(n);
            String bottom = lines.stream().filter(s -> s.place() > lastPlace - 3).map(s -> stations.name(s.station()))
                    .collect(Collectors.joining("、"));
            overall.add("其中，" + top + "得分居前；" + bottom + "得分居后。");
        }
        // Each station's name looked up once: a province's report names 10,000 of them in several places.
        List<String> names = lines.stream().map(s -> stations.name(s.station())).toList();
        String scoreList = scoreList(lines, names);

        String basis = "";
        List<ReportDraft.ProblemSection> problems = new ArrayList<>();
        // Each sheet read once, in ranking order: the problems and every station's reasons come from these.
        List<SheetLosses> losses = new ArrayList<>();
        java.util.Map<String, SheetLosses> lossesOf = new java.util.HashMap<>();
        if (rubric != null) {
            for (int k = 0; k < n; k++) {
                Standing s = lines.get(k);
                if (s.breakdown() != null) {
                    SheetLosses l = SheetLosses.of(sp.layout(), s.station(), names.get(k), s.breakdown());
                    losses.add(l);
                    lossesOf.put(s.station(), l);
                }
            }
        }
        LossesByCriterion byCriterion = rubric == null ? null : new LossesByCriterion(sp.layout().size(), losses);
        if (rubric != null && !breakdowns.isEmpty()) {
            // Common means shared: never fewer than two stations, whatever the share (2023 Q1 has one sheet).
            int need = commonShare.multiply(BigDecimal.valueOf(breakdowns.size()))
                    .setScale(0, java.math.RoundingMode.CEILING).max(BigDecimal.valueOf(2)).intValueExact();
            basis = "依据" + breakdowns.size() + "份完整评分表归纳：同一评分项有" + Numbers.percent(commonShare)
                    + "及以上（至少" + need + "个）的所失分的，列为共性问题；其余失分的评分项列为个性问题，点明失分的所。";
            int i = 1;
            for (int si = 0; si < rubric.sections().size(); si++) {
                Section s = rubric.sections().get(si);
                if (s.kind() == SectionKind.BONUS) {
                    continue;
                }
                problems.add(section(sp.layout(), si, i++, byCriterion, need, breakdowns.size(),
                        Paging.paged(lines) ? PAGE_NAMES : Integer.MAX_VALUE));
            }
        }

        List<ReportDraft.StationDetail> details = new ArrayList<>();
        boolean anyWording = false;
        for (int k = 0; k < n; k++) {
            Standing s = lines.get(k);
            String wording = sp.result(s.station()).map(Period.Result::mainReasons).map(ReportDrafts::bureauText)
                    .orElse("");
            anyWording |= !wording.isEmpty();
            boolean fromSheet = s.breakdown() != null && rubric != null;
            String draft = fromSheet ? reasons(sp.layout(), lossesOf.get(s.station())) : "本站没有该所的完整评分表，无法据表归纳。";
            details.add(new ReportDraft.StationDetail(k + 1, s.station(), names.get(k),
                    Slug.stationPage(s.station()), Numbers.plain(s.total()), draft, fromSheet, wording));
        }
        return new ReportDraft(heading, bureau, intro, method, overall, scoreList, basis, problems, details,
                anyWording ? p.title() + "考核情况报告" : "");
    }

    /** "25个司法所的得分情况具体如下：观音寺司法所97.5分、张良司法所94.5分、……。" in ranking order. */
    private static String scoreList(List<Standing> lines, List<String> names) {
        StringBuilder b = new StringBuilder().append(lines.size()).append("个司法所的得分情况具体如下：");
        for (int k = 0; k < lines.size(); k++) {
            b.append(k == 0 ? "" : "、").append(names.get(k)).append(Numbers.plain(lines.get(k).total())).append("分");
        }
        return b.append("。").toString();
    }

    /**
     * The bureau's own words (and the sheets' 扣分原因) as the content carries them: the one place report text
     * from content passes through. Private names are to be redacted where content is loaded (the trust issue's
     * name marks), so the draft, the .docx and the .txt get the redacted text with the pages; the period's
     * 报告指出的问题 (findings), which name private persons, stay out of the draft until then.
     */
    static String bureauText(String s) {
        return s == null ? "" : s.strip();
    }

    /** Trailing punctuation and spaces of a reason, dropped before it is bracketed or listed. */
    private static final java.util.regex.Pattern REASON_END = java.util.regex.Pattern.compile("[。；;，,\\s]+$");

    /**
     * One scored sheet as the report reads it, made once per sheet: per criterion of the rubric (in
     * {@link RubricLayout} order), the points lost, or null where none were (or the criterion does not apply),
     * and the reason as the report quotes it.
     */
    record SheetLosses(String station, String name, BigDecimal[] lost, String[] reasons) {
        static SheetLosses of(RubricLayout layout, String station, String name, Breakdown b) {
            Breakdown.CriterionScore[] scores = layout.scores(b);
            BigDecimal[] lost = new BigDecimal[scores.length];
            String[] reasons = new String[scores.length];
            for (int i = 0; i < scores.length; i++) {
                BigDecimal loss = Losses.of(layout.kind(i), scores[i]);
                if (loss == null || loss.signum() == 0) {
                    continue;
                }
                lost[i] = loss;
                reasons[i] = scores[i].reason() == null ? "" : reasonPhrase(bureauText(scores[i].reason()));
            }
            return new SheetLosses(station, name, lost, reasons);
        }
    }

    /**
     * Per criterion (in {@link RubricLayout} order), the stations that lost points on it in ranking order, each named
     * as a problem names it, and the points lost in all. Made in one pass over the sheets: walking a province's 10,000
     * sheets once per criterion was a cache miss per sheet and criterion.
     */
    private static final class LossesByCriterion {
        private final List<List<String>> ids = new ArrayList<>();
        private final List<List<String>> named = new ArrayList<>();
        private final BigDecimal[] lost;

        LossesByCriterion(int criteria, List<SheetLosses> losses) {
            lost = new BigDecimal[criteria];
            java.util.Arrays.fill(lost, BigDecimal.ZERO);
            for (int i = 0; i < criteria; i++) {
                ids.add(new ArrayList<>());
                named.add(new ArrayList<>());
            }
            for (SheetLosses l : losses) {
                BigDecimal[] lostHere = l.lost();
                for (int i = 0; i < lostHere.length; i++) {
                    if (lostHere[i] != null) {
                        String reason = l.reasons()[i];
                        ids.get(i).add(l.station());
                        named.get(i).add(reason.isEmpty() ? l.name() : l.name() + "（" + reason + "）");
                        lost[i] = lost[i].add(lostHere[i]);
                    }
                }
            }
        }
    }

    /** The reason without trailing punctuation: {@link #REASON_END} removed, its matcher only where it can match. */
    static String reasonPhrase(String reason) {
        if (reason.isEmpty()) {
            return reason;
        }
        char last = reason.charAt(reason.length() - 1);
        // The pattern ends in '$', which also matches before a final line terminator: those go to the regex too.
        boolean mayMatch = "。；;，,".indexOf(last) >= 0 || last == ' ' || last == '\t' || last == '\n' || last == '\u000B'
                || last == '\f' || last == '\r' || last == '\u0085' || last == '\u2028' || last == '\u2029';
        return mayMatch ? REASON_END.matcher(reason).replaceAll("") : reason;
    }

    /**
     * Stations a problem names on a province's report page (the .docx and .txt name them all): a problem that
     * thousands of stations share named every one of them, and the page weighed 17 MB.
     */
    static final int PAGE_NAMES = 20;

    /** @param pageNames how many stations a problem names on the page; the rest are counted ("等N个所") */
    private static ReportDraft.ProblemSection section(RubricLayout layout, int sectionIndex, int index,
                                                      LossesByCriterion losses, int need, int sheets,
                                                      int pageNames) {
        Section s = layout.rubric().sections().get(sectionIndex);
        List<ReportDraft.Problem> common = new ArrayList<>();
        List<ReportDraft.Problem> individual = new ArrayList<>();
        int first = layout.firstOf(sectionIndex);
        for (int i = first; i < first + s.criteria().size(); i++) {
            Criterion c = layout.criterion(i);
            List<String> ids = losses.ids.get(i);
            List<String> named = losses.named.get(i);
            BigDecimal lost = losses.lost[i];
            if (ids.isEmpty()) {
                continue;
            }
            String what = "【" + c.number() + " " + layout.phrase(i) + "】";
            String all = String.join("、", named);
            String few = named.size() <= pageNames ? all
                    : String.join("、", named.subList(0, pageNames)) + "等" + named.size() + "个所";
            if (ids.size() >= need) {
                String head = what + "：" + sheets + "个所中有" + ids.size() + "个所失分，合计失" + Numbers.plain(lost) + "分，即";
                common.add(new ReportDraft.Problem(c.id(), c.number(), c.content(), ids, ids.size(), sheets,
                        Numbers.plain(lost), head + all + "。", head + few + "。"));
            } else {
                String tail = "在" + what + "失分，合计失" + Numbers.plain(lost) + "分。";
                individual.add(new ReportDraft.Problem(c.id(), c.number(), c.content(), ids, ids.size(), sheets,
                        Numbers.plain(lost), all + tail, few + tail));
            }
        }
        String heading = "（" + Losses.chineseNumber(index) + "）" + s.title() + "方面";
        return new ReportDraft.ProblemSection(heading, common, individual,
                common.isEmpty() && individual.isEmpty() ? "有评分表的各所在本方面均未失分。" : "");
    }

    /** A station's lost criteria, section by section: reasons joined by "、", sections by "；". */
    private static String reasons(RubricLayout layout, SheetLosses l) {
        List<String> parts = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            if (i > 0 && layout.sectionIndex(i) != layout.sectionIndex(i - 1) && !items.isEmpty()) {
                parts.add(String.join("、", items));
                items.clear();
            }
            BigDecimal loss = l.lost()[i];
            if (loss == null) {
                continue;
            }
            String reason = l.reasons()[i];
            items.add((reason.isEmpty() ? layout.phrase(i) : reason)
                    + "（" + layout.criterion(i).number() + "，扣" + Numbers.plain(loss) + "分）");
        }
        if (!items.isEmpty()) {
            parts.add(String.join("、", items));
        }
        return parts.isEmpty() ? "各项均未失分。" : String.join("；", parts) + "。";
    }

    private static String namesAt(List<Standing> lines, BigDecimal value, Stations stations) {
        return lines.stream().filter(s -> s.total().compareTo(value) == 0).map(s -> stations.name(s.station()))
                .collect(Collectors.joining("、"));
    }

    /** "2023年1月31日至2月9日" from the period's assessed dates, or "". */
    static String dates(Period p) {
        if (p.assessed() == null) {
            return "";
        }
        String[] f = p.assessed().from().split("-");
        String[] t = p.assessed().to().split("-");
        String from = Integer.parseInt(f[0]) + "年" + Integer.parseInt(f[1]) + "月" + Integer.parseInt(f[2]) + "日";
        if (p.assessed().from().equals(p.assessed().to())) {
            return from;
        }
        String to = (f[0].equals(t[0]) ? "" : Integer.parseInt(t[0]) + "年")
                + (f[0].equals(t[0]) && f[1].equals(t[1]) ? "" : Integer.parseInt(t[1]) + "月")
                + Integer.parseInt(t[2]) + "日";
        return from + "至" + to;
    }
}
