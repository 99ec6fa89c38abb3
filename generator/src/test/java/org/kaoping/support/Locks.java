package org.kaoping.support;

/**
 * The shared resources test classes name in {@code @ResourceLock}, since classes run two at a time
 * (junit-platform.properties). A browser driver takes one command at a time, so the classes that share one run one
 * after another, beside classes that need no browser. Classes that change the JVM's global state are
 * {@code @Isolated} instead: System.out, a system property, or fastexcel's process-wide default font, which is 宋体
 * while an assessor workbook is written (round/AssessorWorkbook) and would reach the .xlsx of a build beside it.
 */
public final class Locks {
    /** The run's shared Chromium ({@link Chromium#shared}, {@link Chromium#beside}) and {@link FormSite}'s sites. */
    public static final String FORM_BROWSER = "kaoping.form-browser";
    /** The parity classes' shared engine page (its own Chromium, parity.SharedBrowser). */
    public static final String PARITY_BROWSER = "kaoping.parity-browser";

    private Locks() {
    }
}
