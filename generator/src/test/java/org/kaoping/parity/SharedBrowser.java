package org.kaoping.parity;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The parity harness shared by the parity classes of a test run: {@code @RegisterExtension static final
 * SharedBrowser page = new SharedBrowser();} gives the class {@link #browser} before its {@code @BeforeAll}.
 * One Chromium start instead of one per class (a second or two each); JUnit quits it when the run ends.
 * Sharing is safe because every rubric the classes load is kept under its own id: a shipped rubric's id names one
 * file (Shipped refuses duplicates), a restyled or synthetic one carries its style in its id.
 */
final class SharedBrowser implements BeforeAllCallback {
    private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(SharedBrowser.class);

    Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        browser = context.getRoot().getStore(SHARED).getOrComputeIfAbsent(Running.class, k -> new Running(Browser.start()),
                Running.class).browser();
    }

    /** Closed by JUnit when the run ends. */
    private record Running(Browser browser) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            browser.close();
        }
    }
}
