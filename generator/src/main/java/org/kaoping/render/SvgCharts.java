package org.kaoping.render;

import org.kaoping.site.Chart;
import org.kaoping.site.Chart.Bar;
import org.kaoping.site.Chart.Point;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Charts drawn at build time as inline SVG: they show without JavaScript, print, and scale with
 * the page (viewBox, no fixed size). Colours are presentation attributes, so a chart keeps them
 * even where the style sheet does not apply (a saved page, a printout); site.css may refine them.
 * Every chart carries a title and a text description for screen readers. Coordinates are written
 * with a fixed format so that two builds are byte-identical. The SVG is inline HTML, so it needs
 * no xmlns (and the page holds no absolute URL at all).
 */
public final class SvgCharts {
    static final String INK = "#1a1a1a";
    static final String MUTED = "#4a4f55";
    static final String BAR = "#2b5c8a";
    static final String TRACK = "#dfe4ea";
    static final String GRID = "#c9ced4";

    private SvgCharts() {
    }

    /** The chart as inline SVG. */
    public static String draw(Chart chart) {
        if (chart instanceof Chart.Bars b) {
            return bars(b.id(), b.title(), b.bars());
        }
        if (chart instanceof Chart.History h) {
            return history(h.id(), h.title(), h.points());
        }
        Chart.Distribution d = (Chart.Distribution) chart; // the last of the sealed kinds
        return histogram(d.id(), d.title(), d.totals());
    }

    /** How many values fall into each score band. */
    static String histogram(String id, String title, List<BigDecimal> values) {
        int width = 480;
        int height = 256;
        int left = 44;
        int right = 12;
        int top = 34;
        int bottom = 46;
        if (values.isEmpty()) {
            return "";
        }
        BigDecimal min = values.stream().min(BigDecimal::compareTo).orElseThrow();
        BigDecimal max = values.stream().max(BigDecimal::compareTo).orElseThrow();
        BigDecimal w = binWidth(min, max);
        BigDecimal lo = min.divide(w, 0, RoundingMode.FLOOR).multiply(w);
        int bins = max.subtract(lo).divide(w, 0, RoundingMode.FLOOR).intValue() + 1;
        int[] counts = new int[bins];
        for (BigDecimal v : values) {
            counts[v.subtract(lo).divide(w, 0, RoundingMode.FLOOR).intValue()]++;
        }
        int maxCount = 0;
        for (int c : counts) {
            maxCount = Math.max(maxCount, c);
        }
        int yStep = countStep(maxCount);
        int yMax = ((maxCount + yStep - 1) / yStep) * yStep;
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        double bw = plotW / bins;
        StringBuilder desc = new StringBuilder("各分数段的所数（每段含下限、不含上限）：");
        StringBuilder b = open(id, title, width, height, false, 4096);
        // Grid and y-axis labels.
        for (int y = 0; y <= yMax; y += yStep) {
            double py = top + plotH - plotH * y / yMax;
            line(b, left, py, width - right, py, GRID);
            text(b, left - 6, py + 4, "end", 13, MUTED, Integer.toString(y));
        }
        for (int i = 0; i < bins; i++) {
            double x = left + i * bw;
            double h = plotH * counts[i] / yMax;
            BigDecimal from = lo.add(w.multiply(BigDecimal.valueOf(i)));
            BigDecimal to = from.add(w);
            if (counts[i] > 0) {
                rect(b, x + 2, top + plotH - h, bw - 4, h, BAR);
                text(b, x + bw / 2, top + plotH - h - 5, "middle", 13, INK, Integer.toString(counts[i]));
            }
            desc.append(plain(from)).append("–").append(plain(to)).append(" 分 ").append(counts[i]).append(" 个；");
        }
        // Band edges under the axis.
        int every = bins > 8 ? 2 : 1;
        for (int i = 0; i <= bins; i += every) {
            double x = left + i * bw;
            line(b, x, top + plotH, x, top + plotH + 4, MUTED);
            text(b, x, top + plotH + 18, "middle", 13, MUTED, plain(lo.add(w.multiply(BigDecimal.valueOf(i)))));
        }
        line(b, left, top + plotH, width - right, top + plotH, MUTED);
        text(b, left + plotW / 2, height - 6, "middle", 12, MUTED, "总分（分）");
        text(b, 4, 14, "start", 12, MUTED, "所数");
        return close(b, id, desc);
    }

