package org.kaoping.ingest;

import org.kaoping.model.Station;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the imported files say about one station: criterion scores with 扣分原因 (its sheet) and
 * figures given for the period (components, bonus counts), each with the place it was read from.
 */
public final class StationFill {
    public record Score(BigDecimal score, String reason, Where where) {
    }

    public record Given(BigDecimal value, Where where) {
    }

    private final Station station;
    private final Map<String, Score> criteria = new LinkedHashMap<>();
    private final Map<String, Given> components = new LinkedHashMap<>();
    private final Map<String, Given> bonuses = new LinkedHashMap<>();

    StationFill(Station station) {
        this.station = station;
    }

    public Station station() {
        return station;
    }

    public Map<String, Score> criteria() {
        return criteria;
    }

    public Map<String, Given> components() {
        return components;
    }

    public Map<String, Given> bonuses() {
        return bonuses;
    }
}
