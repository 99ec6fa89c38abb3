package org.kaoping.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kaoping.load.Diagnostic;
import org.kaoping.load.JsonSource;
import org.kaoping.load.LoadException;
import org.kaoping.load.Loaded;
import org.kaoping.load.StrictJson;
import org.kaoping.model.Rubric;
import org.kaoping.model.Sheet;
import org.kaoping.validate.RubricConsistency;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kaoping.support.Decimals.assertDecimal;
import static org.kaoping.support.SheetBuilder.d;

/**
 * The rule patterns of issue 13 on the words quoted there, each in a one-criterion rubric, and
 * the reference's corrections (what an omitted input, a bonus criterion, counts and appliesTo do).
 */
class RulePatternsTest {
    private final SheetScorer scorer = new SheetScorer();

    /** A rubric of one score section (10 points) holding one criterion with these rules, and a bonus section. */
    static String rubricJson(String criterionExtra, String rules, String bonusCriteria) {
        return """
                { "id": "t", "title": "t", "issuer": "t", "periodType": "annual", "year": 2026, "total": 10,
                  "scale": 2, "rounding": "HALF_UP", "step": 0.5, "source": "test",
                  "attributes": { "size": { "title": "所别", "values": { "large": "大所", "small": "小所" } } },
                  "sections": [
                    { "id": "s", "number": "一", "title": "t", "points": 10, "criteria": [
                      { "id": "c", "number": "一.1", "content": "t", "standard": "t", "points": 10 %s, "rules": [ %s ] } ] },
                    { "id": "b", "number": "加分", "title": "t", "kind": "bonus", "criteria": [ %s ] } ] }
                """.formatted(criterionExtra, rules, bonusCriteria);
    }

