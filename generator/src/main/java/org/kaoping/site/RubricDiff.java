package org.kaoping.site;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.kaoping.model.Criterion;
import org.kaoping.model.Rubric;
import org.kaoping.model.Section;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What changed from one rubric to the next: sections and criteria added or removed, points moved,
 * standards reworded. Criteria are matched by what they assess, not by id: rubrics renumber their
 * sections from year to year (党风廉政建设 is 九 in 2022 and 四 in 2023), so equal ids mean little.
 * Matching, in order: same section title and same 考核内容; same 考核内容 anywhere (when unique);
 * within the same section title, the most similar 考核内容 (at least {@value #SIMILAR} alike).
 */
public record RubricDiff(String previousId, String previousTitle, String previousHref,
                         List<String> sectionChanges, List<Entry> added, List<Entry> removed,
                         List<Moved> pointsMoved, List<Entry> reworded, boolean partial) {

    static final double SIMILAR = 0.6;

    public RubricDiff {
        sectionChanges = List.copyOf(sectionChanges);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        pointsMoved = List.copyOf(pointsMoved);
        reworded = List.copyOf(reworded);
    }

    public boolean unchanged() {
        return sectionChanges.isEmpty() && added.isEmpty() && removed.isEmpty() && pointsMoved.isEmpty()
                && reworded.isEmpty();
    }

    public boolean hasSectionChanges() {
        return !sectionChanges.isEmpty();
    }

    public boolean hasAdded() {
        return !added.isEmpty();
    }

    public boolean hasRemoved() {
        return !removed.isEmpty();
    }

    public boolean hasPointsMoved() {
        return !pointsMoved.isEmpty();
    }

    public boolean hasReworded() {
        return !reworded.isEmpty();
    }

    /** A criterion of one side: its printed number, section, 考核内容 and points. */
    public record Entry(String number, String section, String content, String points, String href) {
    }

    /** A criterion on both sides whose points changed. */
    public record Moved(String oldNumber, String newNumber, String section, String content, String oldPoints,
                        String newPoints, String change, String href) {
    }

    /**
     * A criterion with its section, its texts normalised once. Compared by identity: a rubric's criteria
     * are distinct (ids are unique), and record equality would compare whole sections, rules and all,
     * for every lookup of the matching below.
     */
    private static final class Item {
        private final Section section;
        private final Criterion criterion;
        private final String content;
        private final String sectionTitle;

        Item(Section section, Criterion criterion) {
            this.section = section;
            this.criterion = criterion;
            this.content = normal(criterion.content());
            this.sectionTitle = normal(section.title());
        }

        Section section() {
            return section;
        }

        Criterion criterion() {
            return criterion;
        }

        String content() {
            return content;
        }

        String sectionTitle() {
            return sectionTitle;
        }
    }

    public static RubricDiff between(Rubric older, Rubric newer) {
        List<String> sectionChanges = sections(older, newer);
        List<Item> olds = items(older);
        List<Item> news = items(newer);
        Map<Item, Item> matched = new HashMap<>(); // new → old
        Set<Item> taken = new HashSet<>(); // the olds matched so far (the map's values)
        // 1: same section title and content.
        for (Item n : news) {
            for (Item o : olds) {
                if (!taken.contains(o) && o.sectionTitle().equals(n.sectionTitle()) && o.content().equals(n.content())) {
                    matched.put(n, o);
                    taken.add(o);
                    break;
                }
            }
        }
        // 2: the same content anywhere, when it is unique on both sides.
        for (Item n : news) {
            if (matched.containsKey(n)) {
                continue;
            }
            List<Item> same = olds.stream().filter(o -> !taken.contains(o) && o.content().equals(n.content())).toList();
            long twins = news.stream().filter(x -> !matched.containsKey(x) && x.content().equals(n.content())).count();
            if (same.size() == 1 && twins == 1) {
                matched.put(n, same.get(0));
                taken.add(same.get(0));
            }
        }
        // 3: the most similar content within the same section title.
        for (Item n : news) {
            if (matched.containsKey(n)) {
                continue;
            }
            Item best = null;
            double bestScore = SIMILAR;
            for (Item o : olds) {
                if (taken.contains(o) || !o.sectionTitle().equals(n.sectionTitle())) {
                    continue;
                }
                double s = similarity(o.content(), n.content());
                if (s >= bestScore && (best == null || s > bestScore)) {
                    best = o;
                    bestScore = s;
                }
            }
            if (best != null) {
                matched.put(n, best);
                taken.add(best);
            }
        }
        String newRubric = Slug.rubricPage(newer.id());
        String oldRubric = Slug.rubricPage(older.id());
        List<Entry> added = new ArrayList<>();
        List<Moved> moved = new ArrayList<>();
        List<Entry> reworded = new ArrayList<>();
        for (Item n : news) {
            Item o = matched.get(n);
            if (o == null) {
                added.add(entry(n, newRubric));
                continue;
            }
            BigDecimal op = o.criterion().points();
            BigDecimal np = n.criterion().points();
            if (!sameNumber(op, np)) {
                moved.add(new Moved(o.criterion().number(), n.criterion().number(), sectionLabel(n.section()),
                        n.criterion().content(), points(op), points(np), change(op, np), anchor(newRubric, n)));
            }
            if (!o.content().equals(n.content()) || !normal(o.criterion().standard()).equals(normal(n.criterion().standard()))) {
                reworded.add(entry(n, newRubric));
            }
        }
        List<Entry> removed = olds.stream().filter(o -> !taken.contains(o)).map(o -> entry(o, oldRubric)).toList();
        return new RubricDiff(older.id(), older.title(), oldRubric, sectionChanges, added, removed, moved, reworded,
                newer.partial() || older.partial());
    }

    private static List<String> sections(Rubric older, Rubric newer) {
        List<String> out = new ArrayList<>();
        for (Section n : newer.sections()) {
            Section o = older.sections().stream().filter(s -> normal(s.title()).equals(normal(n.title()))).findFirst().orElse(null);
            if (o == null) {
                out.add("新增项目“" + sectionLabel(n) + "”" + (n.points() == null ? "" : "（" + points(n.points()) + " 分）") + "。");
            } else if (!sameNumber(o.points(), n.points())) {
                out.add("“" + sectionLabel(n) + "”由 " + points(o.points()) + " 分调整为 " + points(n.points()) + " 分"
                        + (o.number().equals(n.number()) || o.number().isEmpty() ? "" : "（原为第" + o.number() + "项）") + "。");
            } else if (!o.number().equals(n.number()) && !o.number().isEmpty() && !n.number().isEmpty()) {
                out.add("“" + n.title() + "”由第" + o.number() + "项改为第" + n.number() + "项，分值不变。");
            }
        }
        for (Section o : older.sections()) {
            if (newer.sections().stream().noneMatch(s -> normal(s.title()).equals(normal(o.title())))) {
                out.add("不再设项目“" + sectionLabel(o) + "”" + (o.points() == null ? "" : "（原 " + points(o.points()) + " 分）") + "。");
            }
        }
        if (!sameNumber(older.total(), newer.total())) {
            out.add("满分由 " + points(older.total()) + " 分调整为 " + points(newer.total()) + " 分。");
        }
        return out;
    }

    private static List<Item> items(Rubric r) {
        List<Item> out = new ArrayList<>();
        for (Section s : r.sections()) {
            for (Criterion c : s.criteria()) {
                out.add(new Item(s, c));
            }
        }
        return out;
    }

    private static Entry entry(Item i, String rubricPage) {
        return new Entry(i.criterion().number(), sectionLabel(i.section()), i.criterion().content(),
                points(i.criterion().points()), anchor(rubricPage, i));
    }

    private static String anchor(String rubricPage, Item i) {
        return rubricPage + "#" + Slug.criterionAnchor(i.criterion().id());
    }

    static String sectionLabel(Section s) {
        // A number the source does not print is shown as nothing, never as a placeholder.
        return s.number().isEmpty() || s.number().equals(s.title()) ? s.title() : s.number() + " " + s.title();
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String points(BigDecimal p) {
        return p == null ? "—" : Numbers.plain(p);
    }

    private static String change(BigDecimal o, BigDecimal n) {
        if (o == null || n == null) {
            return "";
        }
        BigDecimal d = n.subtract(o);
        return (d.signum() > 0 ? "+" : "−") + Numbers.plain(d.abs());
    }

    /** Text compared without spaces and trailing punctuation, which the OCR and the printers vary. */
    static String normal(String s) {
        String t = SPACES.matcher(Objects.requireNonNullElse(s, "")).replaceAll("");
        return TRAILING_PUNCTUATION.matcher(t).replaceAll("");
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[。，,；;.、：:]+$");

    /** 1 − edit distance / longer length. */
    static double similarity(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        if (longer == 0) {
            return 1;
        }
        return 1.0 - (double) LevenshteinDistance.getDefaultInstance().apply(a, b) / longer;
    }
}
