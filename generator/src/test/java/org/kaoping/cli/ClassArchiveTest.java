package org.kaoping.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which archive a jar's process hands its command to, and when it leaves the user's choice alone (the jar: ClassArchiveJarIT). */
class ClassArchiveTest {
    @TempDir
    Path tmp;

    @Test
    void theArchiveBesideTheJarIsUsedUnlessItIsOlder() throws IOException {
        Path jar = Files.writeString(tmp.resolve("kaoping.jar"), "jar");
        assertNull(ClassArchive.beside(jar.toString()), "no archive");
        Path archive = Files.writeString(tmp.resolve(ClassArchive.FILE), "archive");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_000L));
        Files.setLastModifiedTime(archive, FileTime.fromMillis(1_700_000_001_000L));
        assertEquals(archive, ClassArchive.beside(jar.toString()));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_002_000L)); // the jar packaged again, not the archive
        assertNull(ClassArchive.beside(jar.toString()), "an archive older than its jar names another jar");
    }

    @Test
    void onlyASingleJarHasOne() throws IOException {
        Path jar = Files.writeString(tmp.resolve("kaoping.jar"), "jar");
        Files.writeString(tmp.resolve(ClassArchive.FILE), "archive");
        assertEquals(jar, ClassArchive.jar(jar.toString()));
        assertNull(ClassArchive.jar(jar + java.io.File.pathSeparator + tmp.resolve("other.jar")), "a class path of two");
        assertNull(ClassArchive.jar(tmp.toString()), "classes in a folder (tests)");
        assertNull(ClassArchive.jar(tmp.resolve("missing.jar").toString()));
        assertNull(ClassArchive.jar(""));
        assertNull(ClassArchive.beside(tmp.toString()));
    }

    @Test
    void aUsersOwnClassDataSharingIsKept() {
        for (String flag : List.of("-Xshare:off", "-Xshare:on", "-XX:SharedArchiveFile=mine.jsa",
                "-XX:ArchiveClassesAtExit=new.jsa", "-XX:SharedClassListFile=list", "-XX:DumpLoadedClassList=list",
                "-XX:+AutoCreateSharedArchive")) {
            assertTrue(ClassArchive.chosen(List.of("-Dx=1", flag)), flag);
        }
        assertFalse(ClassArchive.chosen(List.of("-Xlog:class+load", "-Xmx1g", "-Dkaoping.jit=quick")));
    }

    @Test
    void itsFlagsNameItAndSilenceHotSpotsWarningWhenItCannotBeUsed() {
        Path archive = tmp.resolve(ClassArchive.FILE);
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive, "-XX:+VerifySharedSpaces", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
                ClassArchive.flags(archive));
    }
}