    static Rubric rubric(String json) {
        try {
            return StrictJson.mapper().readValue(json, Rubric.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static Sheet sheet(String criteria) {
        return sheet(criteria, "{}", "{}");
    }

    static Sheet sheet(String criteria, String attributes, String targets) {
        try {
            return StrictJson.mapper().readValue("""
                    { "rubric": "t", "station": "s1", "attributes": %s, "criteria": %s, "targets": %s }
                    """.formatted(attributes, criteria, targets), Sheet.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static final String NO_BONUS = """
            { "id": "b0", "number": "加分.0", "content": "t", "standard": "t", "rules": [
              { "kind": "awardPerCount", "id": "a", "text": "t", "per": 1, "cap": 2 } ] }""";

    private Breakdown score(String rules, String criteria) {
        return scorer.score(rubric(rubricJson("", rules, NO_BONUS)), sheet(criteria));
    }

    private static Breakdown.CriterionScore c(Breakdown b, String id) {
        return b.criterion(id).orElseThrow();
    }

    static List<Diagnostic> consistency(String json) {
        try {
            JsonSource src = JsonSource.parse(Path.of("t.json"), json);
            return RubricConsistency.check(new Loaded<>(rubric(json), src));
        } catch (LoadException e) {
            throw new AssertionError(e);
        }
    }

    @Nested
    @DisplayName("超额完成目标任务，按超额比例加分，最高加 4 分 — excessRatio")
    class ExcessRatio {
        static final String RULES = """
                { "kind": "excessRatio", "id": "x", "text": "超额完成目标任务，按超额比例加分，最高加 4 分",
                  "target": 200, "per": 10, "cap": 4 }""";

        @Test
        @DisplayName("30 % over target at 0.1 per 1 % adds 3, taking the criterion to 13 of its 10 points")
        void proportional() {
            var b = score(RULES, "{ \"c\": { \"inputs\": { \"x\": 260 } } }");
            assertDecimal("3", c(b, "c").rules().get(0).effect());
            assertDecimal("13", c(b, "c").score());
            assertDecimal("13", b.total());
        }

        @Test
        @DisplayName("the award stops at 4 (最高加 4 分); at or below target nothing")
        void capped() {
            assertDecimal("14", c(score(RULES, "{ \"c\": { \"inputs\": { \"x\": 1000 } } }"), "c").score());
            var at = score(RULES, "{ \"c\": { \"inputs\": { \"x\": 200 } } }");
            assertDecimal("10", c(at, "c").score());
            assertFalse(c(at, "c").rules().get(0).fired());
            assertDecimal("10", c(score(RULES, "{ \"c\": { \"inputs\": { \"x\": 0 } } }"), "c").score());
        }

        @Test
        @DisplayName("the ratio is brought to the rubric's scale by its rounding: 10 × 1 / 3 → 3.33 (HALF_UP)")
        void rounded() {
            String rules = RULES.replace("\"target\": 200", "\"target\": 3");
            var b = score(rules, "{ \"c\": { \"inputs\": { \"x\": 4 } } }");
            assertDecimal("3.33", c(b, "c").rules().get(0).effect());
        }

        @Test
        @DisplayName("a directly given score may reach points + cap (14) but not beyond")
        void givenCeiling() {
            assertDecimal("14", c(score(RULES, "{ \"c\": { \"score\": 14 } }"), "c").score());
            assertThrows(ScoreException.class, () -> score(RULES, "{ \"c\": { \"score\": 14.5 } }"));
        }
    }

    @Nested
    @DisplayName("有一篇得 1 分，满分 5 分 — earnPerCount")
    class EarnPerCount {
        static final String RULES = """
                { "kind": "earnPerCount", "id": "e", "text": "有一篇得 1 分，满分 5 分", "part": "p", "per": 1 }""";

        private Breakdown earn(String criteria) {
            String json = rubricJson(", \"parts\": [ { \"id\": \"p\", \"title\": \"信息\", \"budget\": 5 },"
                    + " { \"id\": \"q\", \"title\": \"其他\", \"budget\": 5 } ]", RULES, NO_BONUS);
            return scorer.score(rubric(json), sheet(criteria));
        }

        @Test
        @DisplayName("three articles earn 3 of the part's 5: the criterion scores 5 (other part) + 3")
        void earns() {
            var b = earn("{ \"c\": { \"inputs\": { \"e\": 3 } } }");
            assertDecimal("-2", c(b, "c").rules().get(0).effect());
            assertDecimal("8", c(b, "c").score());
        }

        @Test
        @DisplayName("seven articles earn the full 5 (满分 5 分); none, or no input, earn nothing")
        void fullAndNothing() {
            assertDecimal("10", c(earn("{ \"c\": { \"inputs\": { \"e\": 7 } } }"), "c").score());
            assertDecimal("5", c(earn("{ \"c\": { \"inputs\": { \"e\": 0 } } }"), "c").score());
            var omitted = earn("{ \"c\": { \"inputs\": {} } }");
            assertDecimal("5", c(omitted, "c").score());
            assertTrue(c(omitted, "c").rules().get(0).fired());
            assertDecimal("5", c(earn("{}"), "c").score(), "a criterion left off the sheet earns nothing either");
        }

        @Test
        @DisplayName("check refuses it in a bonus section, and a second rule setting the same part")
        void checked() {
            String bonus = """
                    { "id": "b1", "number": "加分.1", "content": "t", "standard": "t", "points": 2, "rules": [
                      { "kind": "earnPerCount", "id": "e", "text": "t", "per": 1 } ] }""";
            var found = consistency(rubricJson("", "{ \"kind\": \"earnPerCount\", \"id\": \"e\", \"text\": \"t\", \"per\": 1 },"
                    + " { \"kind\": \"direct\", \"id\": \"d\", \"text\": \"t\" }", bonus));
            assertEquals(2, found.size(), found.toString());
            assertTrue(found.get(0).message().contains("another rule already sets the score of criterion"), found.toString());
            assertTrue(found.get(1).message().contains("in a bonus section use awardPerCount"), found.toString());
        }
    }

    @Nested
    @DisplayName("扣 1-4 分/人次 — discretionaryEach")
    class DiscretionaryEach {
        static final String RULES = """
                { "kind": "discretionaryEach", "id": "d", "text": "扣 1-4 分/人次", "min": 1, "max": 4, "cap": 8 }""";

        @Test
        @DisplayName("three occurrences at 1, 2.5 and 4 take 7.5; the rule's cap limits the total to 8")
        void perOccurrence() {
            var b = score(RULES, "{ \"c\": { \"inputs\": { \"d\": [1, 2.5, 4] } } }");
            assertDecimal("-7.5", c(b, "c").rules().get(0).effect());
            assertDecimal("2.5", c(b, "c").score());
            var capped = score(RULES, "{ \"c\": { \"inputs\": { \"d\": [4, 4, 4] } } }");
            assertDecimal("-8", c(capped, "c").rules().get(0).effect());
            assertDecimal("2", c(capped, "c").score());
            assertDecimal("10", c(score(RULES, "{ \"c\": { \"inputs\": { \"d\": [] } } }"), "c").score());
        }

        @Test
        @DisplayName("an occurrence outside 1–4, or off the step, is refused at its index")
        void refused() {
            var e = assertThrows(ScoreException.class, () -> score(RULES, "{ \"c\": { \"inputs\": { \"d\": [2, 5] } } }"));
            assertEquals("$.c.inputs.d[1]".replace("$.c", "$.criteria.c"), e.path());
            var z = assertThrows(ScoreException.class, () -> score(RULES, "{ \"c\": { \"inputs\": { \"d\": [0] } } }"));
            assertEquals("$.criteria.c.inputs.d[0]", z.path());
            var off = assertThrows(ScoreException.class, () -> score(RULES, "{ \"c\": { \"inputs\": { \"d\": [1.2] } } }"));
            assertTrue(off.detail().contains("multiple of 0.5"), off.detail());
            assertThrows(ScoreException.class, () -> score(RULES, "{ \"c\": { \"inputs\": { \"d\": 3 } } }"));
        }
    }

    @Nested
    @DisplayName("超过 0.1% 的，视情扣 1-8 分 — discretionaryIf")
    class DiscretionaryIf {
        static final String RULES = """
                { "kind": "discretionaryIf", "id": "r", "text": "超过 0.1% 的，视情扣 1-8 分", "atMost": 0.1, "min": 1, "max": 8 }""";

        @Test
        @DisplayName("at 0.15 % the assessor may take 3")
        void allowed() {
            var b = score(RULES, "{ \"c\": { \"inputs\": { \"r\": { \"value\": 0.15, \"amount\": 3 } } } }");
            assertDecimal("7", c(b, "c").score());
            assertEquals("0.15 > 0.1, 3 (酌情)", c(b, "c").rules().get(0).detail());
        }

        @Test
        @DisplayName("at 0.1 % (not above) an amount is refused; without an amount nothing is taken")
        void refusedBelowCondition() {
            var e = assertThrows(ScoreException.class,
                    () -> score(RULES, "{ \"c\": { \"inputs\": { \"r\": { \"value\": 0.1, \"amount\": 1 } } } }"));
            assertEquals("$.criteria.c.inputs.r.amount", e.path());
            assertTrue(e.detail().contains("only when the value is above 0.1"), e.detail());
            assertDecimal("10", c(score(RULES, "{ \"c\": { \"inputs\": { \"r\": { \"value\": 0.05 } } } }"), "c").score());
        }

        @Test
        @DisplayName("an amount without the value, one outside 1–8, or a stray field is refused")
        void refused() {
            var noValue = assertThrows(ScoreException.class,
                    () -> score(RULES, "{ \"c\": { \"inputs\": { \"r\": { \"amount\": 2 } } } }"));
            assertEquals("$.criteria.c.inputs.r.value", noValue.path());
            var tooMuch = assertThrows(ScoreException.class,
                    () -> score(RULES, "{ \"c\": { \"inputs\": { \"r\": { \"value\": 1, \"amount\": 8.5 } } } }"));
            assertEquals("$.criteria.c.inputs.r.amount", tooMuch.path());
            var stray = assertThrows(ScoreException.class,
                    () -> score(RULES, "{ \"c\": { \"inputs\": { \"r\": { \"value\": 1, \"amont\": 2 } } } }"));
            assertEquals("$.criteria.c.inputs.r", stray.path());
        }
    }

    @Nested
    @DisplayName("根据完成情况分四档计分 beside counted deductions — direct")
    class Direct {
        private Breakdown mixed(String criteria) {
            String json = rubricJson(", \"parts\": [ { \"id\": \"grade\", \"title\": \"完成情况\", \"budget\": 6 },"
                            + " { \"id\": \"count\", \"title\": \"扣分\", \"budget\": 4 } ]",
                    "{ \"kind\": \"direct\", \"id\": \"g\", \"text\": \"根据完成情况分四档计分\", \"part\": \"grade\" },"
                            + " { \"kind\": \"perCount\", \"id\": \"n\", \"text\": \"少一项扣 0.5 分\", \"part\": \"count\", \"per\": 0.5 }",
                    NO_BONUS);
            return scorer.score(rubric(json), sheet(criteria));
        }

        @Test
        @DisplayName("the assessor grades 4.5 of 6 and two missing items take 1: 4.5 + 3 = 7.5")
        void mixedCriterion() {
            var b = mixed("{ \"c\": { \"inputs\": { \"g\": 4.5, \"n\": 2 } } }");
            assertDecimal("-1.5", c(b, "c").rules().get(0).effect());
            assertDecimal("7.5", c(b, "c").score());
        }

        @Test
        @DisplayName("a grade above the part's 6 or off the step is refused; an omitted grade leaves the part full")
        void bounds() {
            var e = assertThrows(ScoreException.class, () -> mixed("{ \"c\": { \"inputs\": { \"g\": 6.5 } } }"));
            assertEquals("$.criteria.c.inputs.g", e.path());
            assertThrows(ScoreException.class, () -> mixed("{ \"c\": { \"inputs\": { \"g\": 5.2 } } }"));
            assertDecimal("9", c(mixed("{ \"c\": { \"inputs\": { \"n\": 2 } } }"), "c").score());
        }
    }

    @Nested
    @DisplayName("按实际录用得分与目标得分等比例赋分 — targets set per station")
    class PerStationTargets {
        static final String RULES = """
                { "kind": "completionRatio", "id": "r", "text": "按实际录用得分与目标得分等比例赋分", "targetPerStation": true }""";

        @Test
        @DisplayName("the station's own target (from the period, via the sheet) is used: 90 of 120 loses 2.5")
        void ownTarget() {
            var b = scorer.score(rubric(rubricJson("", RULES, NO_BONUS)),
                    sheet("{ \"c\": { \"inputs\": { \"r\": 90 } } }", "{}", "{ \"c/r\": 120 }"));
            assertDecimal("7.5", c(b, "c").score());
        }

        @Test
        @DisplayName("Sheet.withTargets: the sheet's own target wins over the period's")
        void sheetWins() {
            Sheet s = sheet("{ \"c\": { \"inputs\": { \"r\": 90 } } }", "{}", "{ \"c/r\": 90 }")
                    .withTargets(Map.of("c/r", d("120")));
            assertDecimal("10", c(scorer.score(rubric(rubricJson("", RULES, NO_BONUS)), s), "c").score());
        }

        @Test
        @DisplayName("without the station's target the sheet is refused, naming the key to give")
        void missing() {
            var e = assertThrows(ScoreException.class, () -> scorer.score(rubric(rubricJson("", RULES, NO_BONUS)),
                    sheet("{ \"c\": { \"inputs\": { \"r\": 90 } } }")));
            assertEquals("$.criteria.c.inputs.r", e.path());
            assertTrue(e.detail().contains("\"c/r\""), e.detail());
        }
    }

    @Test
    @DisplayName("the schema refuses an excessRatio without its cap, two targets, and a discretionaryIf with both bounds")
    void schema(@org.junit.jupiter.api.io.TempDir Path tmp) throws java.io.IOException {
        String rules = """
                { "kind": "excessRatio", "id": "x", "text": "t", "target": 5, "per": 10 },
                { "kind": "completionRatio", "id": "y", "text": "t", "target": 5, "targetPerStation": true },
                { "kind": "discretionaryIf", "id": "z", "text": "t", "atLeast": 1, "atMost": 2, "min": 1, "max": 2 }""";
        Path file = tmp.resolve("t.json");
        java.nio.file.Files.writeString(file, rubricJson("", rules, NO_BONUS));
        List<Diagnostic> found = new java.util.ArrayList<>();
        org.kaoping.load.FileLoader.load(file, org.kaoping.load.SchemaCheck.RUBRIC, Rubric.class, found);
        List<String> paths = found.stream().filter(Diagnostic::isError).map(Diagnostic::message).toList();
        for (String rule : List.of("rules[0]", "rules[1]", "rules[2]")) {
            assertTrue(paths.stream().anyMatch(m -> m.contains(rule)), rule + " not refused: " + paths);
        }
        java.nio.file.Files.writeString(file, rubricJson("", ExcessRatio.RULES, NO_BONUS));
        found.clear();
        assertTrue(org.kaoping.load.FileLoader.load(file, org.kaoping.load.SchemaCheck.RUBRIC, Rubric.class, found) != null
                && found.isEmpty(), found.toString());
    }

    @Nested
    @DisplayName("what the reference now says")
    class Reference {
        @Test
        @DisplayName("an omitted levels input in a bonus criterion adds nothing (not the best level)")
        void omittedLevelsInBonus() {
            String bonus = """
                    { "id": "b1", "number": "加分.1", "content": "t", "standard": "t", "points": 3, "rules": [
                      { "kind": "levels", "id": "l", "text": "t", "levels": [ { "code": "A", "label": "优", "points": 3 },
                        { "code": "B", "label": "良", "points": 1 } ] } ] }""";
            Rubric r = rubric(rubricJson("", "{ \"kind\": \"perCount\", \"id\": \"p\", \"text\": \"t\", \"per\": 1 }", bonus));
            assertDecimal("0", c(scorer.score(r, sheet("{ \"b1\": { \"inputs\": {} } }")), "b1").score());
            assertDecimal("3", c(scorer.score(r, sheet("{ \"b1\": { \"inputs\": { \"l\": \"A\" } } }")), "b1").score());
        }

        @Test
        @DisplayName("a bonus criterion's maximum is its points, else what its rules can award, within the section's cap")
        void bonusMaximum() {
            String bonus = NO_BONUS + """
                    , { "id": "b1", "number": "加分.1", "content": "t", "standard": "t", "points": 1.5 },
                      { "id": "b2", "number": "加分.2", "content": "t", "standard": "t", "rules": [
                        { "kind": "awardPerCount", "id": "a", "text": "t", "per": 1 } ] }""";
            String json = rubricJson("", "{ \"kind\": \"perCount\", \"id\": \"p\", \"text\": \"t\", \"per\": 1 }", bonus);
            var b = scorer.score(rubric(json), sheet("{}"));
            assertDecimal("2", c(b, "b0").maximum());
            assertDecimal("1.5", c(b, "b1").maximum());
            assertNull(c(b, "b2").maximum(), "an uncapped award: no maximum");
            assertNull(b.section("b").orElseThrow().maximum());
            assertEquals(null, BreakdownJson.toTree(b, 2).get("sections").get(1).get("criteria").get(2).get("maximum").textValue());
            var capped = scorer.score(rubric(json.replace("\"kind\": \"bonus\",", "\"kind\": \"bonus\", \"cap\": 1,")), sheet("{}"));
            assertDecimal("1", c(capped, "b0").maximum());
            assertDecimal("1", c(capped, "b2").maximum());
            assertDecimal("1", capped.section("b").orElseThrow().maximum());
        }

        @Test
        @DisplayName("symmetric in a bonus criterion: below target it reports only what counted against the awards")
        void symmetricInBonus() {
            String bonus = """
                    { "id": "b1", "number": "加分.1", "content": "t", "standard": "t", "rules": [
                      { "kind": "symmetric", "id": "s", "text": "每增1篇加2分，每少1篇扣2分", "target": 3, "per": 2 },
                      { "kind": "awardPerCount", "id": "a", "text": "t", "per": 1 } ] }""";
            Rubric r = rubric(rubricJson("", "{ \"kind\": \"perCount\", \"id\": \"p\", \"text\": \"t\", \"per\": 1 }", bonus));
            var none = c(scorer.score(r, sheet("{ \"b1\": { \"inputs\": { \"s\": 1 } } }")), "b1");
            assertDecimal("0", none.score());
            assertDecimal("0", none.rules().get(0).effect());
            assertFalse(none.rules().get(0).fired(), "a deduction that took nothing did not fire");
            var part = c(scorer.score(r, sheet("{ \"b1\": { \"inputs\": { \"s\": 1, \"a\": 1 } } }")), "b1");
            assertDecimal("0", part.score());
            assertDecimal("-1", part.rules().get(0).effect(), "only the 1 point awarded could be taken back");
            assertEquals("1 / 3, 3 not counted below 0", part.rules().get(0).detail());
            var all = c(scorer.score(r, sheet("{ \"b1\": { \"inputs\": { \"s\": 2, \"a\": 3 } } }")), "b1");
            assertDecimal("-2", all.rules().get(0).effect());
            assertDecimal("1", all.score());
        }

        @Test
        @DisplayName("counts up to 2³¹ − 1 are scored; 2³¹ is refused")
        void countLimit() {
            String rules = "{ \"kind\": \"perCount\", \"id\": \"p\", \"text\": \"t\", \"per\": 0.5 }";
            assertDecimal("0", c(score(rules, "{ \"c\": { \"inputs\": { \"p\": 2147483647 } } }"), "c").score());
            var e = assertThrows(ScoreException.class, () -> score(rules, "{ \"c\": { \"inputs\": { \"p\": 2147483648 } } }"));
            assertEquals("$.criteria.c.inputs.p", e.path());
        }

        @Test
        @DisplayName("the total never goes below 0, whatever a penalty section takes")
        void totalFloor() {
            String json = rubricJson("", "{ \"kind\": \"perCount\", \"id\": \"p\", \"text\": \"t\", \"per\": 1 }", NO_BONUS)
                    .replace("\"kind\": \"bonus\"", "\"kind\": \"penalty\"")
                    .replace("\"kind\": \"awardPerCount\", \"id\": \"a\", \"text\": \"t\", \"per\": 1, \"cap\": 2",
                            "\"kind\": \"perCount\", \"id\": \"a\", \"text\": \"t\", \"per\": 5");
            var b = scorer.score(rubric(json), sheet("{ \"c\": { \"inputs\": { \"p\": 4 } }, \"b0\": { \"inputs\": { \"a\": 3 } } }"));
            assertDecimal("6", b.base());
            assertDecimal("-15", b.penalty());
            assertDecimal("0", b.total());
        }

        @Test
        @DisplayName("appliesTo: a station without the attribute is scored; one with another value is not")
        void appliesTo() {
            String json = rubricJson(", \"appliesTo\": { \"attribute\": \"size\", \"values\": [\"large\"] }",
                    "{ \"kind\": \"perCount\", \"id\": \"p\", \"text\": \"t\", \"per\": 1 }", NO_BONUS);
            String crit = "{ \"c\": { \"inputs\": { \"p\": 1 } } }";
            assertEquals(Breakdown.Status.FROM_INPUTS, c(scorer.score(rubric(json), sheet(crit)), "c").status());
            assertEquals(Breakdown.Status.FROM_INPUTS,
                    c(scorer.score(rubric(json), sheet(crit, "{ \"size\": \"large\" }", "{}")), "c").status());
            var small = scorer.score(rubric(json), sheet("{}", "{ \"size\": \"small\" }", "{}"));
            assertEquals(Breakdown.Status.NOT_APPLICABLE, c(small, "c").status());
        }
    }
}
