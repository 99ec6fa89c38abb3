package org.kaoping.site;

import java.util.List;

/** methodology.html: how every figure on the site is formed, generated from the configuration. */
public record MethodologyPage(List<String> scoring, List<PeriodMethod> periods, List<String> statistics,
                              List<String> movement, List<String> data) implements Page {

    public String path() {
        return "methodology.html";
    }

    public String template() {
        return "methodology";
    }

    public String title() {
        return "计分方法说明";
    }

    public String nav() {
        return "methodology";
    }

    /** @param rubric null when the period has none */
    public record PeriodMethod(String heading, String href, Link rubric, List<String> totals, List<String> ties,
                               List<String> tiers) {
        public boolean hasTiers() {
            return !tiers.isEmpty();
        }
    }
}
