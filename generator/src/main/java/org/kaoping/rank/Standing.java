package org.kaoping.rank;

import org.kaoping.model.CompactMap;
import org.kaoping.model.VetoEffect;
import org.kaoping.score.Breakdown;
import org.kaoping.score.SharedDecimals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One station's line in a period's ranking.
 *
 * @param components component id → value (as given, or from the sheet)
 * @param bonuses    bonus id → points added after the components (rank-based, given)
 * @param place      place under the period's tie policy
 * @param tier       tier id, or null when the assessment declares no tiers
 * @param vetoes     vetoes that apply, with their effect
 * @param breakdown  the scored sheet, when there is one
 */
public record Standing(
        String station,
        Map<String, BigDecimal> components,
        Map<String, BigDecimal> bonuses,
        BigDecimal total,
        int place,
        String tier,
        List<VetoApplied> vetoes,
        List<String> disqualifiers,
        Breakdown breakdown,
        BigDecimal publishedTotal,
        Integer publishedPlace) {

    public Standing {
        // Insertion-ordered (the assessment's order): pages iterate these, and builds must be byte-identical.
        // Compact: a province ranks 80,000 lines, all with the same few keys.
        components = CompactMap.copyOf(components, SharedDecimals::of);
        total = SharedDecimals.of(total);
        publishedTotal = SharedDecimals.of(publishedTotal);
        bonuses = CompactMap.copyOf(bonuses);
        vetoes = List.copyOf(vetoes);
        disqualifiers = List.copyOf(disqualifiers);
    }

    public boolean voided() {
        return vetoes.stream().anyMatch(v -> v.effect() == VetoEffect.VOID);
    }

    public record VetoApplied(String id, VetoEffect effect, String text) {
    }
}
