package org.kaoping.site;

import org.kaoping.load.Corpus;
import org.kaoping.model.AttributeDefinition;
import org.kaoping.model.Station;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The station registry as the pages need it: names by id, and attributes in words. */
final class Stations {
    private final Map<String, Station> byId = new LinkedHashMap<>();
    private final Map<String, AttributeDefinition> attributeDefinitions = new TreeMap<>();
    private volatile List<Station> all;
    private List<String> pagePaths;
    private List<String> sheetsPaths;

    Stations(Corpus corpus) {
        corpus.names().all().forEach(s -> byId.put(s.id(), s));
        // Attribute titles come from the rubrics that declare them (所别: 大所/小所); the first declaration wins.
        for (var r : corpus.rubrics().values()) {
            new TreeMap<>(r.value().attributes()).forEach(attributeDefinitions::putIfAbsent);
        }
    }

    String name(String id) {
        Station s = byId.get(id);
        return s == null ? id : s.name();
    }

    /** The name without 司法所 (观音寺), as the reports list stations in running text. */
    String shortName(String id) {
        Station s = byId.get(id);
        return s == null ? id : s.shortName();
    }

    /** Equal when they hold the same stations and attribute words (report pages compare by value: `serve` reuses downloads). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Stations other && byId.equals(other.byId)
                && attributeDefinitions.equals(other.attributeDefinitions);
    }

    @Override
    public int hashCode() {
        return byId.hashCode() * 31 + attributeDefinitions.hashCode();
    }

    List<Station> all() {
        List<Station> a = all;
        if (a == null) {
            a = List.copyOf(byId.values());
            all = a;
        }
        return a;
    }

    /**
     * Each station's page address ({@link Slug#stationPage}), in {@link #all}'s order: made once per registry, as
     * `serve` plans a site after every change of a sheet (a province: 10,000 addresses).
     */
    synchronized List<String> pagePaths() {
        if (pagePaths == null) {
            pagePaths = all().stream().map(s -> Slug.stationPage(s.id())).toList();
        }
        return pagePaths;
    }

    /** Each station's own .csv address ({@link Slug#stationSheets}), in {@link #all}'s order, made once. */
    synchronized List<String> sheetsPaths() {
        if (sheetsPaths == null) {
            sheetsPaths = all().stream().map(s -> Slug.stationSheets(s.id())).toList();
        }
        return sheetsPaths;
    }

    /** "所别：大所", attributes sorted by key. */
    String attributes(Station s) {
        List<String> out = new ArrayList<>();
        new TreeMap<>(s.attributes()).forEach((k, v) -> {
            AttributeDefinition d = attributeDefinitions.get(k);
            String title = d == null ? k : d.title();
            String value = d == null ? v : d.values().getOrDefault(v, v);
            out.add(title + "：" + value);
        });
        return String.join("；", out);
    }
}
