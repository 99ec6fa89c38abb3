package org.kaoping.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.load.CorpusLoader;
import org.kaoping.render.Pages;
import org.kaoping.render.PeriodDownloads;
import org.kaoping.site.Fingerprint;
import org.kaoping.site.ReportPage;
import org.kaoping.site.SiteModel;
import org.kaoping.site.SiteModelBuilder;
import org.kaoping.write.OutputFolder;
import org.kaoping.write.Staging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample site's pages and downloads through the build's scheduling: a failing download part fails the
 * build once every other task has returned, so discarding the staging folder leaves nothing behind.
 */
class RenderAllTest {
    @TempDir
    Path temp;

    private static SiteModel model() {
        Path content = Path.of("content");
        Path rubrics = Path.of("rubrics");
        return SiteModelBuilder.build(new CorpusLoader().load(content, rubrics), Fingerprint.of(content, rubrics),
                Clock.systemUTC());
    }

    @Test
    void aFailingDownloadFailsTheBuildAndItsStagingIsDiscardedWhole() {
        SiteModel model = model();
        Pages pages = new Pages(Path.of("site-theme/templates"), model);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger partsRun = new AtomicInteger();
        try (OutputFolder out = OutputFolder.open(temp.resolve("out"), List.of())) {
            Staging staging = out.stage();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> BuildCommand.renderAll(
                    model.pages(), pages, staging, report -> {
                        List<PeriodDownloads.Part> parts = new ArrayList<>();
                        for (PeriodDownloads.Part p : PeriodDownloads.parts(report)) {
                            parts.add(new PeriodDownloads.Part(p.name(), p.weight(), sink -> {
                                running.incrementAndGet();
                                try {
                                    if (p.name().endsWith(".xlsx")) {
                                        throw new IllegalStateException("workbook failed: " + p.name());
                                    }
                                    p.writeTo(sink);
                                    partsRun.incrementAndGet();
                                } finally {
                                    running.decrementAndGet();
                                }
                            }));
                        }
                        return parts;
                    }, 2));
            assertTrue(e.getMessage().startsWith("workbook failed"), e.getMessage());
            assertEquals(0, running.get(), "no part still running when the failure is thrown");
            staging.discard();
        }
        assertFalse(Files.exists(temp.resolve("out.staging")));
        assertFalse(Files.exists(temp.resolve("out/index.html")), "nothing swapped in");
    }

    @Test
    void everyDownloadOfEveryPeriodIsWrittenOnce() throws Exception {
        SiteModel model = model();
        Pages pages = new Pages(Path.of("site-theme/templates"), model);
        Path target = temp.resolve("out");
        try (OutputFolder out = OutputFolder.open(target, List.of())) {
            Staging staging = out.stage();
            assertEquals(model.pages().size(), BuildCommand.renderAll(model.pages(), pages, staging, PeriodDownloads::parts, 3));
            staging.commit();
        }
        for (var p : model.pages()) {
            if (p instanceof ReportPage report) {
                for (var f : PeriodDownloads.files(report).entrySet()) {
                    assertTrue(java.util.Arrays.equals(f.getValue(), Files.readAllBytes(target.resolve(f.getKey()))), f.getKey());
                }
            }
        }
    }
}
