package org.kaoping.model;

import java.util.List;

/** content/stations.json as written. Name resolution lives in {@link org.kaoping.load.StationNames}. */
public record StationRegistry(List<Station> stations) {
    public StationRegistry {
        stations = List.copyOf(stations);
    }
}
