package org.kaoping.site;

import java.util.List;

/**
 * What changed between a station's latest sheet and the one before it, criterion by criterion. Criteria are
 * compared by the points they lost, so a criterion whose points changed between rubrics still compares fairly.
 *
 * @param basis     how the criteria were paired, in words
 * @param comparable false when the rubrics differ and the newer declares no correspondence: no rows then
 * @param onlyNew   criteria of the latest sheet with no counterpart in the earlier one
 * @param onlyOld   criteria of the earlier sheet with no counterpart in the latest one
 */
public record SheetChanges(Link from, Link to, String basis, boolean comparable, String summary,
                           List<Change> changes, List<Unpaired> onlyNew, List<Unpaired> onlyOld) {

    public SheetChanges {
        changes = List.copyOf(changes);
        onlyNew = List.copyOf(onlyNew);
        onlyOld = List.copyOf(onlyOld);
    }

    /** The criteria that gained or lost, in rubric order. */
    public List<Change> changed() {
        return changes.stream().filter(c -> c.direction() != Direction.UNCHANGED).toList();
    }

    public List<Change> unchanged() {
        return changes.stream().filter(c -> c.direction() == Direction.UNCHANGED).toList();
    }

    public boolean hasChanged() {
        return changes.stream().anyMatch(c -> c.direction() != Direction.UNCHANGED);
    }

    public int unchangedCount() {
        return unchanged().size();
    }

    public boolean hasOnlyNew() {
        return !onlyNew.isEmpty();
    }

    public boolean hasOnlyOld() {
        return !onlyOld.isEmpty();
    }

    public enum Direction { GAINED, LOST, UNCHANGED }

    /**
     * One criterion on both sheets.
     *
     * @param before "得分 / 分值" on the earlier sheet; {@code after} likewise on the latest
     * @param verdict "少失 0.5 分", "多失 1 分" or "不变"
     */
    public record Change(String number, String oldNumber, String content, String before, String after,
                         String verdict, Direction direction) {
        public boolean renumbered() {
            return !number.equals(oldNumber);
        }

        public String kind() {
            return switch (direction) {
                case GAINED -> "gained";
                case LOST -> "lost";
                case UNCHANGED -> "unchanged";
            };
        }
    }

    /** A criterion on one side only, with its score there ("得分 / 分值"). */
    public record Unpaired(String number, String content, String score) {
    }
}
