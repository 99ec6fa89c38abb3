package org.kaoping.cli;

import java.lang.reflect.Field;

/**
 * Keeps each reflectively called method on the JVM's native path for its first thousand calls instead of fifteen
 * (JDK 17's inflation threshold, {@code -Dsun.reflect.inflationThreshold}).
 * <p>
 * Why: from a method's sixteenth {@code Method.invoke}, JDK 17 writes, loads and later compiles a class for it (a
 * {@code GeneratedMethodAccessor}). Mustache.java reads every template value through {@code Method.invoke}, so the
 * sample site's build made 216 such classes, for methods called tens or hundreds of times: about a tenth of its CPU,
 * most of it on the main thread. A province's accessors pass a thousand calls within its first pages and are
 * generated as before. The JDK reads the system property before {@code main} runs (the launcher already calls through
 * reflection), so the jar's manifest opens {@code jdk.internal.reflect} to Kaoping ({@code Add-Opens}, for {@code
 * java -jar} only) and {@link Main#main} sets the threshold itself. A value given on the command line stands; a JVM
 * without that field (18 and later no longer inflate) or one that refuses runs as before. It changes how a reflective
 * call is made, never what it returns.
 */
final class ReflectionInflation {
    static final int CALLS = 1000;

    private ReflectionInflation() {
    }

    /** Raises the threshold to {@link #CALLS}; true if this JVM took it. */
    static boolean defer() {
        if (System.getProperty("sun.reflect.inflationThreshold") != null) {
            return false; // the user's choice
        }
        try {
            Field threshold = Class.forName("jdk.internal.reflect.ReflectionFactory").getDeclaredField("inflationThreshold");
            threshold.setAccessible(true);
            if (threshold.getInt(null) < CALLS) {
                threshold.setInt(null, CALLS);
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false; // not opened (tests, another launcher) or not this JDK's layout
        }
    }
}
