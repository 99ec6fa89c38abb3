package org.kaoping.score;

import org.kaoping.load.FileLoader;
import org.kaoping.load.Loaded;
import org.kaoping.load.SchemaCheck;
import org.kaoping.model.Sheet;
import org.kaoping.support.Shipped;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.kaoping.support.Decimals.assertDecimal;

/** The ten complete 2022 sheets of seed 000 score exactly to their published totals. */
class GoldenSheetsTest {
    private final SheetScorer scorer = new SheetScorer();

    @Test
    @DisplayName("2022: 97.5, 94.5, 94.4, 92, 92, 91.9, 91.75, 91.5, 89.75, 89.55 — from the criterion scores")
    void tenSheets2022() {
        Map<String, String> published = new LinkedHashMap<>();
        published.put("guanyinsi", "97.5");
        published.put("zhangliang", "94.5");
        published.put("kuqu", "94.4");
        published.put("wawu", "92");
        published.put("dongzhou", "92");
        published.put("qintai", "91.9");
        published.put("zhangdian", "91.75");
        published.put("zhaocun", "91.5");
        published.put("xiongbei", "89.75");
        published.put("beizi", "89.55");
        var sheets = Shipped.corpus().sheetsOf("2022-annual");
        assertEquals(published.keySet(), sheets.keySet());
        List<String> totals = new ArrayList<>();
        for (var e : published.entrySet()) {
            Sheet s = sheets.get(e.getKey()).value();
            Breakdown b = scorer.score(Shipped.rubric("lushan-2022"), s);
            assertDecimal(e.getValue(), b.total(), e.getKey());
            assertDecimal(e.getValue(), s.recordedTotal(), e.getKey() + " recorded on the paper sheet");
            assertEquals(47, b.sections().stream().mapToInt(x -> x.criteria().size()).sum());
            totals.add(b.total().stripTrailingZeros().toPlainString());
        }
        assertEquals(List.of("97.5", "94.5", "94.4", "92", "92", "91.9", "91.75", "91.5", "89.75", "89.55"), totals);
    }

    @Test
    @DisplayName("库区: the sheet carries 一.1 corrected from the printed 6.5 to 1.5, with the source quoted")
    void kuquCorrection() {
        Sheet s = Shipped.corpus().sheetsOf("2022-annual").get("kuqu").value();
        assertEquals(1, s.corrections().size());
        var c = s.corrections().get(0);
        assertEquals("1.1", c.criterion());
        assertDecimal("6.5", c.recorded());
        assertDecimal("1.5", c.corrected());
        assertDecimal("1.5", s.criteria().get("1.1").score());
        assertNotNull(c.quote());
    }

    @Test
    @DisplayName("库区 as printed (6.5 in a 2-point criterion) is refused by the engine, naming the cell")
    void rawKuquRefused() {
        List<org.kaoping.load.Diagnostic> sink = new ArrayList<>();
        Loaded<Sheet> raw = FileLoader.load(Path.of("generator/src/test/resources/fixtures/kuqu-2022-raw.json"),
                SchemaCheck.SHEET, Sheet.class, sink);
        assertEquals(List.of(), sink);
        var e = assertThrows(ScoreException.class, () -> scorer.score(Shipped.rubric("lushan-2022"), raw.value()));
        assertEquals("$.criteria[\"1.1\"].score", e.path());
        BigDecimal sum = raw.value().criteria().values().stream().map(Sheet.Entry::score).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertDecimal("99.4", sum, "the printed criteria add up to 99.4, not the printed 94.4");
    }

    @Test
    @DisplayName("琴台 2023 Q1 under the 2023 rubric: 92")
    void qintai2023() {
        Sheet s = Shipped.corpus().sheetsOf("2023-q1").get("qintai").value();
        assertDecimal("92", scorer.score(Shipped.rubric("lushan-2023"), s).total());
    }
}
