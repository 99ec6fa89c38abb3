package org.kaoping.cli;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compiler directives name classes that exist, and this JVM (HotSpot, as CI runs) takes them. */
class JitDirectivesTest {
    @Test
    void everyDirectiveNamesAClassOfKaoping() {
        for (String m : JitDirectives.ONCE_PER_PAGE) {
            assertTrue(m.endsWith(".*"), m);
            String name = m.substring(0, m.length() - 2).replace('/', '.');
            assertDoesNotThrow(() -> Class.forName(name), m + " names no class: renamed without updating JitDirectives?");
        }
    }

    @Test
    void theJvmAddsThemAndListsThem() throws Exception {
        String answer = JitDirectives.install();
        assertNotNull(answer, "the DiagnosticCommand bean refused the directives");
        try {
            assertEquals("1 compiler directives added", answer.trim());
            String listed = command("compilerDirectivesPrint");
            for (String m : JitDirectives.ONCE_PER_PAGE) {
                assertTrue(listed.contains(m), m + " not among the JVM's directives:\n" + listed);
            }
        } finally {
            command("compilerDirectivesRemove"); // the rest of the suite compiles as it would have
        }
    }

    private static String command(String name) throws Exception {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), name,
                new Object[]{new String[0]}, new String[]{String[].class.getName()});
    }
}
