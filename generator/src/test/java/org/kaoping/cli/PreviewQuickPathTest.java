package org.kaoping.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.load.LoadCache;
import org.kaoping.rank.Standings;
import org.kaoping.serve.BuildOutcome;
import org.kaoping.serve.Changes;
import org.kaoping.site.Page;
import org.kaoping.site.Paging;
import org.kaoping.support.Cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Preview}'s quick path (one sheet changed: its period checked and ranked again from what the last check
 * kept) against a whole check of the same files, after seeded random edits: a sheet given another station's
 * scores (a tie), one score changed (places move), a reason reworded, a sheet broken and then mended. The printed
 * findings, every period's standings and every page and data file must be those of the whole check.
 */
class PreviewQuickPathTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    @DisplayName("a paged synthetic site: seeded edits on the quick path equal a whole check, findings, standings and files")
    void syntheticSite() throws Exception {
        Path content = tmp.resolve("c");
        assertEquals(0, Main.run("sample", "--stations", "110", "--periods", "2", "--seed", "11", "--out", content.toString()));
        edits(content, 11, 12);
    }

    @Test
    @DisplayName("the shipped content (three rubrics, shared and sequential places): seeded edits equal a whole check")
    void shippedContent() throws Exception {
        edits(Cli.contentCopy(tmp), 7, 12);
    }

    private void edits(Path content, long seed, int rounds) throws Exception {
        Folders f = new Folders();
        f.content = content;
        f.rubrics = Path.of("rubrics");
        f.theme = Path.of("site-theme");
        f.out = tmp.resolve("site");
        Preview quick = new Preview(f, new LoadCache(), CLOCK);
        BuildOutcome first = quick.build(Changes.all());
        assertTrue(first.ok(), first.report());
        List<Path> sheets;
        try (Stream<Path> s = Files.walk(content.resolve("sheets"))) {
            sheets = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        Random random = new Random(seed);
        Path broken = null;
        String mended = null;
        int[] kinds = new int[4];
        for (int round = 0; round < rounds; round++) {
            Path sheet;
            int kind;
            if (broken != null) {
                sheet = broken;
                Files.writeString(sheet, mended);
                broken = null;
                kind = -1;
            } else {
                sheet = sheets.get(random.nextInt(sheets.size()));
                // Every kind at least once, then at random; the break is never last (it is mended next round).
                kind = round < 4 ? round : random.nextInt(round == rounds - 1 ? 3 : 4);
                if (kind == 3) {
                    broken = sheet;
                    mended = Files.readString(sheet);
                }
                edit(sheet, kind, sheets, random);
                kinds[kind]++;
            }
            BuildOutcome o = quick.build(new Changes(Set.of(sheet.toAbsolutePath().normalize()), false, System.nanoTime()));
            String what = "round " + round + ", edit " + kind + " of " + sheet;
            assertNotNull(o, what);
            assertTrue(o.report().contains("重新检查了1 个评分表") || !o.ok(), what + ": " + o.report());
            Preview whole = new Preview(f, new LoadCache(), CLOCK);
            BuildOutcome w = whole.build(Changes.all());
            assertEquals(w.ok(), o.ok(), what + "\n" + o.report() + "\n---\n" + w.report());
            assertEquals(findings(w), findings(o), what);
            assertEquals(kind != 3, o.ok(), what + ": " + o.report());
            if (o.ok()) {
                assertEquals(whole.standings().keySet(), quick.standings().keySet(), what);
                for (var e : whole.standings().entrySet()) {
                    Standings q = quick.standings().get(e.getKey());
                    assertEquals(e.getValue().lines(), q.lines(), what + ": " + e.getKey());
                    assertEquals(e.getValue(), q, what + ": " + e.getKey());
                }
                assertSameFiles((PreviewSite) w.site(), (PreviewSite) o.site(), what);
            }
        }
        for (int k = 0; k < 4; k++) {
            assertTrue(kinds[k] > 0, "edit kind " + k + " was made");
        }
    }

    /** One seeded edit of {@code sheet}: 0 another station's scores, 1 one score, 2 a reason, 3 a score that is no number. */
    private static void edit(Path sheet, int kind, List<Path> sheets, Random random) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(sheet.toFile());
        ObjectNode criteria = (ObjectNode) tree.get("criteria");
        List<String> ids = new ArrayList<>();
        criteria.fieldNames().forEachRemaining(ids::add);
        String id = ids.get(random.nextInt(ids.size()));
        // Another sheet of the same period and rubric, for scores that are valid there.
        List<Path> others = sheets.stream().filter(p -> p.getParent().equals(sheet.getParent()) && !p.equals(sheet))
                .filter(p -> rubricOf(p).equals(tree.path("rubric").asText())).toList();
        JsonNode other = others.isEmpty() ? null
                : JSON.readTree(others.get(random.nextInt(others.size())).toFile()).get("criteria");
        if (kind < 2) {
            // The paper's total and its corrections no longer match the scores: an edited copy leaves them out.
            tree.remove("recordedTotal");
            tree.remove("corrections");
        }
        switch (kind) {
            case 0 -> {
                if (other != null) {
                    tree.set("criteria", other.deepCopy()); // the other station's total: a tie
                } else {
                    rewordReason(criteria, id);
                }
            }
            case 1 -> {
                if (!criteria.get(id).has("score")) {
                    rewordReason(criteria, id); // scored from inputs, or not applicable
                } else if (other != null && other.has(id) && other.get(id).has("score")
                        && !other.get(id).get("score").equals(criteria.get(id).get("score"))) {
                    ((ObjectNode) criteria.get(id)).set("score", other.get(id).get("score"));
                } else {
                    ((ObjectNode) criteria.get(id)).set("score", JSON.getNodeFactory().numberNode(0));
                }
            }
            case 2 -> rewordReason(criteria, id);
            default -> ((ObjectNode) criteria.get(id)).put("score", "五");
        }
        Files.writeString(sheet, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
    }

    private static void rewordReason(ObjectNode criteria, String id) {
        ObjectNode c = (ObjectNode) criteria.get(id);
        c.put("reason", "复核：" + c.path("reason").asText("材料不全"));
    }

    private static String rubricOf(Path sheet) {
        try {
            return JSON.readTree(sheet.toFile()).path("rubric").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What the check printed, without the line saying how long the preview took and how it was made. */
    private static String findings(BuildOutcome o) {
        return o.report().lines().filter(l -> !l.startsWith("serve: 预览已更新")).collect(Collectors.joining("\n"));
    }

    /** Every page, and the data files of the home and period pages, byte for byte. */
    private static void assertSameFiles(PreviewSite whole, PreviewSite quick, String what) {
        List<String> paths = new ArrayList<>();
        for (Page p : whole.site().model().pages()) {
            paths.add(p.path());
        }
        assertEquals(paths, quick.site().model().pages().stream().map(Page::path).toList(), what);
        paths.add(Paging.STATIONS_DATA);
        paths.add(Paging.GRID_DATA);
        for (String p : List.copyOf(paths)) {
            if (p.startsWith("periods/")) {
                paths.add(Paging.rankingData(p.substring("periods/".length(), p.length() - ".html".length())));
            }
        }
        int compared = 0;
        for (String p : paths) {
            byte[] expected = whole.file(p);
            assertArrayEquals(expected, quick.file(p), what + ": " + p);
            compared += expected == null ? 0 : 1;
        }
        assertTrue(compared > paths.size() / 2, what + ": files compared");
    }
}
