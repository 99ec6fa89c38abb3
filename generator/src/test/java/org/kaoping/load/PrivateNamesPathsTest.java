package org.kaoping.load;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PrivateNames' findings name the JSON path of their text, however deep; a tree without marks is not copied. */
class PrivateNamesPathsTest {
    private static JsonSource source(String json) throws LoadException {
        return JsonSource.parse(Path.of("t.json"), json);
    }

    @Test
    void findingsNameTheirPath() throws LoadException {
        JsonSource s = source("""
                {"criteria": {"1.1": {"reason": "ok"}, "a b": {"reason": "矫正对象薛新义，未按时报到"}},
                 "list": ["x", {"k": "当事人{{李四"}], "notes": ["矫正对象王小明，"], "plain": "无人员问题"}""");
        List<Diagnostic> found = PrivateNames.check(s);
        assertEquals(2, found.size(), found.toString());
        Diagnostic warning = found.stream().filter(d -> !d.isError()).findFirst().orElseThrow();
        assertTrue(warning.message().startsWith("$.criteria[\"a b\"].reason: \"矫正对象薛新义\" may name"), warning.message());
        Diagnostic error = found.stream().filter(Diagnostic::isError).findFirst().orElseThrow();
        assertTrue(error.message().startsWith("$.list[1].k: unbalanced"), error.message());
        assertEquals(2, error.line());
    }

    @Test
    void aTreeWithoutMarksIsNotCopied() throws LoadException {
        JsonNode plain = source("{\"a\": [\"矫正对象\", {\"b\": \"{ not a mark }\"}]}").tree();
        assertSame(plain, PrivateNames.apply(plain, Audience.PUBLIC));
        JsonNode marked = source("{\"a\": [\"x\", {\"b\": \"矫正对象{{薛新义}}\"}]}").tree();
        JsonNode applied = PrivateNames.apply(marked, Audience.PUBLIC);
        assertNotSame(marked, applied);
        assertEquals("矫正对象薛某某", applied.get("a").get(1).get("b").textValue());
        assertEquals("矫正对象{{薛新义}}", marked.get("a").get(1).get("b").textValue()); // the source's tree is untouched
        assertEquals("矫正对象薛新义", PrivateNames.apply(marked, Audience.INTERNAL).get("a").get(1).get("b").textValue());
    }
}
