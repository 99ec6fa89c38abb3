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

    public StationNames names() {
        return new StationNames(stations == null ? List.of() : stations.value().stations());
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
