package org.kaoping.site;

import org.junit.jupiter.api.Test;
import org.kaoping.load.CorpusLoader;

import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Report pages make their tables when asked, yet stay values: two builds of the same input give equal report
 * pages (what lets `serve` reuse a period's downloads), and pages of different periods differ.
 */
class ReportPageEqualityTest {
    private static List<ReportPage> reports() {
        SiteModel m = SiteModelBuilder.build(new CorpusLoader().load(SiteBuild.CONTENT, SiteBuild.RUBRICS),
                Fingerprint.of(SiteBuild.CONTENT, SiteBuild.RUBRICS), Clock.systemUTC());
        return m.pages().stream().filter(p -> p instanceof ReportPage).map(p -> (ReportPage) p).toList();
    }

    @Test
    void equalInputGivesEqualReportPagesAndTables() {
        List<ReportPage> a = reports();
        List<ReportPage> b = reports();
        assertFalse(a.isEmpty());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).tables(), b.get(i).tables());
        }
        if (a.size() > 1) {
            assertNotEquals(a.get(0), a.get(1));
        }
    }
}
