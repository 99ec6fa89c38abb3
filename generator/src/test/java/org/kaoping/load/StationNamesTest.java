package org.kaoping.load;

import org.kaoping.support.Shipped;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StationNamesTest {
    private final StationNames names = Shipped.corpus().names();

    @ParameterizedTest(name = "{0} → {1}")
    @DisplayName("every OCR variant in the sources resolves (RULES.md, 'Facts from 000')")
    @CsvSource({
            "碓子营, gunziying", "瓢子营, gunziying", "魏子营司法所, gunziying", "磙子营司法所, gunziying",
            "让河, ranghe", "漾河, ranghe", "濩河, ranghe", "让河司法所, ranghe",
            "董固司法所, dongzhou", "梁庄司法所, liangwa", "墨峰司法所, lufeng", "能普司法所, xiongbei",
            "瓦窑司法所, wawu", "秀台司法所, qintai", "舞台司法所, qintai", "普救司法所, beizi",
            "观音寺, guanyinsi", "观音寺司法所, guanyinsi", "guanyinsi, guanyinsi", " 张官营司法所 , zhangguanying"
    })
    void variantsResolve(String name, String id) {
        assertEquals(id, names.resolve(name).orElseThrow(() -> new AssertionError("unresolved " + name)).id());
    }

    @Test
    @DisplayName("an unknown name fails with the closest known stations")
    void unknownSuggests() {
        var e = assertThrows(StationNames.UnknownStationException.class, () -> names.require("磙子营镇"));
        assertEquals("gunziying", e.suggestions().get(0).id());
        assertTrue(e.getMessage().contains("磙子营司法所 (gunziying)"), e.getMessage());
        var e2 = assertThrows(StationNames.UnknownStationException.class, () -> names.require("观音"));
        assertEquals("guanyinsi", e2.suggestions().get(0).id());
    }

    @Test
    @DisplayName("all 25 stations have explicit ASCII ids")
    void registry() {
        assertEquals(25, names.all().size());
        names.all().forEach(s -> assertTrue(s.id().matches("^[a-z0-9-]+$"), s.id()));
    }
}
