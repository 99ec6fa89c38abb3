package org.kaoping.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/** A judicial office (司法所) with its stable URL id, canonical name and aliases. */
public record Station(String id, String name, @JsonProperty("short") String shortName, List<String> aliases,
                      Map<String, String> attributes, List<String> notes) {
    public Station {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
