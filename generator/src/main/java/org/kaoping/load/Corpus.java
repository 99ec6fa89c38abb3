package org.kaoping.load;

import org.kaoping.model.Period;
import org.kaoping.model.Rubric;
import org.kaoping.model.Sheet;
import org.kaoping.model.SiteConfig;
import org.kaoping.model.StationRegistry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything loaded from content/ and rubrics/, each value with its source file.
 * Ordered: rubrics by id, periods by year then id, sheets by station id.
 */
public record Corpus(
        Loaded<SiteConfig> site,
        Loaded<StationRegistry> stations,
        Map<String, Loaded<Rubric>> rubrics,
        List<Loaded<Period>> periods,
        Map<String, Map<String, Loaded<Sheet>>> sheets,
        Map<String, Map<String, Loaded<Sheet>>> selfAssessments) {

    /** The last registry's names, by identity: `serve` makes a new corpus per change, of the same registry. */
    private record Named(StationRegistry registry, StationNames names) {
    }

    private static volatile Named lastNames;

    public StationNames names() {
        if (stations == null) {
            return new StationNames(List.of());
        }
        // A province's registry is 10,000 stations and 40,000 names: resolved once per registry, not per call.
        Named last = lastNames;
        if (last == null || last.registry() != stations.value()) {
            last = new Named(stations.value(), new StationNames(stations.value().stations()));
            lastNames = last;
        }
        return last.names();
    }

    public Optional<Rubric> rubric(String id) {
        return Optional.ofNullable(rubrics.get(id)).map(Loaded::value);
    }

    /** Stations' own self-check exports (自评) for a period, by station id: content/self-assessments/. */
    public Map<String, Loaded<Sheet>> selfAssessmentsOf(String periodId) {
        return selfAssessments.getOrDefault(periodId, Map.of());
    }

    public Map<String, Loaded<Sheet>> sheetsOf(String periodId) {
        return sheets.getOrDefault(periodId, Map.of());
    }
}
