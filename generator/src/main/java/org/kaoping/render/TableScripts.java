package org.kaoping.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kaoping.site.HomePage;
import org.kaoping.site.Page;
import org.kaoping.site.Paging;
import org.kaoping.site.PeriodPage;
import org.kaoping.site.SelfCheckPages;
import org.kaoping.site.StationGrid;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data files of long tables ({@link Paging}): a period's ranking, the stations grid and the station
 * finder, each one JSON value that site.js renders page by page with DOM text nodes (never as markup).
 * A script file, not a .json fetched: the site's CSP forbids connections ({@code connect-src 'none'}) and
 * browsers refuse fetches from file://, while {@code <script src>} works from a folder and a server alike.
 * The file only assigns the value: {@code (window.kaopingTables = …)["data/…"] = {…};}.
 *
 * <p>Each table is {@code {"columns": [kind, …], "rows": [[cell, …], …]}}; the kinds and their cells:
 * {@code place} a number; {@code station} [name, href, has a full sheet (1/0)]; {@code fold} a figure that
 * folds away on phones; {@code total} [total, published total or ""]; {@code tier} text; {@code veto} the
 * vetoes in words or ""; {@code move} ▲3, ▼2, –, 新; {@code grid} [total, place] or 0 (took no part).
 * The finder's rows are [name, the other names it matches (short name, id), href]. Hrefs are relative to the site root.
 * Written for every site, paged or not, so that the published data is the same at every size.
 */
public final class TableScripts {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TableScripts() {
    }

    /** The page's data files: path (relative to the site root) → bytes. */
    public static Map<String, byte[]> files(Page page) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        if (page instanceof PeriodPage p) {
            out.put(p.dataFile(), script(p.dataFile(), ranking(p)));
        } else if (page instanceof HomePage h) {
            out.put(h.stationsData(), script(h.stationsData(), finder(h)));
            if (h.grid().shown()) {
                out.put(h.grid().dataFile(), script(h.grid().dataFile(), grid(h.grid())));
            }
        }
        return out;
    }

    static byte[] script(String key, ObjectNode table) {
        return ("(window.kaopingTables = window.kaopingTables || {})[\"" + key + "\"] = "
                + SelfCheckPages.scriptJson(table) + ";\n").getBytes(StandardCharsets.UTF_8);
    }

    static ObjectNode ranking(PeriodPage p) {
        ObjectNode t = NODES.objectNode();
        ArrayNode columns = t.putArray("columns");
        columns.add("place").add("station");
        p.componentHeaders().forEach(h -> columns.add("fold"));
        p.bonusHeaders().forEach(h -> columns.add("fold"));
        columns.add("total");
        if (p.hasTiers()) {
            columns.add("tier");
        }
        boolean vetoes = p.hasVetoColumn();
        if (vetoes) {
            columns.add("veto");
        }
        if (p.hasMovement()) {
            columns.add("move");
        }
        ArrayNode rows = t.putArray("rows");
        for (PeriodPage.RankingRow r : p.rows()) {
            ArrayNode row = rows.addArray();
            row.add(r.place());
            row.addArray().add(r.station()).add(r.href()).add(r.hasSheet() ? 1 : 0);
            r.components().forEach(row::add);
            r.bonuses().forEach(row::add);
            row.addArray().add(r.total()).add(r.published());
            if (p.hasTiers()) {
                row.add(r.tier());
            }
            if (vetoes) {
                row.add(r.veto());
            }
            if (p.hasMovement()) {
                row.add(r.movement().symbol());
            }
        }
        return t;
    }

    static ObjectNode grid(StationGrid g) {
        ObjectNode t = NODES.objectNode();
        ArrayNode columns = t.putArray("columns");
        columns.add("station");
        g.periods().forEach(x -> columns.add("grid"));
        ArrayNode rows = t.putArray("rows");
        for (StationGrid.Row r : g.rows()) {
            ArrayNode row = rows.addArray();
            row.addArray().add(r.station()).add(r.href()).add(0);
            for (StationGrid.Cell c : r.cells()) {
                if (c.present()) {
                    row.addArray().add(c.total()).add(c.rank());
                } else {
                    row.add(0);
                }
            }
        }
        return t;
    }

    static ObjectNode finder(HomePage h) {
        ObjectNode t = NODES.objectNode();
        ArrayNode rows = t.putArray("rows");
        for (HomePage.StationItem s : h.stations()) {
            // The names start with the name itself; only the others travel a second time.
            String others = s.names().startsWith(s.name()) ? s.names().substring(s.name().length()).strip() : s.names();
            rows.addArray().add(s.name()).add(others).add(s.href());
        }
        return t;
    }
}
