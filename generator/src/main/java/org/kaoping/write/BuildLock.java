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
 * lock when a process dies, so a killed build never leaves the folder locked.
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
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
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
