package org.kaoping.validate;

import org.kaoping.load.Corpus;
import org.kaoping.load.Diagnostic;
import org.kaoping.load.Loaded;
import org.kaoping.model.Period;
import org.kaoping.model.Rubric;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * A period's 公示 record and 复核 changes: real dates, known stations, criteria of the period's rubric;
 * and the site's publication date (site.json {@code published}, stated on the methodology page): a real date.
 */
public final class PublicationConsistency {
    private PublicationConsistency() {
    }

    public static void check(Corpus corpus, List<Diagnostic> out) {
        if (corpus.site() != null && corpus.site().value().published() != null) {
            date(corpus.site().value().published(), "$.published", corpus.site(), out);
        }
        var names = corpus.names();
        for (Loaded<Period> lp : corpus.periods()) {
            Period p = lp.value();
            if (p.publication() != null && p.publication().until() != null) {
                date(p.publication().until(), "$.publication.until", lp, out);
            }
            Optional<Rubric> rubric = p.rubric() == null ? Optional.empty() : corpus.rubric(p.rubric());
            for (int i = 0; i < p.reviews().size(); i++) {
                Period.Review r = p.reviews().get(i);
                String at = "$.reviews[" + i + "]";
                date(r.date(), at + ".date", lp, out);
                if (names.resolve(r.station()).isEmpty()) {
                    out.add(lp.source().error(at + ".station", "unknown station \"" + r.station() + "\"; closest known: "
                            + String.join(", ", names.suggest(r.station(), 3).stream().map(s -> s.name() + " (" + s.id() + ")").toList())));
                }
                if (r.criterion() != null && rubric.isPresent() && rubric.get().criterion(r.criterion()).isEmpty()) {
                    out.add(lp.source().error(at + ".criterion", "rubric " + p.rubric() + " has no criterion \"" + r.criterion() + "\""));
                }
            }
        }
    }

    private static void date(String text, String path, Loaded<?> lp, List<Diagnostic> out) {
        try {
            LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            out.add(lp.source().error(path, "\"" + text + "\" is not a calendar date (YYYY-MM-DD)"));
        }
    }
}
