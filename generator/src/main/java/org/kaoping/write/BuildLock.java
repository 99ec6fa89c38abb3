package org.kaoping.write;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive lock of one output folder: {@code <out>.lock} beside it, held with
 * {@link FileChannel#tryLock()} from the first look at the folder until the swap is done. A second
 * build to the same folder (another process, or another thread of this one) is refused at once
 * instead of deleting or writing the first one's staging folder. The operating system releases the
 * lock when a process dies, so a killed build never leaves the folder locked. The file holds nothing else but the
 * last build's {@link IdentityMemo}, so that it stays the one trace a build leaves outside its output.
 */
final class BuildLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private BuildLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static BuildLock take(Path lockFile, Path out) {
        FileChannel channel = null;
        try {
            Files.createDirectories(lockFile.getParent());
            if (Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
                throw OutputException.refused(lockFile + " is in the way of the build's lock file and is not a "
                        + "regular file; move it away");
            }
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw OutputException.refused("another build is writing to " + out + " (it holds " + lockFile
                        + "); wait for it to finish, then build again");
            }
            return new BuildLock(channel, lock);
        } catch (IOException e) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // Nothing was locked.
            }
            throw new OutputException("cannot take the lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    /** What the lock file holds ({@link IdentityMemo}), at most {@code limit} bytes (null: more than that). */
    byte[] content(long limit) throws IOException {
        long size = channel.size();
        return size > limit ? null : head((int) size);
    }

    /** The first {@code n} bytes the lock file holds, or fewer if it holds fewer. */
    byte[] head(int n) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (channel.read(b, b.position()) < 0) {
                break;
            }
        }
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    /** Replaces what the lock file holds: only while the lock is held, so no other build reads it half written. */
    void replaceContent(byte[] data) throws IOException {
        channel.truncate(0);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data);
        while (b.hasRemaining()) {
            channel.write(b, b.position());
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel releases it too.
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // The lock dies with the process at the latest.
        }
    }
}
