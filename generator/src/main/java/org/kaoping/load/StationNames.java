package org.kaoping.load;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.kaoping.model.Station;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a station id, canonical name, short name or alias (OCR variants included) to its
 * station. Exact matches only: a near miss is an error that suggests the closest stations,
 * because silently guessing would put a score on the wrong office.
 */
public final class StationNames {
    private final List<Station> stations;
    private final Map<String, Station> byName = new LinkedHashMap<>();

    public StationNames(List<Station> stations) {
        this.stations = List.copyOf(stations);
        for (Station s : stations) {
            byName.putIfAbsent(s.id(), s);
            byName.putIfAbsent(s.name(), s);
            byName.putIfAbsent(s.shortName(), s);
            for (String a : s.aliases()) {
                byName.putIfAbsent(a, s);
            }
        }
    }

    public Optional<Station> resolve(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byName.get(name.strip()));
    }

    /** Resolves or explains: "unknown station "X"; closest: 磙子营司法所 (gunziying), …". */
    public Station require(String name) throws UnknownStationException {
        return resolve(name).orElseThrow(() -> new UnknownStationException(name, suggest(name, 3)));
    }

    public List<Station> all() {
        return stations;
    }

    /** The stations whose names (or aliases) are closest to {@code name} by edit distance. */
    public List<Station> suggest(String name, int limit) {
        String q = name == null ? "" : name.strip().replace("司法所", "");
        return stations.stream()
                .sorted(Comparator.comparingInt((Station s) -> distanceTo(q, s)).thenComparing(Station::id))
                .limit(limit)
                .toList();
    }

    private static int distanceTo(String q, Station s) {
        int best = editDistance(q, s.shortName());
        for (String a : s.aliases()) {
            best = Math.min(best, editDistance(q, a.replace("司法所", "")));
        }
        return Math.min(best, editDistance(q, s.id()));
    }

    static int editDistance(String a, String b) {
        return LevenshteinDistance.getDefaultInstance().apply(a, b);
    }

    public static final class UnknownStationException extends Exception {
        private final List<Station> suggestions;

        UnknownStationException(String name, List<Station> suggestions) {
            super("unknown station \"" + name + "\"; closest known: " + String.join(", ",
                    suggestions.stream().map(s -> s.name() + " (" + s.id() + ")").toList()));
            this.suggestions = suggestions;
        }

        public List<Station> suggestions() {
            return suggestions;
        }
    }
}
