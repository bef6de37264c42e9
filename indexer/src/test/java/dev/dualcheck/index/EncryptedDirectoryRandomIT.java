package dev.dualcheck.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.store.RandomAccessInput;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Writes the same random files with the same random write calls to a plain in-memory directory and
 * to the encrypted one, then checks that random reads, seeks, clones, slices (of slices) and
 * positional reads return identical bytes and fail identically at the end of file.
 */
class EncryptedDirectoryRandomIT {
  private static final long SEED = Long.getLong("tests.seed.encdir", System.nanoTime());

  @TempDir Path folder;

  /** Each reader is a pair: the plain one is the oracle for the encrypted one. */
  private record Pair(IndexInput plain, IndexInput encrypted) {}

  @ParameterizedTest(name = "segment shift {0}")
  @ValueSource(ints = {4, 6, 10, EncryptedFormat.DEFAULT_SEGMENT_SHIFT})
  void readsMatchPlainDirectory(int shift) throws Exception {
    Random random = new Random(SEED ^ shift);
    String why = "seed " + SEED + " (-Dtests.seed.encdir), shift " + shift;
    int segment = 1 << shift;
    byte[] key = new byte[32];
    random.nextBytes(key);
    // a cache of two segments makes clones and slices decrypt again and again
    long cacheBytes = random.nextBoolean() ? 2L * segment : 1L << 20;
    try (Directory plain = new ByteBuffersDirectory();
        EncryptedDirectory encrypted =
            new EncryptedDirectory(new NIOFSDirectory(folder), key, shift, cacheBytes)) {
      List<Long> lengths = new ArrayList<>(List.of(0L, 1L, segment - 1L, (long) segment));
      for (int k = 2; k <= 4; k++) {
        lengths.add((long) k * segment);
        lengths.add((long) k * segment + 1);
        lengths.add((long) k * segment - 1);
      }
      for (int i = 0; i < 12; i++) {
        lengths.add((long) random.nextInt(Math.min(8 * segment, 300_000) + 1));
      }
      for (int f = 0; f < lengths.size(); f++) {
        String name = "f" + f;
        write(random, plain, encrypted, name, lengths.get(f), why);
        assertEquals(plain.fileLength(name), encrypted.fileLength(name), why);
        compareReads(random, plain, encrypted, name, why);
      }
      encrypted.verifyAll();
    }
  }

  private static void write(
      Random random, Directory plain, Directory encrypted, String name, long length, String why)
      throws IOException {
    try (IndexOutput p = plain.createOutput(name, IOContext.DEFAULT);
        IndexOutput e = encrypted.createOutput(name, IOContext.DEFAULT)) {
      while (p.getFilePointer() < length) {
        int left = (int) Math.min(Integer.MAX_VALUE, length - p.getFilePointer());
        switch (random.nextInt(6)) {
          case 0 -> {
            byte b = (byte) random.nextInt();
            p.writeByte(b);
            e.writeByte(b);
          }
          case 1 -> {
            if (left >= Long.BYTES) {
              long v = random.nextLong();
              p.writeLong(v);
              e.writeLong(v);
            }
          }
          case 2 -> {
            if (left >= Integer.BYTES) {
              int v = random.nextInt();
              p.writeInt(v);
              e.writeInt(v);
            }
          }
          default -> {
            byte[] chunk = new byte[1 + random.nextInt(Math.min(left, 3 * 1024 * 16))];
            random.nextBytes(chunk);
            int off = random.nextInt(chunk.length);
            int len = chunk.length - off;
            p.writeBytes(chunk, off, len);
            e.writeBytes(chunk, off, len);
          }
        }
        assertEquals(p.getFilePointer(), e.getFilePointer(), why);
        if (random.nextInt(50) == 0) {
          assertEquals(p.getChecksum(), e.getChecksum(), why);
        }
      }
      assertEquals(p.getChecksum(), e.getChecksum(), why);
    }
  }

  private static void compareReads(
      Random random, Directory plain, Directory encrypted, String name, String why)
      throws Exception {
    try (IndexInput p = plain.openInput(name, IOContext.DEFAULT);
        IndexInput e = encrypted.openInput(name, IOContext.DEFAULT)) {
      assertEquals(p.length(), e.length(), why);
      byte[] all = new byte[(int) p.length()];
      p.readBytes(all, 0, all.length);
      p.seek(0);
      List<Pair> readers = new ArrayList<>(List.of(new Pair(p, e)));
      for (int op = 0; op < 400; op++) {
        Pair r = readers.get(random.nextInt(readers.size()));
        step(random, r, readers, why + ", file " + name + ", op " + op);
      }
      concurrentClones(random, e, all, why);
    }
  }

