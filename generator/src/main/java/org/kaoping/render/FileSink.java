package org.kaoping.render;

import java.io.IOException;
import java.io.OutputStream;

/** Where the period downloads go: the build's staging folder (cli), or memory ({@link PeriodDownloads#files}). */
public interface FileSink {
    /** A small file, made whole first. */
    void write(String path, byte[] data);

    /** A large file, written to disk as it is made. */
    void stream(String path, Body body);

    /** A file's content, written as it is made. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }
}
