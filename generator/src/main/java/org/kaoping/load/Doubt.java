package org.kaoping.load;

/**
 * Thrown by a quick binder ({@link TokenBinding}'s readers, {@link TreeBinding}) at the first doubt about a file, and
 * caught by the binder itself, which then answers null: the long way reads the file and words whatever is wrong. Not
 * an error, so it has no stack trace, and one instance serves.
 */
final class Doubt extends RuntimeException {
    static final Doubt DOUBT = new Doubt();

    private Doubt() {
        super(null, null, false, false);
    }

    /** Throws {@link #DOUBT} unless {@code certain}. */
    static void expect(boolean certain) {
        if (!certain) {
            throw DOUBT;
        }
    }
}
