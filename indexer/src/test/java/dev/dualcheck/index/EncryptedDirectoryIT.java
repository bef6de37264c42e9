package dev.dualcheck.index;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.tests.store.BaseDirectoryTestCase;

/**
 * Lucene's own contract tests for a Directory, run against the encrypted wrapper with random
 * segment sizes (tiny ones put segment boundaries everywhere) over either kind of file directory.
 * None is overridden: the two that need a plain FSDirectory (fsync of a file deleted behind its
 * back, and pending deletions) skip themselves through their own assumption.
 */
public class EncryptedDirectoryIT extends BaseDirectoryTestCase {

  @Override
  protected Directory getDirectory(Path path) throws IOException {
    byte[] key = new byte[32];
    random().nextBytes(key);
    int[] shifts = {4, 6, 10, EncryptedFormat.DEFAULT_SEGMENT_SHIFT};
    int shift = shifts[random().nextInt(shifts.length)];
    long cacheBytes =
        random().nextBoolean() ? 1 << (shift + 1) : EncryptedDirectory.DEFAULT_CACHE_BYTES;
    Directory ciphertext =
        random().nextBoolean() ? new NIOFSDirectory(path) : new MMapDirectory(path);
    return new EncryptedDirectory(ciphertext, key, shift, cacheBytes);
  }
}
