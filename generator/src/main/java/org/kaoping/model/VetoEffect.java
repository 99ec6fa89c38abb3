package org.kaoping.model;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum VetoEffect {
    /** The result is voided: shown, but ranked after every unit without a veto. */
    @JsonProperty("void") VOID,
    /** Ranked as scored, but barred from honours and upper tiers. */
    @JsonProperty("no-honours") NO_HONOURS
}
