package org.kaoping.site;

import org.kaoping.load.Corpus;
import org.kaoping.load.Loaded;
import org.kaoping.model.Period;
import org.kaoping.model.Rubric;
import org.kaoping.model.Sheet;
import org.kaoping.model.Station;
import org.kaoping.rank.PeriodException;
import org.kaoping.rank.PeriodScorer;
import org.kaoping.rank.Standings;
import org.kaoping.score.ScoreException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Scores every period of the corpus with the engine, in the corpus order (oldest first). */
public final class ScoredPeriods {
    private ScoredPeriods() {
    }

    public static List<ScoredPeriod> of(Corpus corpus) {
        return of(corpus, Map.of());
    }

    /** @param scored period id → standings already computed from this corpus (by `check`), used as they are */
    public static List<ScoredPeriod> of(Corpus corpus, Map<String, Standings> scored) {
        Map<String, Station> stations = new LinkedHashMap<>();
        corpus.names().all().forEach(s -> stations.put(s.id(), s));
        Map<String, ScoredPeriod> done = new LinkedHashMap<>();
        for (Loaded<Period> lp : corpus.periods()) {
            score(lp, corpus, stations, done, new java.util.HashSet<>(), scored);
        }
        return corpus.periods().stream().map(lp -> done.get(lp.value().id())).toList();
    }

    private static ScoredPeriod score(Loaded<Period> lp, Corpus corpus, Map<String, Station> stations,
                                      Map<String, ScoredPeriod> done, java.util.Set<String> visiting,
                                      Map<String, Standings> scored) {
        Period p = lp.value();
        if (done.containsKey(p.id())) {
            return done.get(p.id());
        }
        if (!visiting.add(p.id())) {
            throw new SiteException(lp.source().file() + ": the \"previous\" links of the periods form a loop at " + p.id());
        }
        Rubric rubric = p.rubric() == null ? null : corpus.rubric(p.rubric())
                .orElseThrow(() -> new SiteException(lp.source().file() + ": unknown rubric \"" + p.rubric() + "\""));
        Map<String, Sheet> sheets = new TreeMap<>();
        corpus.sheetsOf(p.id()).forEach((id, ls) -> sheets.put(id, ls.value()));
        Standings standings;
        try {
            Standings known = scored.get(p.id());
            standings = known != null ? known : new PeriodScorer().score(p, rubric, sheets, stations);
        } catch (PeriodException e) {
            throw new SiteException(lp.source().file() + ": " + e.path() + ": " + e.getMessage(), e);
        } catch (ScoreException e) {
            throw new SiteException(lp.source().file() + ": a sheet of " + p.id() + ": " + e.getMessage(), e);
        }
        ScoredPeriod previous = null;
        if (p.previous() != null) {
            // Periods are loaded oldest first, but follow "previous" rather than trusting the order.
            Loaded<Period> prev = corpus.periods().stream().filter(o -> o.value().id().equals(p.previous()))
                    .findFirst().orElseThrow(() -> new SiteException(lp.source().file()
                            + ": unknown previous period \"" + p.previous() + "\""));
            previous = score(prev, corpus, stations, done, visiting, scored);
        }
        ScoredPeriod sp = new ScoredPeriod(p, rubric, standings, sheets, previous);
        done.put(p.id(), sp);
        return sp;
    }
}
