package org.kaoping.site;

import org.kaoping.model.Rubric;
import org.kaoping.model.SiteConfig;
import org.kaoping.model.Station;
import org.kaoping.rank.Standing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the home page: the latest ranking, the periods (newest first) and the station finder. */
final class HomePages {
    private HomePages() {
    }

    static HomePage build(SiteConfig config, List<ScoredPeriod> periods, Stations stations, List<Rubric> rubrics) {
        HomePage.Latest latest = null;
        if (!periods.isEmpty()) {
            ScoredPeriod sp = periods.get(periods.size() - 1);
            var lines = sp.standings().lines();
            // A province's ranking is its period page's (paged there); the home page shows its head.
            List<HomePage.GlanceRow> rows = (Paging.paged(lines) ? lines.subList(0, Paging.HOME_TOP) : lines).stream().map(s -> new HomePage.GlanceRow(s.place(),
                    stations.name(s.station()), Slug.stationPage(s.station()), Numbers.fixed(s.total(), sp.assessment().scale()),
                    Numbers.sortKey(s.total()), Movement.of(sp, s.station(), s.place()), PeriodPages.vetoWords(s))).toList();
            latest = new HomePage.Latest(sp.period().title(), Slug.periodPage(sp.id()), lines.size(), rows,
                    sp.previous() != null, sp.rubricChanged(),
                    sp.previous() == null ? "" : sp.previous().period().title());
        }
        List<HomePage.PeriodItem> items = new ArrayList<>();
        for (int i = periods.size() - 1; i >= 0; i--) {
            ScoredPeriod sp = periods.get(i);
            String leaders = sp.standings().lines().stream().filter(s -> s.place() == 1)
                    .map(Standing::station).map(stations::name).collect(Collectors.joining("、"));
            items.add(new HomePage.PeriodItem(sp.period().title(), Slug.periodPage(sp.id()),
                    AssessmentWording.periodType(sp.period().type()),
                    sp.rubric() == null ? null : new Link(sp.rubric().title(), Slug.rubricPage(sp.rubric().id())),
                    PeriodPages.assessed(sp.period()), sp.standings().lines().size(), leaders));
        }
        // Station ids are pinyin: sorting by id lists the stations in pinyin order without a collator.
        List<HomePage.StationItem> finder = stations.all().stream().sorted(Comparator.comparing(Station::id))
                .map(s -> new HomePage.StationItem(s.name(), Slug.stationPage(s.id()), names(s)))
                .toList();
        List<HomePage.RubricItem> rubricItems = rubrics.stream()
                .sorted(Comparator.comparingInt(Rubric::year).reversed().thenComparing(Rubric::id))
                .map(r -> new HomePage.RubricItem(r.title(), Slug.rubricPage(r.id()), r.issuer(),
                        Integer.toString(r.year()), periods.stream().filter(sp -> r.id().equals(sp.period().rubric()))
                        .map(sp -> sp.period().title()).collect(Collectors.joining("、")))).toList();
        return new HomePage(config.title(), config.bureau() == null ? "" : config.bureau(), latest, items, finder,
                rubricItems, StationGrid.of(periods, stations));
    }

    /**
     * What a person might type: name, short name, id. OCR variants among the aliases stay in the data
     * for name resolution but are not published, not even in the finder's attribute.
     */
    private static String names(Station s) {
        Set<String> all = new LinkedHashSet<>();
        all.add(s.name());
        all.add(s.shortName());
        all.add(s.id());
        return String.join(" ", all);
    }
}
