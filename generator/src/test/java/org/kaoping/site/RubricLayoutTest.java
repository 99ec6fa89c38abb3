package org.kaoping.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.rank.Standing;
import org.kaoping.sample.SampleContent;
import org.kaoping.score.Breakdown;
import org.kaoping.support.Shipped;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared per-period structures of the site model: {@link RubricLayout} (a rubric's criteria in order, with
 * their links and labels, and each breakdown read in that order) gives exactly what the lookups by id gave, and
 * the hand-written checks that replaced per-call regexes agree with those regexes.
 */
class RubricLayoutTest {

    @TempDir
    Path temp;

    @Test
    void everyScoredSheetOfEveryShippedSiteAndASyntheticOneReadsAsTheLookupsById() throws Exception {
        new SampleContent(Shipped.rubric("lushan-2022"), new SampleContent.Options(60, 2, 1)).write(temp);
        List<Shipped.Site> sites = new ArrayList<>(Shipped.sites());
        sites.add(new Shipped.Site("synthetic", temp, Shipped.RUBRICS));
        int sheets = 0;
        for (Shipped.Site site : sites) {
            for (ScoredPeriod sp : ScoredPeriods.of(Shipped.load(site.content(), site.rubrics()))) {
                if (sp.rubric() == null) {
                    assertNull(sp.layout());
                    continue;
                }
                RubricLayout layout = sp.layout();
                assertSame(sp.rubric(), layout.rubric());
                List<Criterion> all = sp.rubric().allCriteria();
                assertEquals(all.size(), layout.size(), site.name() + " " + sp.id());
                for (int i = 0; i < all.size(); i++) {
                    Criterion c = all.get(i);
                    assertSame(c, layout.criterion(i));
                    assertEquals(i, layout.indexOf(c.id()));
                    assertEquals(Slug.rubricPage(sp.rubric().id()) + "#" + Slug.criterionAnchor(c.id()), layout.href(i));
                    assertEquals(Slug.criterionAnchor(c.id()), layout.anchor(i));
                    assertEquals(c.content().replaceAll("[。；;]+$", ""), layout.phrase(i));
                    assertEquals(c.content().strip().replaceAll("。+$", ""), layout.focusPhrase(i));
                    int si = layout.sectionIndex(i);
                    assertTrue(sp.rubric().sections().get(si).criteria().contains(c));
                    assertSame(sp.rubric().sections().get(si), layout.section(i));
                    assertEquals(RubricDiff.sectionLabel(layout.section(i)), layout.sectionLabel(si));
                }
                for (Standing s : sp.standings().lines()) {
                    if (s.breakdown() == null) {
                        continue;
                    }
                    sheets++;
                    assertReadsAsLookups(layout, s.breakdown());
                    assertReadsAsLookups(layout, reordered(s.breakdown()));
                }
            }
        }
        assertTrue(sheets >= 130, "too few sheets to say anything: " + sheets);
    }

    @Test
    void aCriterionTheBreakdownLacksIsNullNotAnotherCriterionsScore() {
        ScoredPeriod sp = ScoredPeriods.of(Shipped.corpus()).stream().filter(p -> p.rubric() != null
                && p.standings().lines().stream().anyMatch(s -> s.breakdown() != null)).findFirst().orElseThrow();
        Breakdown b = sp.standings().lines().stream().map(Standing::breakdown).filter(x -> x != null).findFirst()
                .orElseThrow();
        // The first section's first criterion dropped: every later one shifts to another position.
        List<Breakdown.SectionScore> sections = new ArrayList<>(b.sections());
        Breakdown.SectionScore first = sections.get(0);
        sections.set(0, new Breakdown.SectionScore(first.id(), first.kind(), first.score(), first.maximum(),
                first.criteria().subList(1, first.criteria().size())));
        Breakdown lacking = new Breakdown(b.rubric(), b.station(), sections, b.sheets(), b.base(), b.bonus(),
                b.penalty(), b.total(), b.maximum(), b.vetoes());
        Breakdown.CriterionScore[] scores = sp.layout().scores(lacking);
        assertNull(scores[0]);
        assertReadsAsLookups(sp.layout(), lacking);
    }

    @Test
    void layoutsOfEqualRubricsAreEqual() {
        Rubric r = Shipped.rubric("lushan-2022");
        assertEquals(RubricLayout.of(r), RubricLayout.of(r));
        assertEquals(RubricLayout.of(r).hashCode(), RubricLayout.of(r).hashCode());
        assertNull(RubricLayout.of(null));
    }

    @Test
    void slugIdCheckAgreesWithItsPattern() {
        Random random = new Random(Long.getLong("kaoping.seed", 12));
        String alphabet = "az09.-_A/\\\n\r\u2028 é";
        for (int n = 0; n < 200_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(7);
            for (int i = 0; i < length; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertEquals(Slug.ID.matcher(s).matches(), Slug.isId(s), () -> "\"" + s + "\"");
        }
        assertEquals(false, Slug.isId(null));
    }

    @Test
    void reasonPhraseAgreesWithTheRegexItStandsFor() {
        Random random = new Random(Long.getLong("kaoping.seed", 13));
        String alphabet = "ab。；;，, \t\n\r\u000B\f\u0085\u2028\u2029x";
        for (int n = 0; n < 200_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(6);
            for (int i = 0; i < length; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertEquals(s.replaceAll("[。；;，,\\s]+$", ""), ReportDrafts.reasonPhrase(s), () -> "\"" + s + "\"");
        }
    }

    @Test
    void rememberedFiguresAreWrittenAsWithoutTheMemo() {
        // Numbers keeps what it wrote; asked twice (the second time from memory), it must write what it always did.
        long seed = Long.getLong("kaoping.seed", 14);
        for (int pass = 0; pass < 2; pass++) {
            Random values = new Random(seed); // the same values both passes
            for (int n = 0; n < 20_000; n++) {
                java.math.BigDecimal v = java.math.BigDecimal.valueOf(values.nextInt(200_001) - 100_000, values.nextInt(5));
                int scale = values.nextInt(4);
                java.math.BigDecimal stripped = v.stripTrailingZeros();
                assertEquals(stripped.signum() == 0 ? "0" : stripped.toPlainString(), Numbers.plain(v), v.toString());
                String fixed = stripped.scale() > scale ? v.toPlainString()
                        : v.setScale(scale, java.math.RoundingMode.UNNECESSARY).signum() == 0
                        ? java.math.BigDecimal.ZERO.setScale(scale).toPlainString()
                        : v.setScale(scale, java.math.RoundingMode.UNNECESSARY).toPlainString();
                assertEquals(fixed, Numbers.fixed(v, scale), v + " at scale " + scale);
            }
        }
        assertEquals("", Numbers.plain(null));
        assertEquals("", Numbers.fixed(null, 2));
    }

    private static void assertReadsAsLookups(RubricLayout layout, Breakdown b) {
        Breakdown.CriterionScore[] scores = layout.scores(b);
        for (int i = 0; i < layout.size(); i++) {
            assertSame(b.criterion(layout.criterion(i).id()).orElse(null), scores[i], layout.criterion(i).id());
        }
    }

    /** The same breakdown with its sections in reverse order: no criterion is where the rubric has it. */
    private static Breakdown reordered(Breakdown b) {
        List<Breakdown.SectionScore> sections = new ArrayList<>(b.sections());
        Collections.reverse(sections);
        return new Breakdown(b.rubric(), b.station(), sections, b.sheets(), b.base(), b.bonus(), b.penalty(),
                b.total(), b.maximum(), b.vetoes());
    }
}
