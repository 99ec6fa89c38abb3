package org.kaoping.site;

import org.kaoping.model.Criterion;
import org.kaoping.model.Period;
import org.kaoping.model.Rubric;
import org.kaoping.model.Section;
import org.kaoping.model.SectionKind;
import org.kaoping.model.Sheet;
import org.kaoping.model.Station;
import org.kaoping.rank.Standing;
import org.kaoping.score.Breakdown;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds a station's page: its history over all periods and its scored sheets. */
final class StationPages {
    private StationPages() {
    }

    /** @param fingerprints rubric id → the rubric file's fingerprint, for the self-check link */
    static StationPage build(Station station, List<ScoredPeriod> periods, Stations stations, boolean internal,
                             Map<String, String> fingerprints) {
        String id = station.id();
        List<StationPage.HistoryRow> history = new ArrayList<>();
        List<Chart.Point> points = new ArrayList<>();
        StationPage.Latest latest = null;
        boolean hasMovement = false;
        for (ScoredPeriod sp : periods) {
            Optional<Standing> os = sp.standing(id);
            String label = sp.period().title();
            if (os.isEmpty()) {
                points.add(new Chart.Point(label, null, ""));
                continue;
            }
            Standing s = os.get();
            int count = sp.standings().lines().size();
            Movement m = Movement.of(sp, id, s.place());
            hasMovement |= m.shown();
            String tier = org.kaoping.site.AssessmentWording.tierTitle(sp.assessment(), s.tier());
            history.add(new StationPage.HistoryRow(label, Slug.periodPage(sp.id()), Integer.toString(s.place()),
                    Integer.toString(count), Numbers.fixed(s.total(), sp.assessment().scale()), Numbers.sortKey(s.total()), m,
                    gap(sp, s), tier,
                    PeriodPages.vetoWords(s), sp.rubric() == null ? null
                    : new Link(sp.rubric().title(), Slug.rubricPage(sp.rubric().id()))));
            points.add(new Chart.Point(label, s.total(), "第 " + s.place() + " 名"));
            latest = new StationPage.Latest(label, Slug.periodPage(sp.id()), s.place(), count,
                    Numbers.fixed(s.total(), sp.assessment().scale()),
                    gap(sp, s), tier, s.vetoes().stream().map(v -> new StationPage.VetoView(v.text(),
                    AssessmentWording.vetoEffect(v.effect()))).toList());
        }
        List<StationPage.Reasons> reasons = new ArrayList<>();
        List<StationPage.SheetView> sheets = new ArrayList<>();
        Link selfCheck = null;
        StationFocus focus = null;
        List<SheetComparisons.Scored> scored = new ArrayList<>();
        boolean stationFile = false;
        for (int i = periods.size() - 1; i >= 0; i--) {
            ScoredPeriod sp = periods.get(i);
            sp.result(id).map(Period.Result::mainReasons).filter(t -> !t.isBlank()).ifPresent(t ->
                    reasons.add(new StationPage.Reasons(sp.period().title(), Slug.periodPage(sp.id()), t)));
            Optional<Standing> os = sp.standing(id);
            Sheet own = os.isPresent() && os.get().breakdown() != null ? sp.sheets().get(id) : null;
            if (own != null) {
                if (sheets.isEmpty()) {
                    Sheet scoredSheet = own.withAttributes(station.attributes())
                            .withTargets(sp.period().targetsOf(id)); // as the period scored it
                    focus = StationFocus.of(sp, os.get(), scoredSheet, stations,
                            fingerprints.containsKey(sp.rubric().id()));
                }
                if (sheets.isEmpty() && fingerprints.containsKey(sp.rubric().id())) {
                    Link prefilled = SelfCheckPages.prefillLink(sp.rubric(), fingerprints.get(sp.rubric().id()), station,
                            own.withTargets(sp.period().targetsOf(id)));
                    selfCheck = new Link("打开本所" + sp.period().title() + "的评分表（按《" + sp.rubric().title() + "》自查）",
                            prefilled.href());
                }
                sheets.add(sheet(sp, id, own, os.get().breakdown(), sheets.isEmpty(), internal));
                stationFile |= sheets.get(sheets.size() - 1).inStationFile();
                scored.add(new SheetComparisons.Scored(sp, sp.rubric(), os.get().breakdown()));
            }
        }
        Chart.History chart = history.isEmpty() ? null : new Chart.History("history-" + id, station.name() + "历次总分与名次", points);
        return new StationPage(id, station.name(), stations.attributes(station), latest, history, chart,
                hasMovement, reasons, sheets, internal ? station.notes() : List.of(), selfCheck, currentForm(periods, fingerprints), focus,
                List.of(),
                scored.size() < 2 ? null : SheetComparisons.compare(scored.get(1), scored.get(0)),
                stationFile ? new StationSheets.Source(id, periods, stations) : null, stationFilePeriods(sheets));
    }

