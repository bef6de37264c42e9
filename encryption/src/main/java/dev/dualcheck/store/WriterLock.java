package dev.dualcheck.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;

/**
 * One writer per store across processes: an exclusive lock on a lock file, waited for briefly. The
 * operating system releases it when the holder dies, even by kill -9.
 */
final class WriterLock implements AutoCloseable {
  static final String FILE_NAME = "store.lock";
  private static final Duration WAIT = Duration.ofSeconds(3);

  private final FileChannel channel;
  private final FileLock lock;

  private WriterLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static WriterLock acquire(Path dir) throws IOException {
    FileChannel channel = open(dir.resolve(FILE_NAME));
    long deadline = System.nanoTime() + WAIT.toNanos();
    try {
      while (true) {
        try {
          FileLock lock = channel.tryLock();
          if (lock != null) {
            return new WriterLock(channel, lock);
          }
        } catch (OverlappingFileLockException e) {
          // another Store in this JVM writes: wait as for another process
        }
        if (System.nanoTime() > deadline) {
          throw new StoreInUseException();
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      channel.close();
      throw new InterruptedIOException("interrupted while waiting for the store lock");
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static FileChannel open(Path file) throws IOException {
    Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      return FileChannel.open(
          file,
          options,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      return FileChannel.open(file, options); // not POSIX: the platform's default access control
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
