package org.kaoping.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.kaoping.load.Audience;
import org.kaoping.load.JsonSource;
import org.kaoping.load.JsonTrees;
import org.kaoping.support.Shipped;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link JsonTrees} writes a tree as Jackson's ObjectMapper did before it (RubricJson's exports, the self-check
 * form's embedded rubric and sheet links): every shipped rubric and seeded random trees, pretty and compact.
 */
class JsonTreesTest {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static DefaultPrettyPrinter printer() {
        return new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    }

    private static void assertSameText(JsonNode tree) throws Exception {
        assertEquals(MAPPER.writeValueAsString(tree), JsonTrees.compact(tree));
        assertEquals(MAPPER.writer(printer()).writeValueAsString(tree), JsonTrees.text(tree, printer()));
        assertEquals(MAPPER.writer(printer()).writeValueAsString(tree) + "\n",
                new String(RubricJson.bytes(tree), StandardCharsets.UTF_8));
    }

    @Test
    void everyShippedRubricIsWrittenAsTheMapperWroteIt() throws Exception {
        int n = 0;
        for (Path folder : Shipped.rubricFolders()) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".schema.json")).toList()) {
                    JsonNode tree = org.kaoping.load.RubricTree.read(JsonSource.read(f), Audience.PUBLIC);
                    assertSameText(tree);
                    assertSameText(org.kaoping.load.RubricTree.publicView(tree));
                    n++;
                }
            }
        }
        assertTrue(n >= 3, "rubrics written: " + n);
    }

    @Test
    void seededTreesOfEveryNodeKindAreWrittenAsTheMapperWroteThem() throws Exception {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            assertSameText(tree(random, 0));
        }
    }

    @Test
    void aNodeNoKaopingTreeHoldsIsRefused() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.putPOJO("x", new Object());
        assertThrows(IllegalArgumentException.class, () -> JsonTrees.compact(o));
    }

    private static final List<String> TEXTS = List.of("", "考评", "a\"b\\c", "</script><!--", "&amp;", "\u2028\u2029",
            "tab\there\nline", "\u0001\u001f", "😀 surrogate", "薛某某");

    private static JsonNode tree(Random r, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        int kind = depth >= 4 ? 2 + r.nextInt(10) : r.nextInt(12);
        return switch (kind) {
            case 0 -> {
                ObjectNode o = f.objectNode();
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    o.set(TEXTS.get(r.nextInt(TEXTS.size())) + i, tree(r, depth + 1));
                }
                yield o;
            }
            case 1 -> {
                ArrayNode a = f.arrayNode();
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    a.add(tree(r, depth + 1));
                }
                yield a;
            }
            case 2 -> f.textNode(TEXTS.get(r.nextInt(TEXTS.size())));
            case 3 -> f.numberNode(r.nextInt());
            case 4 -> f.numberNode(r.nextLong());
            case 5 -> f.numberNode(BigInteger.valueOf(r.nextLong()).multiply(BigInteger.valueOf(Long.MAX_VALUE)));
            case 6 -> f.numberNode(new BigDecimal(BigInteger.valueOf(r.nextInt(100_000) - 50_000), r.nextInt(12) - 6));
            case 7 -> f.numberNode(new BigDecimal("2.50"));
            case 8 -> f.numberNode(r.nextDouble() * 1000);
            case 9 -> f.numberNode((short) r.nextInt(Short.MAX_VALUE));
            case 10 -> f.booleanNode(r.nextBoolean());
            default -> f.nullNode();
        };
    }
}
