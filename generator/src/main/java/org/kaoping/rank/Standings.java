package org.kaoping.rank;

import org.kaoping.model.Assessment;
import org.kaoping.model.Period;

import java.util.List;
import java.util.Optional;

/** A period's ranking, in place order (voided results last). */
public record Standings(Period period, Assessment assessment, List<Standing> lines) {
    public Standings {
        lines = List.copyOf(lines);
    }

    public Optional<Standing> of(String stationId) {
        return lines.stream().filter(s -> s.station().equals(stationId)).findFirst();
    }
}
