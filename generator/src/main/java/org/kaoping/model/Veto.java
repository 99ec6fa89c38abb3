package org.kaoping.model;

import java.util.List;

/** A 一票否决 condition and its declared effect (RULES 13). */
public record Veto(String id, String text, VetoEffect effect, List<String> notes) {
    public Veto {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
