package org.kaoping.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A build command line read without picocli means what picocli reads in it, or is left to picocli. */
class PlainBuildLineTest {
    /** The build's options as picocli knows them, but for help and version, are the ones read plainly, with their defaults. */
    @Test
    void readsTheOptionsPicocliKnowsWithTheirDefaults() {
        CommandLine cli = new CommandLine(new BuildCommand());
        Set<String> names = new TreeSet<>();
        for (OptionSpec o : cli.getCommandSpec().options()) {
            if (!o.usageHelp() && !o.versionHelp()) {
                names.addAll(List.of(o.names()));
            }
        }
        assertEquals(new TreeSet<>(PlainBuildLine.OPTIONS), names);
        PlainBuildLine.Reading none = PlainBuildLine.read("build");
        assertNotNull(none);
        assertEquals(cli.getCommandSpec().findOption("--content").defaultValue(), none.content().toString());
        assertEquals(cli.getCommandSpec().findOption("--rubrics").defaultValue(), none.rubrics().toString());
        assertEquals(cli.getCommandSpec().findOption("--theme").defaultValue(), none.theme().toString());
        assertEquals(cli.getCommandSpec().findOption("--out").defaultValue(), none.out().toString());
    }

    @Test
    void readsTheUsualCommandLines() {
        assertEquals(new PlainBuildLine.Reading(Path.of("content"), Path.of("rubrics"), Path.of("site-theme"),
                Path.of("/tmp/站点"), true, true), PlainBuildLine.read("build", "--internal", "--out", "/tmp/站点"));
        assertEquals(new PlainBuildLine.Reading(Path.of("c"), Path.of("r"), Path.of("t"), Path.of("o"), false, true),
                PlainBuildLine.read("build", "--content=c", "--rubrics", "r", "--theme=t", "--out", "o"));
        assertEquals(new PlainBuildLine.Reading(Path.of("content"), Path.of("rubrics"), Path.of("site-theme"),
                Path.of("output"), true, false), PlainBuildLine.read("build", "--internal"));
    }

    @Test
    void leavesEverythingElseToPicocli() {
        for (String[] args : List.of(new String[]{}, new String[]{"check"}, new String[]{"build", "--help"},
                new String[]{"build", "-h"}, new String[]{"build", "--version"}, new String[]{"build", "@args"},
                new String[]{"build", "--out"}, new String[]{"build", "--out", "a", "--out", "b"},
                new String[]{"build", "--out", "-x"}, new String[]{"build", "--out="}, new String[]{"build", "--out", "--internal"},
                new String[]{"build", "--internal", "--internal"}, new String[]{"build", "--internal=true"},
                new String[]{"build", "--bogus"}, new String[]{"build", "x"}, new String[]{"build", "--"},
                new String[]{"build", "--out", "a\u0000b"}, new String[]{"build", "--out", "\"a\""},
                new String[]{"build", "build"})) {
            assertNull(PlainBuildLine.read(args), String.join(" ", args));
        }
    }

    /**
     * Seeded command lines of build options, values and oddities: whatever is read plainly, picocli reads too, to the
     * same folders, the same --internal and the same answer to whether --out was given.
     */
    @Test
    void everyPlainReadingIsPicocliReading() {
        String[] tokens = {"--content", "--rubrics", "--theme", "--out", "--internal", "--internal=true", "--out=",
                "--out=o", "--content=c=d", "--theme=t", "--help", "-h", "-V", "--outx", "--", "-", "@x", "x", "y z",
                "站点/输出", "a=b", "", "\"q\"", "./o", "-o", "--OUT", "build", "check"};
        Random random = new Random(12);
        int plain = 0;
        for (int n = 0; n < 4000; n++) {
            List<String> args = new ArrayList<>(List.of("build"));
            int length = random.nextInt(7);
            for (int i = 0; i < length; i++) {
                args.add(tokens[random.nextInt(tokens.length)]);
            }
            String[] line = args.toArray(String[]::new);
            PlainBuildLine.Reading reading = PlainBuildLine.read(line);
            if (reading == null) {
                continue;
            }
            plain++;
            CommandLine cli = Main.commandLine(line);
            CommandLine.ParseResult parsed;
            try {
                parsed = cli.parseArgs(line);
            } catch (CommandLine.ParameterException e) {
                fail("read plainly, refused by picocli: " + args + ": " + e.getMessage());
                return;
            }
            CommandLine.ParseResult build = parsed.subcommand();
            BuildCommand command = build.commandSpec().commandLine().getCommand();
            String what = args.toString();
            assertEquals(command.folders.content, reading.content(), what);
            assertEquals(command.folders.rubrics, reading.rubrics(), what);
            assertEquals(command.folders.theme, reading.theme(), what);
            assertEquals(command.folders.out, reading.out(), what);
            assertEquals(command.internal, reading.internal(), what);
            assertEquals(build.hasMatchedOption("--out"), reading.outGiven(), what);
        }
        assertTrue(plain > 500, "command lines read plainly: " + plain);
    }
}
