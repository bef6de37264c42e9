package dev.dualcheck.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.MergeInfo;
import org.apache.lucene.store.NIOFSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decrypted segments stay bounded, leave with their file, and one-pass reads do not evict. */
class EncryptedDirectoryCacheIT {
  private static final int SHIFT = 10;

  @TempDir Path folder;

  private EncryptedDirectory open(long cacheBytes) throws IOException {
    return new EncryptedDirectory(new NIOFSDirectory(folder), new byte[32], SHIFT, cacheBytes);
  }

  private static void write(EncryptedDirectory dir, String name, int segments) throws IOException {
    try (IndexOutput out = dir.createOutput(name, IOContext.DEFAULT)) {
      out.writeBytes(new byte[segments << SHIFT], segments << SHIFT);
    }
  }

  private static void readAll(IndexInput in) throws IOException {
    byte[] all = new byte[(int) in.length()];
    in.readBytes(all, 0, all.length);
  }

  @Test
  void boundedAndEmptiedOnClose() throws IOException {
    try (EncryptedDirectory dir = open(8L << SHIFT)) {
      write(dir, "f", 20);
      try (IndexInput in = dir.openInput("f", IOContext.DEFAULT)) {
        readAll(in);
        assertEquals(8L << SHIFT, dir.cachedBytes());
      }
      assertEquals(0, dir.cachedBytes());
    }
  }

  @Test
  void oneTimeReadsBypassTheCache() throws IOException {
    try (EncryptedDirectory dir = open(1L << 20)) {
      write(dir, "f", 20);
      IOContext merge = new IOContext(new MergeInfo(1, 1 << 20, false, 1));
      for (IOContext once : new IOContext[] {IOContext.READONCE, merge}) {
        try (IndexInput in = dir.openInput("f", once)) {
          readAll(in);
          assertEquals(0, dir.cachedBytes(), once.toString());
        }
      }
      try (IndexInput in = dir.openInput("f", IOContext.DEFAULT)) {
        readAll(in);
        assertEquals(20L << SHIFT, dir.cachedBytes());
        dir.verifyAll();
        assertEquals(20L << SHIFT, dir.cachedBytes(), "verifyAll neither fills nor empties it");
      }
    }
  }
}
