package org.kaoping.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** An assessment period: its rubric, how totals are formed, and the published results. */
public record Period(
        String id,
        String title,
        String type,
        int year,
        Integer quarter,
        String rubric,
        String previous,
        DateRange assessed,
        String source,
        Assessment assessment,
        List<Result> results,
        List<Finding> findings,
        List<String> notes) {

    public Period {
        results = KeyedList.of(results, Result::station);
        findings = findings == null ? List.of() : List.copyOf(findings);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The same period with each result's station reference rewritten (a name or alias resolved to its id). */
    public Period withStations(java.util.function.UnaryOperator<String> resolve) {
        List<Result> resolved = results.stream().map(r -> new Result(resolve.apply(r.station()), r.printedName(),
                r.components(), r.raters(), r.bonuses(), r.published(), r.mainReasons(), r.vetoes(), r.disqualifiers(),
                r.notes())).toList();
        return new Period(id, title, type, year, quarter, rubric, previous, assessed, source, assessment, resolved,
                findings, notes);
    }

    public record DateRange(String from, String to) {
    }

    /** One station's result as recorded: given component figures, published total and place. */
    public record Result(
            String station,
            String printedName,
            Map<String, BigDecimal> components,
            Map<String, List<String>> raters,
            Map<String, Integer> bonuses,
            Published published,
            String mainReasons,
            List<String> vetoes,
            List<String> disqualifiers,
            List<String> notes) {

        public Result {
            components = components == null ? Map.of() : Map.copyOf(components);
            raters = raters == null ? Map.of() : Map.copyOf(raters);
            bonuses = bonuses == null ? Map.of() : Map.copyOf(bonuses);
            vetoes = vetoes == null ? List.of() : List.copyOf(vetoes);
            disqualifiers = disqualifiers == null ? List.of() : List.copyOf(disqualifiers);
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    public record Published(BigDecimal total, Integer place) {
    }

    /** The report's problems for one section: 共性问题, 个性问题, 整改措施. */
    public record Finding(String section, String common, String individual, String measures) {
    }
}
