package org.kaoping.render;

import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Loads the office-file writers (Apache POI's OOXML type system, fastexcel, commons-compress) on a
 * thread of their own while a build loads and checks its input. POI reads its whole schema type system
 * the first time a .docx is made — about a third of the sample site's build when it sat on the rendering
 * path; started at once, it costs the second core instead. Nothing it makes is kept: the build's own
 * files are written afterwards exactly as before.
 */
public final class OfficeWarmUp {
    private static final java.util.concurrent.atomic.AtomicBoolean STARTED = new java.util.concurrent.atomic.AtomicBoolean();

    private OfficeWarmUp() {
    }

    /** Starts the warm-up once per process (a daemon thread: it never holds the process open). */
    public static void start() {
        if (STARTED.getAndSet(true)) {
            return;
        }
        Thread t = new Thread(OfficeWarmUp::run, "kaoping-office-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
    }

    static void run() {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setTitle("");
            doc.createParagraph().createRun().setText("");
            doc.getDocument().getBody().addNewSectPr().addNewPgSz();
            StableZip.normalize(written(doc));
            TableXlsx.bytes("", java.util.List.of());
        } catch (IOException | RuntimeException e) {
            // Only a warm-up: the build writes the real files itself and reports any failure there.
        }
    }

    private static byte[] written(XWPFDocument doc) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        doc.write(out);
        return out.toByteArray();
    }
}
