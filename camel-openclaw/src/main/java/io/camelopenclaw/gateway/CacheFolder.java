package io.camelopenclaw.gateway;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of the install cache that is filled once: complete when it holds a marker file, filled under a lock that
 * excludes other threads and other processes, and emptied again before a retry after a failed or interrupted fill.
 */
final class CacheFolder {

    static final String MARKER = ".camel-openclaw-complete";

    private static final Logger LOG = LoggerFactory.getLogger(CacheFolder.class);
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    /** Fills an empty folder; throws to leave it incomplete. */
    interface Filler {
        void fill(Path folder) throws IOException;
    }

    private final Path folder;

    CacheFolder(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    Path path() {
        return folder;
    }

    boolean isComplete() {
        return Files.isRegularFile(folder.resolve(MARKER));
    }

    /** Fills the folder with {@code filler} unless it is complete already; waits while another process fills it. */
    void ensure(String description, Filler filler) {
        if (isComplete()) {
            return;
        }
        ReentrantLock threadLock = LOCKS.computeIfAbsent(folder, key -> new ReentrantLock());
        threadLock.lock();
        try {
            Files.createDirectories(folder.getParent());
            Path lockFile = folder.resolveSibling(folder.getFileName() + ".lock");
            try (FileChannel channel =
                    FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                lock(channel, description); // released when the channel closes
                if (isComplete()) {
                    return;
                }
                FileTrees.deleteRecursively(folder);
                Files.createDirectories(folder);
                LOG.info("Installing {} into {}", description, folder);
                long started = System.nanoTime();
                filler.fill(folder);
                Path marker = folder.resolve(MARKER + ".tmp");
                Files.writeString(marker, description + " installed " + Instant.now() + System.lineSeparator());
                Files.move(marker, folder.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Installed {} in {} s", description, (System.nanoTime() - started) / 1_000_000_000L);
            }
        } catch (IOException e) {
            throw new OpenClawInstallException("Cannot install " + description + " into " + folder + ": " + e, "", e);
        } finally {
            threadLock.unlock();
        }
    }

    private static FileLock lock(FileChannel channel, String description) throws IOException {
        FileLock lock = channel.tryLock();
        if (lock == null) {
            LOG.info("Waiting for another process installing {}", description);
            lock = channel.lock();
        }
        return lock;
    }
}