    /** Bars showing each value against its own maximum, labelled above the bar (readable on a phone). */
    static String bars(String id, String title, List<Bar> bars) {
        int width = 480;
        int row = 44;
        int top = 6;
        int height = top + row * bars.size() + 4;
        StringBuilder desc = new StringBuilder();
        StringBuilder b = open(id, title, width, height, false, 400 + 400 * bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = top + i * row;
            text(b, 0, y + 16, "start", 15, INK, bar.label());
            text(b, width, y + 16, "end", 15, INK, bar.valueText());
            boolean scale = bar.maximum() != null && bar.maximum().signum() > 0 && bar.value() != null;
            rect(b, 0, y + 23, width, 12, TRACK);
            if (scale) {
                double ratio = Math.max(0, Math.min(1, bar.value().doubleValue() / bar.maximum().doubleValue()));
                if (ratio > 0) {
                    rect(b, 0, y + 23, width * ratio, 12, BAR);
                }
            }
            desc.append(bar.label()).append(' ').append(bar.valueText()).append("；");
        }
        return close(b, id, desc);
    }

    /**
     * Where a history's parts go. Narrow: the chart every page had, 480 units wide and scaled with the column (a
     * county's few periods). Wide: as many periods as a station has, each given room for its own label, drawn at one
     * unit to the pixel; its box scrolls rather than shrink the labels into each other (site.css: chart-scroll).
     */
    private record HistoryLayout(boolean wide, int width, int height, int left, int right, double inset, double dx,
                                 int top, int bottom, int labelSize, int valueSize) {
        static HistoryLayout of(List<Point> points) {
            int n = points.size();
            double narrowDx = n == 1 ? Double.MAX_VALUE : (480.0 - 40 - 8 - 2 * 58) / (n - 1);
            if (widest(points, 13, 14) <= Math.min(narrowDx, 2 * (40 + 58))) {
                return new HistoryLayout(false, 480, 240, 40, 8, 58, n == 1 ? 0 : narrowDx, 30, 56, 13, 14);
            }
            double room = widest(points, 14, 15) + 16; // each period's width: its widest text and a gap
            double inset = room / 2;
            int width = (int) Math.ceil(44 + 8 + 2 * inset + (n - 1) * room);
            return new HistoryLayout(true, width, 260, 44, 8, inset, room, 32, 60, 14, 15);
        }

        /** The widest label, note or value of the points, in units of a chart whose texts are that size. */
        private static double widest(List<Point> points, int labelSize, int valueSize) {
            double w = 0;
            for (Point p : points) {
                w = Math.max(w, textWidth(p.label(), labelSize));
                w = Math.max(w, textWidth(p.value() == null ? NOT_ASSESSED : p.note(), labelSize));
                if (p.value() != null) {
                    w = Math.max(w, textWidth(plain(p.value()), valueSize));
                }
            }
            return w;
        }

        double x(int i, int n) {
            return n == 1 ? left + (width - left - right) / 2.0 : left + inset + i * dx;
        }
    }

    private static final String NOT_ASSESSED = "未参评";

