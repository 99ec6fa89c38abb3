package org.kaoping.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** How a period turns sheets and given figures into totals, places and tiers (RULES 14–19). */
public record Assessment(
        int scale,
        RoundingMode rounding,
        List<Component> components,
        Raters raters,
        List<RankBonus> rankBonuses,
        List<GivenBonus> givenBonuses,
        RankingPolicy ranking,
        Tiers tiers,
        List<String> notes) {

    public Assessment {
        components = List.copyOf(components);
        rankBonuses = rankBonuses == null ? List.of() : List.copyOf(rankBonuses);
        givenBonuses = givenBonuses == null ? List.of() : List.copyOf(givenBonuses);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public boolean weighted() {
        return components.stream().anyMatch(c -> c.weight() != null);
    }

    /** A part of the total: the sheet, one category sheet, a given figure, or the rater average. */
    public record Component(String id, String title, BigDecimal weight, String source, List<String> notes) {
        public Component {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        public boolean fromSheet() {
            return source.equals("sheet") || source.startsWith("sheet:");
        }

        /** The category sheet id for "sheet:&lt;id&gt;", or null for the whole sheet. */
        public String categorySheet() {
            return source.startsWith("sheet:") ? source.substring("sheet:".length()) : null;
        }
    }

    /** Rater grades mapped to points and averaged per group, groups weighted (RULES 15). */
    public record Raters(Map<String, BigDecimal> grades, List<RaterGroup> groups, List<String> notes) {
        public Raters {
            grades = Map.copyOf(grades);
            groups = List.copyOf(groups);
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    public record RaterGroup(String id, String title, BigDecimal weight) {
    }

    /** Awards by place in the ranking of a basis figure (RULES 14). */
    public record RankBonus(String id, String title, String basis, List<BigDecimal> awards, List<String> notes) {
        public RankBonus {
            awards = List.copyOf(awards);
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    /** A bonus counted per occurrence recorded in the period: 有一项创新突破加5分. */
    public record GivenBonus(String id, String title, BigDecimal per, BigDecimal cap, List<String> notes) {
        public GivenBonus {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    public record RankingPolicy(TiePolicy ties, String tieBreak) {
        public String effectiveTieBreak() {
            return tieBreak == null ? "published" : tieBreak;
        }
    }

    public record Tiers(List<TierLevel> levels, List<Disqualifier> disqualifiers) {
        public Tiers {
            levels = List.copyOf(levels);
            disqualifiers = disqualifiers == null ? List.of() : List.copyOf(disqualifiers);
        }
    }

    public record TierLevel(String id, String title, Integer top, Integer bottom, List<String> notes) {
        public TierLevel {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    public record Disqualifier(String id, String text, List<String> barredFrom) {
        public Disqualifier {
            barredFrom = List.copyOf(barredFrom);
        }
    }
}
