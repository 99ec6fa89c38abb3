package org.kaoping.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Score sections make up the rubric total; bonus sections add to it; penalty sections take from it. */
public enum SectionKind {
    @JsonProperty("score") SCORE,
    @JsonProperty("bonus") BONUS,
    @JsonProperty("penalty") PENALTY
}
