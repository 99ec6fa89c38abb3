package org.kaoping.site;

import org.kaoping.model.AttributeDefinition;
import org.kaoping.model.CategorySheet;
import org.kaoping.model.Criterion;
import org.kaoping.model.Part;
import org.kaoping.model.Rubric;
import org.kaoping.model.Section;

import java.util.stream.Collectors;

/** How a rubric's sections and criteria are worded on pages: the rubric page and the self-check form share it. */
final class RubricWording {
    private RubricWording() {
    }

    /** "8 分", "加分上限 2 分", "扣分不封顶". */
    static String sectionPoints(Section s) {
        return switch (s.kind()) {
            case SCORE -> Numbers.plain(s.points()) + " 分";
            case BONUS -> s.cap() == null ? "加分不封顶" : "加分上限 " + Numbers.plain(s.cap()) + " 分";
            case PENALTY -> s.cap() == null ? "扣分不封顶" : "扣分上限 " + Numbers.plain(s.cap()) + " 分";
        };
    }

    /** The title of the category sheet a section belongs to, or "". */
    static String sheetTitle(Rubric r, Section s) {
        return s.sheet() == null ? "" : r.sheets().stream().filter(c -> c.id().equals(s.sheet()))
                .map(CategorySheet::title).findFirst().orElse(s.sheet());
    }

    /** "2", "最多加 2", "最多扣 5", or "—" when a bonus or penalty has no limit. */
    static String criterionPoints(Section s, Criterion c) {
        return c.points() == null ? "—" : switch (s.kind()) {
            case SCORE -> Numbers.plain(c.points());
            case BONUS -> "最多加 " + Numbers.plain(c.points());
            case PENALTY -> "最多扣 " + Numbers.plain(c.points());
        };
    }

    /** "仅适用于所别为“大所”的所", or "" when the criterion applies to every station. */
    static String applicability(Rubric r, Criterion c) {
        if (c.appliesTo() == null) {
            return "";
        }
        AttributeDefinition d = r.attributes().get(c.appliesTo().attribute());
        String title = d == null ? c.appliesTo().attribute() : d.title();
        String values = c.appliesTo().values().stream()
                .map(v -> d == null ? v : d.values().getOrDefault(v, v)).collect(Collectors.joining("、"));
        return "仅适用于" + title + "为“" + values + "”的所";
    }

    /** "其中：学习相关材料 5 分；…", or "" without parts. */
    static String parts(Criterion c) {
        return c.parts().isEmpty() ? "" : "其中：" + c.parts().stream()
                .map((Part p) -> p.title() + " " + Numbers.plain(p.budget()) + " 分").collect(Collectors.joining("；"));
    }
}