    /** What the station's own .csv holds, in words ({@link StationPage#stationFilePeriods}). */
    private static String stationFilePeriods(List<StationPage.SheetView> sheets) {
        List<String> in = new ArrayList<>();
        for (int i = sheets.size() - 1; i >= 0; i--) { // the views run latest first; the file, in site order
            if (sheets.get(i).inStationFile()) {
                in.add(sheets.get(i).period());
            }
        }
        if (in.isEmpty()) {
            return "";
        }
        return in.size() == sheets.size() ? "各考核期" : String.join("、", in);
    }

    /**
     * The blank form of the rubric the latest period used: the one the next assessment is expected to
     * follow. Every station gets it, with or without a sheet of its own.
     */
    static Link currentForm(List<ScoredPeriod> periods, Map<String, String> fingerprints) {
        for (int i = periods.size() - 1; i >= 0; i--) {
            Rubric r = periods.get(i).rubric();
            if (r != null && fingerprints.containsKey(r.id())) {
                return new Link("空白自查评分表：《" + r.title() + "》", SelfCheckPage.pathOf(r.id()));
            }
        }
        return null;
    }

    /** What it takes to reach the place above, in words. */
    static String gap(ScoredPeriod sp, Standing s) {
        if (s.voided()) {
            return "成绩作废，排在最后";
        }
        Optional<Standing> above = sp.above(s);
        if (above.isEmpty()) {
            return "位列第一";
        }
        BigDecimal diff = above.get().total().subtract(s.total());
        if (diff.signum() <= 0) {
            return "与第 " + above.get().place() + " 名同分，按同分排序规则列后";
        }
        return "距第 " + above.get().place() + " 名差 " + Numbers.fixed(diff, sp.assessment().scale()) + " 分";
    }

    private static StationPage.SheetView sheet(ScoredPeriod sp, String stationId, Sheet sheet, Breakdown b,
                                               boolean latest, boolean internal) {
        Rubric rubric = sp.rubric();
        RubricLayout layout = sp.layout();
        Breakdown.CriterionScore[] scores = layout.scores(b);
        List<StationPage.SheetSection> sections = new ArrayList<>();
        List<Chart.Bar> bars = new ArrayList<>();
        List<String> notApplicable = new ArrayList<>();
        int at = 0; // the layout's index of the section's first criterion
        for (int si = 0; si < rubric.sections().size(); si++) {
            Section s = rubric.sections().get(si);
            Breakdown.SectionScore ss = sectionScore(b, si, s.id());
            List<StationPage.CriterionRow> rows = new ArrayList<>();
            for (Criterion c : s.criteria()) {
                int i = at++;
                Breakdown.CriterionScore cs = scores[i];
                if (cs == null) {
                    throw new java.util.NoSuchElementException("No value present"); // as the lookup's orElseThrow did
                }
                boolean na = cs.status() == Breakdown.Status.NOT_APPLICABLE;
                if (na) {
                    notApplicable.add(c.number() + " " + c.content());
                }
                boolean lost = !na && switch (s.kind()) {
                    case SCORE -> cs.score().compareTo(cs.maximum()) < 0;
                    case PENALTY -> cs.score().signum() < 0;
                    case BONUS -> false;
                };
                if (!latest && !lost && (cs.reason() == null || cs.reason().isEmpty())) {
                    continue; // an older sheet keeps what it lost and why; the whole sheet is its .csv download
                }
                rows.add(new StationPage.CriterionRow(c.number(), c.content(), na ? "—" : Numbers.fixed(cs.score(), rubric.scale()),
                        maximum(s.kind(), c, na), cs.reason() == null ? "" : cs.reason(), status(cs.status()),
                        correction(sheet, c.id()), layout.href(i), lost));
            }
            String label = layout.sectionLabel(si);
            String max = s.kind() == SectionKind.SCORE ? Numbers.plain(ss.maximum()) : "";
            if (!latest && rows.isEmpty()) {
                continue;
            }
            sections.add(new StationPage.SheetSection(label, PeriodPages.kindSuffix(s.kind()), Numbers.fixed(ss.score(), rubric.scale()),
                    max, rows));
            String valueText = switch (s.kind()) {
                case SCORE -> Numbers.plain(ss.score()) + " / " + Numbers.plain(ss.maximum());
                case BONUS -> "加 " + Numbers.plain(ss.score()) + (s.cap() == null ? "" : " / " + Numbers.plain(s.cap()));
                case PENALTY -> "扣 " + Numbers.plain(ss.score().negate());
            };
            bars.add(new Chart.Bar(label, ss.score(), s.kind() == SectionKind.PENALTY ? null : ss.maximum(), valueText));
        }
        String period = sp.period().title();
        boolean inStationFile = !PeriodTables.sheetFiles(sp); // as StationSheets: no file of its own
        return new StationPage.SheetView("sheet-" + sp.id(), period + "评分表", period, Slug.periodPage(sp.id()),
                new Link(rubric.title(), Slug.rubricPage(rubric.id())), sheet.date() == null ? "" : sheet.date(),
                Numbers.fixed(b.total(), rubric.scale()), Numbers.plain(b.maximum()), maximumNote(rubric, b, notApplicable.size()),
                notApplicable, latest ? new Chart.Bars("bars-" + sp.id(), period + "各项目得分与分值", bars) : null, sections,
                b.vetoes().stream().map(v -> new StationPage.VetoView(rubric.veto(v.id()).map(x -> x.text()).orElse(v.id()),
                        AssessmentWording.vetoEffect(v.effect()))).toList(),
                signatures(sheet), corrections(sheet, rubric, internal),
                internal ? sheet.notes() : List.of(), latest, inStationFile ? Slug.stationSheets(stationId)
                        : ReportPage.sheetFile(sp.id(), stationId), inStationFile);
    }

