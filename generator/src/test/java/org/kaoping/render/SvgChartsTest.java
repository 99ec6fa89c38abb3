package org.kaoping.render;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvgChartsTest {
    private static List<BigDecimal> values(String... v) {
        return java.util.Arrays.stream(v).map(BigDecimal::new).toList();
    }

    @Test
    void histogramCountsEveryValueOnceAndDescribesItInWords() {
        String svg = SvgCharts.histogram("d", "分布", values("74.3", "79.75", "91.75", "92", "92", "97.5"));
        assertTrue(svg.startsWith("<svg class=\"chart\""));
        assertTrue(svg.contains("<title id=\"d-title\">分布</title><desc id=\"d-desc\">"));
        assertTrue(svg.contains("90–92.5 分 3 个"), svg); // 91.75, 92 and 92 share [90, 92.5)
        assertTrue(svg.contains("92.5–95 分 0 个"), svg);
        assertFalse(svg.contains("http"), "inline SVG needs no namespace URL");
    }

    @Test
    void textIsEscapedAndTheOutputIsStable() {
        List<SvgCharts.Bar> bars = List.of(new SvgCharts.Bar("<一> & 所务", new BigDecimal("7.5"), new BigDecimal("8"), "7.5 / 8"));
        String a = SvgCharts.bars("b", "t", bars);
        assertTrue(a.contains("&lt;一&gt; &amp; 所务"));
        assertEquals(a, SvgCharts.bars("b", "t", bars));
    }

    @Test
    void historyLeavesAGapForAMissedPeriod() {
        String svg = SvgCharts.history("h", "历次", List.of(new SvgCharts.Point("2021", new BigDecimal("88"), "第 10 名"),
                new SvgCharts.Point("2022", null, ""), new SvgCharts.Point("2023", new BigDecimal("92"), "第 6 名")));
        assertTrue(svg.contains("未参评"));
        assertFalse(svg.contains("<polyline"), "no line across the gap");
    }

    @Test
    void coordinatesIgnoreTheDefaultLocale() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertEquals("12.5", SvgCharts.num(12.5));
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }
}
