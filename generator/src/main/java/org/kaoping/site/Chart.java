package org.kaoping.site;

import java.math.BigDecimal;
import java.util.List;

/**
 * A chart of a page as numbers and words: the site model holds what a chart shows, {@code render/SvgCharts} draws
 * it where a template writes it unescaped ({@code {{{historyChart}}}}).
 */
public sealed interface Chart {
    /** The prefix of the SVG's title and description ids: unique on its page. */
    String id();

    /** What the chart shows, in words: its SVG title. */
    String title();

    /** Each value against its own maximum: a sheet's sections. */
    record Bars(String id, String title, List<Bar> bars) implements Chart {
        public Bars {
            bars = List.copyOf(bars);
        }
    }

    /** A station's totals over the periods, with its place at each. */
    record History(String id, String title, List<Point> points) implements Chart {
        public History {
            points = List.copyOf(points);
        }
    }

    /** How many totals of a period fall into each score band. */
    record Distribution(String id, String title, List<BigDecimal> totals) implements Chart {
        public Distribution {
            totals = List.copyOf(totals);
        }
    }

    /** One bar: {@code maximum} null draws no bar over the track (a penalty section has none). */
    record Bar(String label, BigDecimal value, BigDecimal maximum, String valueText) {
    }

    /** One point of a history: {@code value} null leaves a gap (the station was not assessed). */
    record Point(String label, BigDecimal value, String note) {
    }
}
