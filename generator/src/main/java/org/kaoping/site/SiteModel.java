package org.kaoping.site;

import com.fasterxml.jackson.databind.JsonNode;
import org.kaoping.model.SiteConfig;

import java.util.List;
import java.util.Map;

/**
 * Everything the site shows, ready to render: one record per page, plus the rubrics as JSON for
 * the self-check form. Built from the corpus and the engine's standings; holds no HTML except
 * the SVG charts, which are drawn here so that the model alone decides what a page shows.
 *
 * @param builtAt       the build time, only when content/site.json asks for it ("" otherwise)
 * @param rubricExports rubric id → the rubric's JSON as loaded, sorted by id (public fields only in a public build)
 * @param internal      an internal build: private names and notes shown, every page marked
 */
public record SiteModel(SiteConfig config, Fingerprint fingerprint, String builtAt, List<Page> pages,
                        Map<String, JsonNode> rubricExports, boolean internal) {
    public SiteModel {
        // A PageList is immutable already and builds station pages on demand; copying it would build them all.
        pages = pages instanceof PageList ? pages : List.copyOf(pages);
    }

    /** A public build's model. */
    public SiteModel(SiteConfig config, Fingerprint fingerprint, String builtAt, List<Page> pages,
                     Map<String, JsonNode> rubricExports) {
        this(config, fingerprint, builtAt, pages, rubricExports, false);
    }
}