    /** The breakdown's score of the rubric's section {@code index}: at that index, as a breakdown of the rubric has it. */
    private static Breakdown.SectionScore sectionScore(Breakdown b, int index, String id) {
        if (index < b.sections().size() && b.sections().get(index).id().equals(id)) {
            return b.sections().get(index);
        }
        return b.section(id).orElseThrow();
    }

    private static String maximum(SectionKind kind, Criterion c, boolean na) {
        if (na) {
            return "不适用";
        }
        if (c.points() == null) {
            return "—";
        }
        return switch (kind) {
            case SCORE -> Numbers.plain(c.points());
            case BONUS -> "加分上限 " + Numbers.plain(c.points());
            case PENALTY -> "扣分上限 " + Numbers.plain(c.points());
        };
    }

    private static String status(Breakdown.Status s) {
        return switch (s) {
            case GIVEN -> "";
            case FROM_INPUTS -> "按细则规则计算";
            case NOT_RECORDED -> "表上未填，按未发现问题计";
            case NOT_APPLICABLE -> "不适用";
            case SUPERSEDED -> "同组只计最高一项，本项不计";
        };
    }

    /** The maximum after not-applicable criteria, and the rubric's own, in words; "" when they agree. */
    private static String maximumNote(Rubric rubric, Breakdown b, int notApplicable) {
        if (notApplicable > 0) {
            return "本表有 " + notApplicable + " 个评分项不适用，不计分；满分相应由 " + Numbers.plain(rubric.total())
                    + " 分调整为 " + Numbers.plain(b.maximum()) + " 分。";
        }
        if (b.maximum().compareTo(rubric.total()) != 0) {
            return "本细则" + (rubric.partial() ? "仅存部分内容，" : "") + "现存计分项目满分合计 " + Numbers.plain(b.maximum())
                    + " 分（细则满分 " + Numbers.plain(rubric.total()) + " 分）。";
        }
        return "";
    }

    private static String correction(Sheet sheet, String criterionId) {
        if (sheet.corrections().isEmpty()) {
            return "";
        }
        return sheet.corrections().stream().filter(c -> criterionId.equals(c.criterion())).findFirst()
                .map(c -> "原表记为 " + Numbers.plain(c.recorded()) + "，已更正为 " + Numbers.plain(c.corrected()))
                .orElse("");
    }

    private static List<StationPage.Signature> signatures(Sheet sheet) {
        List<StationPage.Signature> out = new ArrayList<>();
        Sheet.Signatures s = sheet.signatures();
        if (s == null) {
            return out;
        }
        if (s.unitHead() != null && !s.unitHead().isBlank()) {
            out.add(new StationPage.Signature("被考核单位负责人", s.unitHead()));
        }
        if (!s.members().isEmpty()) {
            out.add(new StationPage.Signature("考核组成员", String.join("、", s.members())));
        }
        if (s.leader() != null && !s.leader().isBlank()) {
            out.add(new StationPage.Signature("考核组组长", s.leader()));
        }
        return out;
    }

    /** A correction is public (the page shows a value that differs from the paper); its quote and note are not. */
    private static List<StationPage.CorrectionView> corrections(Sheet sheet, Rubric rubric, boolean internal) {
        return sheet.corrections().stream().map(c -> new StationPage.CorrectionView(
                rubric.criterion(c.criterion()).map(Criterion::number).orElse(c.criterion()),
                Numbers.plain(c.recorded()), Numbers.plain(c.corrected()),
                internal && c.quote() != null ? c.quote() : "", internal && c.note() != null ? c.note() : "")).toList();
    }
}
