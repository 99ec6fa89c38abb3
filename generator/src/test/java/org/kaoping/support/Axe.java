package org.kaoping.support;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.selenium.AxeBuilder;

import java.util.List;

/**
 * axe-core runs that report in full only what fails: a passing check keeps one example node instead of every
 * node it looked at (axe's resultTypes). Violations are reported exactly as before; what shrinks is the
 * result sent back through chromedriver, megabytes for the self-check form.
 */
public final class Axe {
    private Axe() {
    }

    /** Every rule with one of these tags (e.g. wcag2aa, best-practice). */
    public static AxeBuilder tags(List<String> tags) {
        return run("tag", tags);
    }

    /** Only these rules. */
    public static AxeBuilder rules(List<String> rules) {
        return run("rule", rules);
    }

    private static AxeBuilder run(String type, List<String> values) {
        AxeRunOnlyOptions only = new AxeRunOnlyOptions();
        only.setType(type);
        only.setValues(values);
        AxeRunOptions options = new AxeRunOptions();
        options.setRunOnly(only);
        options.setResultTypes(List.of("violations"));
        return new AxeBuilder().withOptions(options).setLegacyMode();
    }
}
