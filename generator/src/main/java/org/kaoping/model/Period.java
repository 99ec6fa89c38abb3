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
        Publication publication,
        List<Review> reviews,
        List<String> notes,
        Map<String, Map<String, BigDecimal>> targets) {

    public Period {
        targets = targets == null ? Map.of() : Map.copyOf(targets);
        results = KeyedList.of(results, Result::station);
        findings = findings == null ? List.of() : List.copyOf(findings);
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The same period with each result's station reference rewritten (a name or alias resolved to its id). */
    public Period withStations(java.util.function.UnaryOperator<String> resolve) {
        List<Result> resolved = results.stream().map(r -> new Result(resolve.apply(r.station()), r.printedName(),
                r.components(), r.raters(), r.bonuses(), r.published(), r.mainReasons(), r.vetoes(), r.disqualifiers(),
                r.notes())).toList();
        List<Review> reviewed = reviews.stream().map(r -> new Review(r.date(), resolve.apply(r.station()), r.criterion(),
                r.change(), r.reason())).toList();
        Map<String, Map<String, BigDecimal>> resolvedTargets = new java.util.LinkedHashMap<>();
        targets.forEach((rule, byStation) -> {
            Map<String, BigDecimal> m = new java.util.LinkedHashMap<>();
            byStation.forEach((station, t) -> m.put(resolve.apply(station), t));
            resolvedTargets.put(rule, m);
        });
        return new Period(id, title, type, year, quarter, rubric, previous, assessed, source, assessment, resolved,
                findings, publication, reviewed, notes, resolvedTargets);
    }

    /** A period without publication status, reviews or per-station targets. */
    public Period(String id, String title, String type, int year, Integer quarter, String rubric, String previous,
                  DateRange assessed, String source, Assessment assessment, List<Result> results,
                  List<Finding> findings, List<String> notes) {
        this(id, title, type, year, quarter, rubric, previous, assessed, source, assessment, results, findings, null,
                null, notes, null);
    }

    /** A period without per-station targets. */
    public Period(String id, String title, String type, int year, Integer quarter, String rubric, String previous,
                  DateRange assessed, String source, Assessment assessment, List<Result> results,
                  List<Finding> findings, Publication publication, List<Review> reviews, List<String> notes) {
        this(id, title, type, year, quarter, rubric, previous, assessed, source, assessment, results, findings,
                publication, reviews, notes, null);
    }

    /** One station's targets from {@link #targets}: "criterion/rule" → target (Sheet.withTargets). */
    public Map<String, BigDecimal> targetsOf(String station) {
        Map<String, BigDecimal> out = new java.util.LinkedHashMap<>();
        targets.forEach((rule, byStation) -> {
            BigDecimal t = byStation.get(station);
            if (t != null) {
                out.put(rule, t);
            }
        });
        return out;
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

    /** 公示: provisional (公示中, until the end date) or final. Absent for periods published before Kaoping. */
    public record Publication(String status, String until) {
        public boolean provisional() {
            return "provisional".equals(status);
        }
    }

    /** A change made after review (复核): when, whose result, which criterion, what changed and why. */
    public record Review(String date, String station, String criterion, String change, String reason) {
    }

    /** The report's problems for one section: 共性问题, 个性问题, 整改措施. */
    public record Finding(String section, String common, String individual, String measures) {
    }
}
