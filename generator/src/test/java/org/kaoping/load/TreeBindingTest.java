package org.kaoping.load;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.model.Period;
import org.kaoping.model.Rubric;
import org.kaoping.model.Sheet;
import org.kaoping.model.SiteConfig;
import org.kaoping.model.StationRegistry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tree {@link TreeBinding} binds must be bound to exactly what StrictJson's mapper makes of it, and a tree it
 * declines is the mapper's, so every finding is worded as before. Held on every shipped rubric, period, site.json
 * and stations.json, for both audiences, and on seeded mutants of them loaded the long way with and without it:
 * fields the records lack, nulls, numbers of every form in every place, unknown kinds and enum names, values a
 * record's constructor refuses. Replay with -Dkaoping.seed=N.
 */
class TreeBindingTest {
    /** A file kind: where its shipped files are, its schema and its record. */
    private record Kind(String schema, Class<?> type, String glob) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(SchemaCheck.RUBRIC, Rubric.class, "rubrics/*.json"),
            new Kind(SchemaCheck.PERIOD, Period.class, "content/periods/*.json"),
            new Kind(SchemaCheck.SITE, SiteConfig.class, "content/site.json"),
            new Kind(SchemaCheck.STATIONS, StationRegistry.class, "content/stations.json"));

    private static final String[] KEYS = {"id", "title", "kind", "points", "cap", "per", "target", "targets",
            "attribute", "levels", "code", "label", "steps", "min", "max", "atLeast", "atMost", "deduct", "zero",
            "budget", "bonusCap", "zeroBelow", "part", "veto", "notes", "text", "effect", "scale", "rounding", "step",
            "partial", "year", "total", "sections", "criteria", "rules", "parts", "groups", "mode", "appliesTo",
            "values", "sheets", "vetoes", "predecessor", "rubric", "assessment", "components", "weight", "source",
            "ranking", "ties", "tieBreak", "tiers", "top", "bottom", "results", "station", "published", "place",
            "stations", "name", "short", "aliases", "attributes", "showAssessorNotes", "basePath", "type", "quarter",
            "publication", "status", "reviews", "raters", "grades", "rankBonuses", "givenBonuses", "awards", "", "zzz"};

    private static final String[] VALUES = {"null", "0", "-0", "-1", "1", "2", "5", "0.5", "1.50", "10.0", "1e2",
            "1E-2", "2147483648", "99999999999999999999", "2023", "2023.0", "true", "false", "\"\"", "\"x\"",
            "\"HALF_UP\"", "\"half_up\"", "\"HALF_EVEN\"", "\"score\"", "\"bonus\"", "\"SCORE\"", "\"void\"",
            "\"no-honours\"", "\"shared\"", "\"sequential\"", "\"perCount\"", "\"zeroing\"", "\"levels\"",
            "\"PerCount\"", "\"annual\"", "\"quarter\"", "\"矫正对象{{薛新义}}\"", "[]", "[\"a\"]", "[1]", "[null]",
            "{}", "{\"a\": 1}", "{\"a\": \"b\"}", "{\"kind\": \"zeroing\", \"id\": \"z\", \"text\": \"本项不得分\"}",
            "{\"kind\": \"perCount\", \"id\": \"p\", \"text\": \"t\", \"per\": 0.5, \"cap\": 2}",
            "[{\"code\": \"A\", \"label\": \"好\", \"points\": 5}]", "{\"id\": \"s\", \"name\": \"甲所\"}"};

    @TempDir
    Path dir;

    @Test
    void everyShippedFileIsBoundAsTheMapperBindsIt() throws IOException {
        int files = 0;
        for (Kind kind : KINDS) {
            for (Path file : shipped(kind)) {
                JsonSource source;
                try {
                    source = JsonSource.read(file);
                } catch (LoadException e) {
                    throw new AssertionError(file + ": " + e.diagnostics());
                }
                assertEquals(List.of(), SchemaCheck.instance().check(source, kind.schema()), file.toString());
                for (Audience audience : Audience.values()) {
                    JsonNode tree = PrivateNames.apply(source.tree(), audience);
                    Object bound = TreeBinding.bind(tree, kind.type());
                    assertNotNull(bound, file + " is declined");
                    Object mapped = StrictJson.mapper().treeToValue(tree, kind.type());
                    assertEquals(mapped, bound, file.toString());
                    assertEquals(mapped.toString(), bound.toString(), file.toString());
                }
                files++;
            }
        }
        assertTrue(files >= 20, "shipped files: " + files);
    }

    @Test
    void mutantsAreBoundAsTheMapperBindsThem() throws IOException {
        long seed = Long.getLong("kaoping.seed", 20261202L);
        SplittableRandom random = new SplittableRandom(seed);
        for (Kind kind : KINDS) {
            List<JsonNode> seeds = new ArrayList<>();
            for (Path file : shipped(kind)) {
                seeds.add(BothWays.TREES.readTree(Files.readString(file)));
            }
            int bound = 0;
            int refused = 0;
            int mutants = kind.type() == Rubric.class ? 80 : kind.type() == Period.class ? 150 : 50;
            for (int i = 0; i < mutants; i++) {
                byte[] bytes = BothWays.mutant(seeds, random, BothWays.edit(KEYS, VALUES));
                String what = kind.type().getSimpleName() + ", seed " + seed + ", mutant " + i + ": "
                        + new String(bytes, StandardCharsets.UTF_8);
                Path file = dir.resolve("f.json");
                Files.write(file, bytes);
                Audience audience = random.nextBoolean() ? Audience.PUBLIC : Audience.INTERNAL;
                List<Diagnostic> withFindings = new ArrayList<>();
                List<Diagnostic> mapperFindings = new ArrayList<>();
                Loaded<?> with = FileLoader.loadInFull(file, kind.schema(), kind.type(), withFindings, audience, false);
                Loaded<?> mapper = FileLoader.loadInFull(file, kind.schema(), kind.type(), mapperFindings, audience,
                        false, true);
                assertEquals(BothWays.formatted(mapperFindings), BothWays.formatted(withFindings), what);
                if (mapper == null) {
                    assertNull(with, what);
                    refused++;
                    continue;
                }
                assertEquals(mapper.value(), with.value(), what);
                assertEquals(mapper.value().toString(), with.value().toString(), what);
                bound += boundByTree(file, kind, audience) ? 1 : 0;
            }
            // Both ways are exercised: mutants the tree binding takes, and many the mapper or schema refuses.
            assertTrue(bound > mutants / 10, kind.type().getSimpleName() + " mutants bound from the tree: " + bound);
            assertTrue(refused > mutants / 4, kind.type().getSimpleName() + " mutants refused: " + refused);
        }
    }

    /** A sheet is not bound from its tree: its entries' inputs are no record component type (the mapper's). */
    @Test
    void aSheetIsLeftToTheMapper() throws IOException {
        Path file;
        try (Stream<Path> sheets = Files.list(Path.of("content/sheets/2022-annual"))) {
            file = sheets.filter(p -> p.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
        }
        JsonSource source;
        try {
            source = JsonSource.read(file);
        } catch (LoadException e) {
            throw new AssertionError(e.diagnostics().toString());
        }
        assertNull(TreeBinding.bind(source.tree(), Sheet.class), file.toString());
    }

    private static boolean boundByTree(Path file, Kind kind, Audience audience) {
        try {
            return TreeBinding.bind(PrivateNames.apply(JsonSource.read(file).tree(), audience), kind.type()) != null;
        } catch (LoadException e) {
            return false;
        }
    }

    /** The kind's files in the repository's content and rubrics and in each example's. */
    private static List<Path> shipped(Kind kind) throws IOException {
        List<Path> roots = new ArrayList<>(List.of(Path.of(".")));
        try (Stream<Path> examples = Files.list(Path.of("examples"))) {
            examples.sorted().forEach(roots::add);
        }
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            Path folder = root.resolve(kind.glob()).getParent();
            String name = Path.of(kind.glob()).getFileName().toString();
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> name.equals("*.json") ? f.toString().endsWith(".json")
                                && !f.getFileName().toString().endsWith(".schema.json") : f.getFileName().toString().equals(name))
                        .sorted().forEach(out::add);
            }
        }
        assertTrue(out.size() >= 4, kind.glob() + ": " + out);
        return out;
    }
}