    /**
     * About how wide a text is drawn, erring wide: a Chinese character (or any wide one) takes the font's size, a
     * digit or Latin letter about two thirds of it (Noto Sans CJK's digits are 0.64 em, Microsoft YaHei's narrower).
     */
    static double textWidth(String s, int size) {
        double em = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            em += cp >= 0x1100 ? 1 : cp == ' ' ? 0.3 : 0.65;
        }
        return em * size;
    }

    /** A line through each period's value, with the value and a note (the place) at each point. */
    static String history(String id, String title, List<Point> points) {
        List<BigDecimal> known = points.stream().map(Point::value).filter(v -> v != null).toList();
        if (known.isEmpty()) {
            return "";
        }
        HistoryLayout at = HistoryLayout.of(points);
        int width = at.width();
        int height = at.height();
        int left = at.left();
        int right = at.right();
        int top = at.top();
        int bottom = at.bottom();
        BigDecimal min = known.stream().min(BigDecimal::compareTo).orElseThrow();
        BigDecimal max = known.stream().max(BigDecimal::compareTo).orElseThrow();
        BigDecimal five = BigDecimal.valueOf(5);
        BigDecimal yLo = min.divide(five, 0, RoundingMode.FLOOR).multiply(five);
        BigDecimal yHi = max.divide(five, 0, RoundingMode.CEILING).multiply(five);
        if (yHi.compareTo(yLo) <= 0) {
            yHi = yLo.add(five);
        }
        if (yHi.subtract(yLo).compareTo(BigDecimal.TEN) < 0) {
            yLo = yHi.subtract(BigDecimal.TEN);
        }
        double plotH = height - top - bottom;
        double lo = yLo.doubleValue();
        double span = yHi.doubleValue() - lo;
        StringBuilder desc = new StringBuilder();
        StringBuilder b = open(id, title, width, height, at.wide(), 600 + 400 * points.size());
        BigDecimal step = yHi.subtract(yLo).compareTo(BigDecimal.valueOf(20)) > 0 ? BigDecimal.TEN : five;
        for (BigDecimal t = yLo; t.compareTo(yHi) <= 0; t = t.add(step)) {
            double py = top + plotH - plotH * (t.doubleValue() - lo) / span;
            line(b, left, py, width - right, py, GRID);
            text(b, left - 6, py + 4, "end", 14, MUTED, plain(t));
        }
        int n = points.size();
        int labelY = height - bottom + 26;
        int noteY = height - bottom + 46;
        List<double[]> run = new ArrayList<>();
        List<List<double[]>> runs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            double x = at.x(i, n);
            text(b, x, labelY, "middle", at.labelSize(), MUTED, p.label());
            if (p.value() == null) {
                if (!run.isEmpty()) {
                    runs.add(run);
                    run = new ArrayList<>();
                }
                text(b, x, noteY, "middle", at.labelSize(), MUTED, NOT_ASSESSED);
                desc.append(p.label()).append(" 未参评；");
                continue;
            }
            double y = top + plotH - plotH * (p.value().doubleValue() - lo) / span;
            run.add(new double[]{x, y});
            text(b, x, noteY, "middle", at.labelSize(), INK, p.note());
            desc.append(p.label()).append(' ').append(plain(p.value())).append(" 分，").append(p.note()).append("；");
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        for (List<double[]> r : runs) {
            if (r.size() > 1) {
                StringBuilder pts = new StringBuilder();
                for (double[] xy : r) {
                    pts.append(pts.length() == 0 ? "" : " ").append(num(xy[0])).append(',').append(num(xy[1]));
                }
                b.append("<polyline points=\"").append(pts).append("\" fill=\"none\" stroke=\"").append(BAR)
                        .append("\" stroke-width=\"2\"/>");
            }
        }
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            if (p.value() == null) {
                continue;
            }
            double x = at.x(i, n);
            double y = top + plotH - plotH * (p.value().doubleValue() - lo) / span;
            b.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y)).append("\" r=\"4\" fill=\"")
                    .append(BAR).append("\"/>");
            text(b, x, y - 9, "middle", at.valueSize(), INK, plain(p.value()));
        }
        return close(b, id, desc);
    }

    private static BigDecimal binWidth(BigDecimal min, BigDecimal max) {
        double span = max.subtract(min).doubleValue();
        for (String w : new String[]{"0.5", "1", "2", "2.5", "5", "10", "20", "50"}) {
            if (span / Double.parseDouble(w) < 10) {
                return new BigDecimal(w);
            }
        }
        // Any span gets at most ten bands: the width grows by powers of ten (a stray 90500000 draws
        // a few wide bands, not millions of narrow ones).
        BigDecimal w = BigDecimal.valueOf(100);
        while (max.subtract(min).divide(w, 0, RoundingMode.FLOOR).compareTo(BigDecimal.valueOf(10)) >= 0) {
            w = w.movePointRight(1);
        }
        return w;
    }

    /**
     * @param wide drawn at its size, one unit to the pixel: its width and height are the viewBox's (site.css: chart-wide)
     * @param room about the chart's length: a station page's charts are drawn without the builder growing
     */
    private static StringBuilder open(String id, String title, int width, int height, boolean wide, int room) {
        StringBuilder b = new StringBuilder(room);
        b.append(wide ? "<svg class=\"chart chart-wide\" viewBox=\"0 0 " : "<svg class=\"chart\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height);
        if (wide) {
            b.append("\" width=\"").append(width).append("\" height=\"").append(height);
        }
        b.append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\"><title id=\"").append(id).append("-title\">");
        Html.escape(title, b);
        return b.append("</title>");
    }

    private static String close(StringBuilder b, String id, StringBuilder desc) {
        // The last item's "；" becomes the full stop (what replaceAll("；$", "。") did, without a regex per chart).
        int end = desc.length();
        String d = end > 0 && desc.charAt(end - 1) == '；' ? desc.substring(0, end - 1) + "。" : desc.toString();
        // The description goes right after the title (the order screen readers expect).
        int at = b.indexOf("</title>") + "</title>".length();
        StringBuilder head = new StringBuilder(d.length() + id.length() + 24).append("<desc id=\"").append(id)
                .append("-desc\">");
        Html.escape(d, head);
        b.insert(at, head.append("</desc>"));
        return b.append("</svg>").toString();
    }

    // The elements are appended to the chart as they are written: a station page draws some hundred of them, and
    // building each as a string of its own first cost more than drawing it.
    private static void rect(StringBuilder b, double x, double y, double w, double h, String fill) {
        b.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" fill=\"").append(fill).append("\"/>");
    }

    private static void line(StringBuilder b, double x1, double y1, double x2, double y2, String stroke) {
        b.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"1\"/>");
    }

    private static void text(StringBuilder b, double x, double y, String anchor, int size, String fill, String s) {
        b.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" font-size=\"").append(size).append("\" fill=\"").append(fill).append("\">");
        Html.escape(s, b);
        b.append("</text>");
    }

    /** Coordinates to one decimal, '.' as separator whatever the default locale. */
    static String num(double v) {
        // Every station page draws its charts on the same grid: most coordinates recur, and are formatted once.
        String known = NUMBERS.get(v);
        if (known != null) {
            return known;
        }
        String s = format(v);
        if (NUMBERS.size() < 4096) {
            NUMBERS.put(v, s);
        }
        return s;
    }

    /** Coordinates already formatted, by value (bounded: a hint, never a different answer). */
    private static final java.util.concurrent.ConcurrentHashMap<Double, String> NUMBERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static String format(double v) {
        // What String.format(Locale.ROOT, "%.1f", v) gives (half-up on the shortest decimal, "-0.0" kept
        // negative), without the Formatter: a province's station pages draw millions of coordinates.
        if (!Double.isFinite(v)) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        BigDecimal d = BigDecimal.valueOf(v).setScale(1, java.math.RoundingMode.HALF_UP);
        String s = d.toPlainString();
        if (d.signum() == 0 && (v < 0 || (v == 0 && 1 / v < 0))) {
            s = "-" + s;
        }
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.signum() == 0 ? "0" : s.toPlainString();
    }

    /**
     * The y-axis step of a histogram: 1, 2, then 5, 10, 20, 50, … — the first that keeps at most eight
     * grid lines above zero (a province's 3,000 stations in one bin once drew 600 labelled lines).
     */
    static int countStep(int maxCount) {
        if (maxCount <= 8) {
            return 1;
        }
        if (maxCount <= 20) {
            return 2;
        }
        int[] mantissas = {5, 10, 20};
        for (long scale = 1; ; scale *= 10) {
            for (int m : mantissas) {
                long step = m * scale;
                if (maxCount <= 8 * step) {
                    return (int) step;
                }
            }
        }
    }
}
