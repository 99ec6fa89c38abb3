package org.kaoping.validate;

import org.kaoping.load.Diagnostic;
import org.kaoping.load.Loaded;
import org.kaoping.load.StationNames;
import org.kaoping.model.Period;
import org.kaoping.model.Rubric;
import org.kaoping.model.Sheet;
import org.kaoping.model.Station;
import org.kaoping.score.Breakdown;

import java.util.List;
import java.util.Map;

/**
 * How {@link ContentConsistency} checks and scores one sheet: {@link SheetCheck#scored} itself, or (in `serve`)
 * a memory of its earlier answers for sheets that did not change.
 */
@FunctionalInterface
public interface SheetChecks {
    SheetChecks DIRECT = SheetCheck::scored;

    /** As {@link SheetCheck#scored}: the breakdown (null when the sheet cannot be scored), findings into {@code out}. */
    Breakdown scored(Loaded<Sheet> sheet, String stationKey, Period period, Rubric rubric, StationNames names,
                     Map<String, Station> byId, List<Diagnostic> out);
}
