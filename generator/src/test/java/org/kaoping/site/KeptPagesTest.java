package org.kaoping.site;

import org.junit.jupiter.api.Test;
import org.kaoping.load.Audience;
import org.kaoping.load.Corpus;
import org.kaoping.load.CorpusLoader;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The kept pages built over the cores: the same pages as one by one, each once, and the first failure in plan order. */
class KeptPagesTest {
    @Test
    void overTheCoresTheSamplesPagesAreTheOnesBuiltOneByOne() {
        Corpus corpus = new CorpusLoader().load(SiteBuild.CONTENT, SiteBuild.RUBRICS);
        Fingerprint version = Fingerprint.of(SiteBuild.CONTENT, SiteBuild.RUBRICS);
        for (int round = 0; round < 1; round++) {
            SiteModel together = SiteModelBuilder.build(corpus, version, Clock.systemUTC(), Audience.PUBLIC, Map.of(), true);
            SiteModel alone = SiteModelBuilder.build(corpus, version, Clock.systemUTC(), Audience.PUBLIC, Map.of(), false);
            assertEquals(alone.pages().size(), together.pages().size());
            for (int i = 0; i < alone.pages().size(); i++) {
                // toString: a page's record text holds every value it shows (some hold arrays, which equals compares by identity)
                assertEquals(alone.pages().get(i).toString().replaceAll("\\[[A-Za-z]@[0-9a-f]+", "["),
                        together.pages().get(i).toString().replaceAll("\\[[A-Za-z]@[0-9a-f]+", "["), "page " + i);
            }
        }
    }

    @Test
    void eachKeptPageIsBuiltOnceAndTheOthersNotYet() {
        for (boolean overCores : new boolean[] {true, false}) {
            List<AtomicInteger> calls = new ArrayList<>();
            List<SiteModelBuilder.Planned> planned = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                AtomicInteger c = new AtomicInteger();
                calls.add(c);
                planned.add(new SiteModelBuilder.Planned("p" + i + ".html", () -> {
                    c.incrementAndGet();
                    return new NotFoundPage(new Link("返回首页", "index.html"));
                }, i % 3 != 0));
            }
            List<Supplier<Page>> pages = SiteModelBuilder.kept(planned, overCores);
            for (int i = 0; i < 40; i++) {
                assertEquals(i % 3 != 0 ? 1 : 0, calls.get(i).get(), "page " + i + " before rendering");
            }
            for (int i = 0; i < 40; i++) {
                Page first = pages.get(i).get();
                Page again = pages.get(i).get();
                if (i % 3 != 0) {
                    assertSame(first, again, "a kept page is the one built");
                }
                assertEquals(i % 3 != 0 ? 1 : 2, calls.get(i).get(), "page " + i + " after two reads");
            }
        }
    }

    @Test
    void theFailureSaidIsTheFirstInPlanOrderWhicheverFinishedFirst() {
        for (int seed = 0; seed < 20; seed++) {
            java.util.Random random = new java.util.Random(seed);
            int first = 1 + random.nextInt(20);
            int second = first + 1 + random.nextInt(10);
            List<SiteModelBuilder.Planned> planned = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                int at = i;
                int delay = random.nextInt(3);
                planned.add(new SiteModelBuilder.Planned("p" + i + ".html", () -> {
                    pause(at == first ? 5 + delay : delay); // the earlier failure often finishes later
                    if (at == first || at == second) {
                        throw new SiteException("page " + at + " failed");
                    }
                    return new NotFoundPage(new Link("返回首页", "index.html"));
                }, true));
            }
            // One by one the order is plain; over the cores (with pauses that finish the later failure first) it is not.
            for (boolean overCores : seed < 2 ? new boolean[] {true, false} : new boolean[] {true}) {
                SiteException e = assertThrows(SiteException.class, () -> SiteModelBuilder.kept(planned, overCores));
                assertEquals("page " + first + " failed", e.getMessage(), "seed " + seed);
            }
        }
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
