package org.kaoping.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** RULES 19: shared places (1, 2, 2, 4) or equal totals numbered one after another. */
public enum TiePolicy {
    @JsonProperty("shared") SHARED,
    @JsonProperty("sequential") SEQUENTIAL
}
