package org.kaoping.rank;

import org.kaoping.load.Loaded;
import org.kaoping.model.Period;
import org.kaoping.model.Sheet;
import org.kaoping.model.Station;
import org.kaoping.support.Shipped;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rankings reproduced from content/ exactly as the bureau published them (seed 000). */
class PeriodGoldenTest {

    static Standings standings(String periodId) {
        var corpus = Shipped.corpus();
        Period p = corpus.periods().stream().map(Loaded::value).filter(x -> x.id().equals(periodId)).findFirst().orElseThrow();
        Map<String, Sheet> sheets = new LinkedHashMap<>();
        corpus.sheetsOf(periodId).forEach((k, v) -> sheets.put(k, v.value()));
        Map<String, Station> stations = new LinkedHashMap<>();
        corpus.names().all().forEach(s -> stations.put(s.id(), s));
        return new PeriodScorer().score(p, p.rubric() == null ? null : Shipped.rubric(p.rubric()), sheets, stations);
    }

    private static List<String> line(Standings s) {
        return s.lines().stream().map(l -> l.place() + " " + l.station() + " " + l.total().stripTrailingZeros().toPlainString()).toList();
    }

    @Test
    @DisplayName("2022 annual: the 25 totals in the report's order, ten of them computed from their sheets")
    void ranking2022() {
        assertEquals(List.of(
                "1 guanyinsi 97.5", "2 zhangliang 94.5", "3 kuqu 94.4", "4 wawu 92", "5 dongzhou 92", "6 qintai 91.9",
                "7 zhangdian 91.75", "8 zhaocun 91.5", "9 xiongbei 89.75", "10 beizi 89.55", "11 yaoshan 89.25",
                "12 gunziying 88.4", "13 luyang 88.15", "14 liangwa 87.5", "15 xinji 87.4", "16 xiatang 87.4",
                "17 sikeshu 86.75", "18 tuancheng 84.9", "19 cangtou 83.3", "20 malou 82.9", "21 lufeng 82.9",
                "22 ranghe 82.65", "23 tumen 81.25", "24 zhangguanying 79.75", "25 huiyuan 74.3"), line(standings("2022-annual")));
        var s = standings("2022-annual");
        assertEquals(10, s.lines().stream().filter(l -> l.breakdown() != null).count());
    }

    @Test
    @DisplayName("2023 Q2: 现场 × 0.6 + 评价 × 0.4 for all 25, shared places 13, 13, 15")
    void composite2023Q2() {
        assertEquals(List.of(
                "1 kuqu 97.32", "2 luyang 96.92", "3 guanyinsi 95.9", "4 huiyuan 95.74", "5 zhangguanying 94.76",
                "6 dongzhou 94.54", "7 qintai 94.06", "8 zhangliang 93.46", "9 zhaocun 93.36", "10 liangwa 93.12",
                "11 ranghe 92.3", "12 cangtou 92.14", "13 yaoshan 92.06", "13 zhangdian 92.06", "15 xinji 92.02",
                "16 xiongbei 91.96", "17 gunziying 91.86", "18 sikeshu 91.18", "19 malou 91.12", "20 wawu 89.88",
                "21 beizi 89.72", "22 lufeng 87.36", "23 xiatang 86.46", "24 tuancheng 84.92", "25 tumen 81.84"),
                line(standings("2023-q2")));
    }

    @Test
    @DisplayName("2021 annual: equal scores numbered one after another (张店, 仓头 at 86.5 are 11 and 12)")
    void ranking2021() {
        List<String> lines = line(standings("2021-annual"));
        assertEquals(25, lines.size());
        assertEquals("1 guanyinsi 98", lines.get(0));
        assertEquals("11 zhangdian 86.5", lines.get(10));
        assertEquals("12 cangtou 86.5", lines.get(11));
        assertEquals("25 sikeshu 70.34", lines.get(24));
    }

    @Test
    @DisplayName("2023 Q1: the published list, 琴台's 92 computed from its sheet")
    void list2023Q1() {
        var s = standings("2023-q1");
        List<String> lines = line(s);
        assertEquals("1 zhangguanying 99", lines.get(0));
        assertEquals("2 gunziying 97.5", lines.get(1));
        assertEquals("13 qintai 92", lines.get(12));
        assertEquals("25 tumen 61", lines.get(24));
        assertEquals(1, s.lines().stream().filter(l -> l.breakdown() != null).count());
        for (Standing l : s.lines()) {
            assertEquals(l.publishedPlace(), l.place(), l.station());
        }
    }
}
