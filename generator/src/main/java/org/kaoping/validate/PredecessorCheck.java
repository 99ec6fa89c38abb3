package org.kaoping.validate;

import org.kaoping.load.Diagnostic;
import org.kaoping.load.Loaded;
import org.kaoping.model.Rubric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A rubric's "predecessor" names another rubric and pairs criteria across the two: both rubrics and
 * every paired criterion must exist, and no older criterion may stand for two newer ones (a station's
 * change on it would then be counted twice).
 */
public final class PredecessorCheck {
    private PredecessorCheck() {
    }

    public static List<Diagnostic> check(Map<String, Loaded<Rubric>> rubrics) {
        List<Diagnostic> out = new ArrayList<>();
        for (Loaded<Rubric> lr : rubrics.values()) {
            Rubric.Predecessor p = lr.value().predecessor();
            if (p == null) {
                continue;
            }
            Loaded<Rubric> older = rubrics.get(p.rubric());
            if (older == null) {
                out.add(lr.source().error("$.predecessor.rubric", "unknown rubric \"" + p.rubric()
                        + "\"; expected the id of a rubric in the rubrics folder"));
                continue;
            }
            if (older == lr) {
                out.add(lr.source().error("$.predecessor.rubric", "a rubric cannot be its own predecessor"));
                continue;
            }
            Map<String, String> usedBy = new HashMap<>();
            p.criteria().forEach((ours, theirs) -> {
                String at = org.kaoping.load.JsonPath.child("$.predecessor.criteria", ours);
                if (lr.value().criterion(ours).isEmpty()) {
                    out.add(lr.source().error(at, "no criterion \"" + ours + "\" in this rubric"));
                }
                if (older.value().criterion(theirs).isEmpty()) {
                    out.add(lr.source().error(at, "no criterion \"" + theirs + "\" in rubric \"" + p.rubric() + "\""));
                }
                String first = usedBy.putIfAbsent(theirs, ours);
                if (first != null) {
                    out.add(lr.source().error(at, "criterion \"" + theirs + "\" of \"" + p.rubric()
                            + "\" is already paired with \"" + first + "\"; each may stand for one criterion only"));
                }
            });
        }
        return out;
    }
}
