package org.kaoping.round;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kaoping.model.Period;
import org.kaoping.model.Station;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file `kaoping new-period` writes: content/periods/&lt;id&gt;.json listing every station of the
 * registry, with no figures yet (the import fills them). Year and quarter come from the id
 * (2023-q3, 2023-annual, 2023-h1) so the clerk types one thing.
 */
public final class NewPeriod {
    private static final Pattern ID = Pattern.compile("^(\\d{4})-(q[1-4]|annual|h[12])$");

    private NewPeriod() {
    }

    /** Why an id cannot name a new period, or empty when it can. */
    public static Optional<String> problemWithId(String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.of("期次编号“" + id + "”应形如 2023-q3（季度）、2023-h1（半年）或 2023-annual（年度）");
        }
        return Optional.empty();
    }

    /** The latest existing period, by year then quarter, then id: the default `previous`. */
    public static Optional<String> latest(List<Period> periods) {
        return periods.stream()
                .max(Comparator.comparingInt(Period::year)
                        .thenComparingInt(p -> p.quarter() == null ? ("annual".equals(p.type()) ? 5 : 0) : p.quarter())
                        .thenComparing(Period::id))
                .map(Period::id);
    }

    public static ObjectNode json(String id, String title, String rubric, String previous, List<Station> stations,
                                  String workbookName) {
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            throw new IllegalArgumentException(problemWithId(id).orElseThrow());
        }
        String kind = m.group(2);
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("id", id);
        root.put("title", title);
        root.put("type", kind.startsWith("q") ? "quarter" : kind.startsWith("h") ? "half-year" : "annual");
        root.put("year", Integer.parseInt(m.group(1)));
        if (kind.startsWith("q")) {
            root.put("quarter", Integer.parseInt(kind.substring(1)));
        }
        root.put("rubric", rubric);
        if (previous != null) {
            root.put("previous", previous);
        }
        root.put("source", "考核评分表 " + workbookName + "（kaoping new-period 生成，kaoping import 导入）");
        ArrayNode results = root.putArray("results");
        for (Station s : stations) {
            results.addObject().put("station", s.id());
        }
        return root;
    }
}
