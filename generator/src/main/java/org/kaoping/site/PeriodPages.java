package org.kaoping.site;

import org.kaoping.model.Assessment;
import org.kaoping.model.Period;
import org.kaoping.model.Rubric;
import org.kaoping.model.Section;
import org.kaoping.model.SectionKind;
import org.kaoping.model.Veto;
import org.kaoping.rank.Standing;
import org.kaoping.score.Breakdown;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Builds the page of one period from its standings. */
final class PeriodPages {
    /** How many of the most frequently deducted criteria a period page lists. */
    static final int TOP_DEDUCTIONS = 10;

    private PeriodPages() {
    }

    static PeriodPage build(ScoredPeriod sp, Stations stations, boolean internal) {
        Period p = sp.period();
        Assessment a = sp.assessment();
        Rubric rubric = sp.rubric();
        boolean showComponents = a.components().size() > 1 || a.weighted();
        List<String> componentHeaders = showComponents
                ? a.components().stream().map(c -> c.weight() == null ? c.title()
                        : c.title() + "（" + Numbers.percent(c.weight()) + "）").toList()
                : List.of();
        List<String> bonusIds = new ArrayList<>();
        List<String> bonusHeaders = new ArrayList<>();
        a.rankBonuses().forEach(b -> {
            bonusIds.add(b.id());
            bonusHeaders.add(b.title());
        });
        a.givenBonuses().forEach(b -> {
            bonusIds.add(b.id());
            bonusHeaders.add(b.title());
        });
        List<PeriodPage.RankingRow> rows = new ArrayList<>();
        boolean differs = false;
        for (Standing s : sp.standings().lines()) {
            List<String> comps = showComponents
                    ? a.components().stream().map(c -> Numbers.fixed(s.components().get(c.id()), a.scale())).toList() : List.of();
            List<String> bonuses = bonusIds.stream().map(id -> s.bonuses().containsKey(id)
                    ? Numbers.fixed(s.bonuses().get(id), a.scale()) : "—").toList();
            String published = s.publishedTotal() != null && s.publishedTotal().compareTo(s.total()) != 0
                    ? Numbers.fixed(s.publishedTotal(), a.scale()) : "";
            differs |= !published.isEmpty();
            rows.add(new PeriodPage.RankingRow(s.place(), stations.name(s.station()), Slug.stationPage(s.station()),
                    comps, bonuses, Numbers.fixed(s.total(), a.scale()), Numbers.sortKey(s.total()), published,
                    AssessmentWording.tierTitle(a, s.tier()), vetoWords(s), Movement.of(sp, s.station(), s.place()),
                    s.breakdown() != null));
        }
        List<Veto> vetoes = rubric == null ? List.of() : rubric.vetoes();
        List<Breakdown> breakdowns = sp.standings().lines().stream().map(Standing::breakdown)
                .filter(Objects::nonNull).toList();
        // Tallied once for the period: the top deductions here and the costliest criteria in the analysis.
        List<DeductedCriterion> deducted = rubric == null ? List.of() : DeductedCriterion.of(sp.layout(), breakdowns);
        return new PeriodPage(p.id(), p.title(), AssessmentWording.periodType(p.type()), assessed(p),
                rubric == null ? null : new Link(rubric.title(), Slug.rubricPage(rubric.id())),
                sp.previous() == null ? null : new Link(sp.previous().period().title(), Slug.periodPage(sp.previous().id())),
                rows.size(), componentHeaders, bonusHeaders, a.tiers() != null, sp.previous() != null, sp.rubricChanged(),
                rows, AssessmentWording.totals(a, rubric, p), AssessmentWording.ties(a, vetoes),
                AssessmentWording.tiers(a),
                new Chart.Distribution("dist-" + p.id(), p.title() + "总分分布", sp.totals()),
                overall(sp), rubric == null || breakdowns.size() < SectionStatistics.MIN_SAMPLE ? List.of()
                        : sections(rubric, breakdowns), breakdowns.size(),
                rubric == null || breakdowns.size() < SectionStatistics.MIN_SAMPLE ? List.of()
                        : deducted.stream().limit(TOP_DEDUCTIONS).toList(),
                p.findings().stream().map(f -> new PeriodPage.Finding(text(f.section()), text(f.common()),
                        text(f.individual()), text(f.measures()))).toList(),
                differs, internal ? internalNotes(p) : List.of(), PublicationNotice.of(p, stations),
                PeriodAnalysis.of(sp, downloads(sp, stations), breakdowns.size(), deducted));
    }

    /**
     * The period's downloads as the page lists them. A paged period (a province) lists the report, the
     * workbook and the ranking, not one link per station: each station's sheet is linked from its own page.
     */
    private static List<Link> downloads(ScoredPeriod sp, Stations stations) {
        if (!PeriodTables.sheetFiles(sp)) {
            return ReportPages.mainDownloads(sp.id());
        }
        return ReportPages.downloads(sp.id(), PeriodTables.titles(sp, stations));
    }

    static String vetoWords(Standing s) {
        if (s.vetoes().isEmpty()) {
            return ""; // most standings: no stream set up for nothing (asked per station and period, three times)
        }
        return s.vetoes().stream().map(v -> AssessmentWording.vetoEffectShort(v.effect()))
                .distinct().collect(Collectors.joining("；"));
    }

    static String assessed(Period p) {
        if (p.assessed() == null) {
            return "";
        }
        return p.assessed().from().equals(p.assessed().to()) ? p.assessed().from()
                : p.assessed().from() + " 至 " + p.assessed().to();
    }

    /** The total over every station of the period, and each component when there are several. */
    private static List<SectionStatistics> overall(ScoredPeriod sp) {
        Assessment a = sp.assessment();
        List<SectionStatistics> out = new ArrayList<>();
        out.add(SectionStatistics.of("总分", "", sp.totals(), a.scale()));
        if (a.components().size() > 1) {
            for (Assessment.Component c : a.components()) {
                out.add(SectionStatistics.of(c.title(), "", sp.standings().lines().stream()
                        .map(s -> s.components().get(c.id())).toList(), a.scale()));
            }
        }
        return out;
    }

    private static List<SectionStatistics> sections(Rubric rubric, List<Breakdown> breakdowns) {
        if (breakdowns.isEmpty()) {
            return List.of();
        }
        List<SectionStatistics> out = new ArrayList<>();
        for (int si = 0; si < rubric.sections().size(); si++) {
            Section s = rubric.sections().get(si);
            int at = si;
            // A breakdown of the rubric has its sections in the rubric's order: found by position, checked by id.
            List<BigDecimal> scores = breakdowns.stream().map(b -> (at < b.sections().size()
                    && b.sections().get(at).id().equals(s.id()) ? b.sections().get(at)
                    : b.section(s.id()).orElseThrow()).score()).toList();
            String max = s.kind() == SectionKind.SCORE ? Numbers.plain(s.points())
                    : s.cap() == null ? "不封顶" : Numbers.plain(s.cap());
            out.add(SectionStatistics.of(RubricDiff.sectionLabel(s) + kindSuffix(s.kind()), max, scores, rubric.scale()));
        }
        return out;
    }

    static String kindSuffix(SectionKind kind) {
        return switch (kind) {
            case SCORE -> "";
            case BONUS -> "（加分）";
            case PENALTY -> "（扣分）";
        };
    }

    private static List<String> internalNotes(Period p) {
        List<String> out = new ArrayList<>(p.notes());
        if (p.source() != null) {
            out.add(0, "来源：" + p.source());
        }
        for (Period.Result r : p.results()) {
            r.notes().forEach(n -> out.add(r.station() + "：" + n));
        }
        return out;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
