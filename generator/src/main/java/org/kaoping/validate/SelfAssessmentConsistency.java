package org.kaoping.validate;

import org.kaoping.load.Corpus;
import org.kaoping.load.Diagnostic;
import org.kaoping.load.Loaded;
import org.kaoping.model.Period;
import org.kaoping.model.Sheet;
import org.kaoping.model.Station;
import org.kaoping.score.ScoreException;
import org.kaoping.score.SheetScorer;

import java.util.List;
import java.util.Optional;

/**
 * content/self-assessments/&lt;period&gt;/&lt;station&gt;.json: a known period and station, the period's
 * rubric, and a sheet the engine can score (the station page shows it beside the assessors' score).
 */
public final class SelfAssessmentConsistency {
    private SelfAssessmentConsistency() {
    }

    public static void check(Corpus corpus, List<Diagnostic> out) {
        var names = corpus.names();
        for (var byPeriod : corpus.selfAssessments().entrySet()) {
            Optional<Period> period = corpus.periods().stream().map(Loaded::value)
                    .filter(p -> p.id().equals(byPeriod.getKey())).findFirst();
            for (var e : byPeriod.getValue().entrySet()) {
                Loaded<Sheet> ls = e.getValue();
                Sheet s = ls.value();
                if (period.isEmpty()) {
                    out.add(ls.source().error("$", "self-assessment is in self-assessments/" + byPeriod.getKey()
                            + "/ but there is no period \"" + byPeriod.getKey() + "\""));
                    continue;
                }
                Optional<Station> station = names.resolve(e.getKey()).filter(st -> st.id().equals(e.getKey()));
                if (station.isEmpty()) {
                    out.add(ls.source().error("$", "file name \"" + e.getKey() + "\" is not a station id"));
                    continue;
                }
                if (s.station() != null && names.resolve(s.station()).map(Station::id).filter(e.getKey()::equals).isEmpty()) {
                    out.add(ls.source().error("$.station", "\"" + s.station() + "\" is not " + station.get().name()
                            + ", whose file this is"));
                }
                if (!s.rubric().equals(period.get().rubric())) {
                    out.add(ls.source().error("$.rubric", "rubric \"" + s.rubric() + "\" is not the period's (\""
                            + period.get().rubric() + "\")"));
                    continue;
                }
                corpus.rubric(s.rubric()).ifPresent(r -> {
                    try {
                        new SheetScorer().score(r, s.withAttributes(station.get().attributes()));
                    } catch (ScoreException x) {
                        out.add(ls.source().error(x.path(), x.detail()));
                    }
                });
            }
        }
    }
}