  private static void step(Random random, Pair r, List<Pair> readers, String why)
      throws IOException {
    long length = r.plain.length();
    long left = length - r.plain.getFilePointer();
    switch (random.nextInt(10)) {
      case 0 -> {
        long to = length == 0 ? 0 : (long) (random.nextDouble() * (length + 1));
        r.plain.seek(to);
        r.encrypted.seek(to);
      }
      case 1 -> {
        if (left > 0) {
          assertEquals(r.plain.readByte(), r.encrypted.readByte(), why);
        } else {
          assertThrows(EOFException.class, r.encrypted::readByte, why);
        }
      }
      case 2 -> {
        int n = (int) Math.min(left, random.nextInt(3 * 16384));
        byte[] a = new byte[n];
        byte[] b = new byte[n];
        r.plain.readBytes(a, 0, n);
        r.encrypted.readBytes(b, 0, n);
        assertArrayEquals(a, b, why);
        if (n == left) {
          assertThrows(EOFException.class, () -> r.encrypted.readBytes(new byte[1], 0, 1), why);
        }
      }
      case 3 -> {
        if (left >= Long.BYTES) {
          assertEquals(r.plain.readLong(), r.encrypted.readLong(), why);
        } else if (left >= Integer.BYTES) {
          assertEquals(r.plain.readInt(), r.encrypted.readInt(), why);
        } else if (left >= Short.BYTES) {
          assertEquals(r.plain.readShort(), r.encrypted.readShort(), why);
        }
      }
      case 4 -> readers.add(new Pair(r.plain.clone(), r.encrypted.clone()));
      case 5 -> {
        long off = (long) (random.nextDouble() * (length + 1));
        long len = (long) (random.nextDouble() * (length - off + 1));
        readers.add(new Pair(r.plain.slice("s", off, len), r.encrypted.slice("s", off, len)));
      }
      case 6 -> {
        long off = (long) (random.nextDouble() * (length + 1));
        long len = (long) (random.nextDouble() * (length - off + 1));
        RandomAccessInput a = r.plain.randomAccessSlice(off, len);
        RandomAccessInput b = r.encrypted.randomAccessSlice(off, len);
        assertEquals(a.length(), b.length(), why);
        for (int i = 0; i < 20 && len >= Long.BYTES; i++) {
          long at = (long) (random.nextDouble() * (len - Long.BYTES + 1));
          assertEquals(a.readByte(at), b.readByte(at), why);
          assertEquals(a.readShort(at), b.readShort(at), why);
          assertEquals(a.readInt(at), b.readInt(at), why);
          assertEquals(a.readLong(at), b.readLong(at), why);
        }
      }
      case 8 -> {
        int n = (int) Math.min(left / Long.BYTES, random.nextInt(300));
        int kind = random.nextInt(3);
        if (kind == 0) {
          long[] a = new long[n + 1];
          long[] b = new long[n + 1];
          r.plain.readLongs(a, 1, n);
          r.encrypted.readLongs(b, 1, n);
          assertArrayEquals(a, b, why);
        } else if (kind == 1) {
          int[] a = new int[n + 1];
          int[] b = new int[n + 1];
          r.plain.readInts(a, 1, n);
          r.encrypted.readInts(b, 1, n);
          assertArrayEquals(a, b, why);
        } else {
          float[] a = new float[n + 1];
          float[] b = new float[n + 1];
          r.plain.readFloats(a, 1, n);
          r.encrypted.readFloats(b, 1, n);
          assertArrayEquals(a, b, why);
        }
      }
      case 7 -> {
        long past = length + 1 + random.nextInt(100);
        assertThrows(EOFException.class, () -> r.encrypted.seek(past), why);
      }
      default -> {
        long skip = Math.min(left, random.nextInt(40_000));
        r.plain.skipBytes(skip);
        r.encrypted.skipBytes(skip);
      }
    }
    assertEquals(r.plain.getFilePointer(), r.encrypted.getFilePointer(), why);
    assertEquals(r.plain.length(), r.encrypted.length(), why);
  }

  /** Clones read concurrently, each by one thread, as Lucene's searchers do. */
  private static void concurrentClones(Random random, IndexInput in, byte[] all, String why)
      throws Exception {
    if (all.length == 0) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        IndexInput clone = in.clone();
        long seed = random.nextLong();
        done.add(
            pool.submit(
                () -> {
                  Random r = new Random(seed);
                  for (int i = 0; i < 200; i++) {
                    int at = r.nextInt(all.length);
                    int n = Math.min(all.length - at, 1 + r.nextInt(5000));
                    byte[] got = new byte[n];
                    clone.seek(at);
                    clone.readBytes(got, 0, n);
                    for (int j = 0; j < n; j++) {
                      assertEquals(all[at + j], got[j], why);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }
}
