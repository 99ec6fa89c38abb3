package org.kaoping.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line that registers only the invoked subcommand knows every subcommand the full one lists. */
class MainCommandsTest {
    @Test
    void eachSubcommandAloneIsTheOneTheFullCommandLineLists() {
        Map<String, CommandLine> all = Main.commandLine().getSubcommands();
        assertTrue(all.size() >= 9, "subcommands: " + all.keySet());
        for (var e : all.entrySet()) {
            Map<String, CommandLine> lean = Main.commandLine(new String[]{e.getKey(), "--help"}).getSubcommands();
            assertEquals(java.util.Set.of(e.getKey()), lean.keySet(), "registered for " + e.getKey());
            assertEquals(e.getValue().getCommand().getClass(), lean.get(e.getKey()).getCommand().getClass(), e.getKey());
        }
        assertEquals(all.keySet(), Main.commandLine(new String[]{"biuld"}).getSubcommands().keySet(),
                "a misspelt command gets them all, for suggestions");
    }
}
