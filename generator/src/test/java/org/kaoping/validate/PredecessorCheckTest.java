package org.kaoping.validate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rubric's declared correspondence with the rubric it replaces: every end must exist, each old criterion once. */
class PredecessorCheckTest {
    @TempDir
    Path tmp;

    /** A copy of rubrics/ whose lushan-2023.json has its "predecessor" block replaced. */
    private Path rubricsWith(String predecessor) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rubrics"));
        try (var s = Files.list(Path.of("rubrics"))) {
            for (Path p : s.toList()) {
                Files.copy(p, dir.resolve(p.getFileName().toString()));
            }
        }
        Path f = dir.resolve("lushan-2023.json");
        String text = Files.readString(f);
        int at = text.indexOf("\"predecessor\"");
        assertTrue(at > 0, "the shipped lushan-2023 declares its predecessor");
        Files.writeString(f, text.substring(0, at) + "\"predecessor\": " + predecessor + "\n}\n");
        return dir;
    }

    private List<String> errors(String predecessor) throws IOException {
        var r = CheckFindingsTest.check("check", "--rubrics-only", "--rubrics", rubricsWith(predecessor).toString());
        return r.errors();
    }

    @Test
    void shippedCorrespondenceIsValid() throws IOException {
        assertEquals(List.of(), errors("{ \"rubric\": \"lushan-2022\", \"criteria\": { \"4.2\": \"9.2\" } }"));
    }

    @Test
    void unknownRubricIsAnErrorWithItsPath() throws IOException {
        List<String> e = errors("{ \"rubric\": \"lushan-2021\", \"criteria\": {} }");
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.get(0).contains("lushan-2023.json:") && e.get(0).contains("$.predecessor.rubric")
                && e.get(0).contains("unknown rubric \"lushan-2021\""), e.get(0));
    }

    @Test
    void unknownCriteriaOnEitherSideAndDoublePairsAreErrors() throws IOException {
        List<String> e = errors("{ \"rubric\": \"lushan-2022\", \"criteria\": { \"99.1\": \"1.1\", \"1.2\": \"98.1\","
                + " \"1.3\": \"1.4\", \"1.4\": \"1.4\" } }");
        assertEquals(3, e.size(), e.toString());
        assertTrue(e.get(0).contains("no criterion \"99.1\" in this rubric"), e.get(0));
        assertTrue(e.get(1).contains("no criterion \"98.1\" in rubric \"lushan-2022\""), e.get(1));
        assertTrue(e.get(2).contains("\"1.4\" of \"lushan-2022\" is already paired with \"1.3\""), e.get(2));
        assertTrue(e.get(2).contains("$.predecessor.criteria[\"1.4\"]"), e.get(2));
    }
}
