package org.kaoping.support;

/**
 * The shared resources test classes name in {@code @ResourceLock}, since classes run two at a time
 * (junit-platform.properties). A browser driver takes one command at a time: the parity classes share one engine
 * page, so they run one after another, beside classes that need no browser; the site's browser classes each take a
 * browser of their own from the run's pool ({@link Chromium}) and need no lock. Classes that change the JVM's global
 * state are {@code @Isolated} instead: System.out, a system property, or fastexcel's process-wide default font, which
 * is 宋体 while an assessor workbook is written (round/AssessorWorkbook) and would reach the .xlsx of a build beside it.
 */
public final class Locks {
    /** The parity classes' shared engine page (its own Chromium, parity.SharedBrowser). */
    public static final String PARITY_BROWSER = "kaoping.parity-browser";

    private Locks() {
    }
}
