package org.kaoping.ingest;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One cell as read: its text, the number a spreadsheet stored (null when it stored text), and its place.
 * Numbers typed as text ("2.5" in a text cell, as WPS sometimes saves) still count as numbers.
 */
public record Cell(String text, BigDecimal stored, Where where) {
    public boolean isBlank() {
        return stored == null && (text == null || text.isBlank());
    }

    public String trimmed() {
        return text == null ? "" : text.strip();
    }

    public Optional<BigDecimal> number() {
        if (stored != null) {
            return Optional.of(stored.stripTrailingZeros());
        }
        String t = trimmed();
        if (!t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(t).stripTrailingZeros());
    }
}
