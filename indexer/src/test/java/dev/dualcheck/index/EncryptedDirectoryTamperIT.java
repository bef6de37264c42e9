package dev.dualcheck.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.NIOFSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damages each file of a real index in each way an attacker or a broken disk might, and checks that
 * verifying, reading the file, and (where the damage is visible at open) opening the index all fail
 * with a CorruptIndexException naming that file — never with wrong bytes.
 */
class EncryptedDirectoryTamperIT {
  /** 1 KiB segments, so that most files of a small index have several. */
  private static final int SHIFT = 10;

  private static final int SEGMENT = 1 << SHIFT;
  private static final int STRIDE = SEGMENT + EncryptedFormat.TAG_BYTES;

  /** Built once: each test damages copies, never these. */
  @TempDir static Path indexes;

  private static final byte[] KEY = key(1);
  private static Path pristine;
  private static Path foreign;

  @TempDir Path temp;

  private static byte[] key(int seed) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) seed);
    key[0] = (byte) 0x5a;
    return key;
  }

  @BeforeAll
  static void buildIndexes() throws IOException {
    pristine = indexes.resolve("pristine");
    foreign = indexes.resolve("foreign");
    build(pristine, KEY);
    build(foreign, key(2));
  }

  private static EncryptedDirectory open(Path folder, byte[] key) throws IOException {
    return new EncryptedDirectory(
        new NIOFSDirectory(folder), key, SHIFT, EncryptedDirectory.DEFAULT_CACHE_BYTES);
  }

  /** Two segments, one with a deletion, not compound: every common file kind appears. */
  private static void build(Path folder, byte[] key) throws IOException {
    try (EncryptedDirectory dir = open(folder, key)) {
      IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
      config.setUseCompoundFile(false);
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        for (int commit = 0; commit < 2; commit++) {
          for (int i = 0; i < 400; i++) {
            Document d = new Document();
            d.add(new StringField("id", commit + "-" + i, Field.Store.YES));
            d.add(
                new TextField(
                    "body", "token" + i + " shared text " + (i * 31 % 97), Field.Store.YES));
            d.add(new NumericDocValuesField("n", i));
            d.add(new IntPoint("p", i));
            writer.addDocument(d);
          }
          writer.commit();
        }
        writer.deleteDocuments(new Term("id", "0-7"));
        writer.commit();
      }
    }
  }

  private interface Damage {
    /** Returns the damaged ciphertext, or null if this damage does not apply to the file. */
    byte[] apply(String name, byte[] ciphertext) throws IOException;
  }

  private List<String> files() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> list = Files.list(pristine)) {
      list.map(p -> p.getFileName().toString())
          .filter(n -> !n.equals(IndexWriter.WRITE_LOCK_NAME))
          .sorted()
          .forEach(names::add);
    }
    return names;
  }

  private static byte[] flip(byte[] c, long at) {
    byte[] d = c.clone();
    d[(int) at] ^= 0x01;
    return d;
  }

  private static long segments(byte[] c) {
    return (c.length - EncryptedFormat.HEADER_BYTES + STRIDE - 1) / STRIDE;
  }

  /**
   * Applies one damage to each file in a copy of the index; checks the failures; returns the number
   * of files it applied to.
   */
  private int check(String what, Damage damage, boolean visibleAtOpen) throws Exception {
    int applied = 0;
    Set<String> kinds = new TreeSet<>();
    for (String name : files()) {
      byte[] original = Files.readAllBytes(pristine.resolve(name));
      byte[] damaged = damage.apply(name, original);
      if (damaged == null) {
        continue;
      }
      Path copy = temp.resolve(what + "-" + name);
      Files.createDirectories(copy);
      for (String other : files()) {
        if (!other.equals(name)) {
          // links are cheap, and the damaged file is written separately
          Files.createLink(copy.resolve(other), pristine.resolve(other));
        }
      }
      Files.write(copy.resolve(name), damaged);
      try (EncryptedDirectory dir = open(copy, KEY)) {
        String why = what + " of " + name;
        assertNamesFile(name, why, dir::verifyAll);
        assertNamesFile(
            name,
            why,
            () -> {
              try (IndexInput in = dir.openInput(name, IOContext.DEFAULT)) {
                byte[] all = new byte[(int) in.length()];
                in.readBytes(all, 0, all.length);
              }
            });
        if (visibleAtOpen) {
          assertNamesFile(name, why, () -> DirectoryReader.open(dir).close());
        }
      }
      applied++;
      kinds.add(name.substring(name.lastIndexOf('.') + 1));
    }
    System.out.printf(Locale.ROOT, "%s: %d files (%s)%n", what, applied, kinds);
    return applied;
  }

  private static void assertNamesFile(String name, String why, Executable read) {
    CorruptIndexException e = assertThrows(CorruptIndexException.class, read, why);
    assertTrue(e.getMessage().contains(name), why + ": " + e.getMessage());
  }

  @Test
  void pristineIndexVerifies() throws IOException {
    try (EncryptedDirectory dir = open(pristine, KEY);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      dir.verifyAll();
      assertEquals(799, reader.numDocs());
    }
    assertTrue(files().size() >= 20, "file kinds: " + files());
  }

  @Test
  void flippedHeaderByte() throws Exception {
    int n = 0;
    for (int at : new int[] {0, 1, 2, 20, EncryptedFormat.HEADER_BYTES - 1}) {
      n += check("header byte " + at, (name, c) -> flip(c, at), true);
    }
    assertTrue(n >= 100);
  }

  @Test
  void flippedByteInMiddleSegment() throws Exception {
    int n =
        check(
            "middle",
            (name, c) -> {
              long segments = segments(c);
              if (segments < 3) {
                return null;
              }
              long s = segments / 2;
              return flip(c, EncryptedFormat.ciphertextOffset(s, SHIFT) + SEGMENT / 2);
            },
            false);
    assertTrue(n >= 3, "files with three segments or more: " + n);
  }

  @Test
  void flippedTagOfFirstSegment() throws Exception {
    int n =
        check(
            "tag",
            (name, c) ->
                flip(
                    c,
                    segments(c) == 1
                        ? c.length - 1
                        : EncryptedFormat.ciphertextOffset(1, SHIFT) - 1),
            false);
    assertEquals(files().size(), n);
  }

  @Test
  void flippedByteInLastSegment() throws Exception {
    int n =
        check(
            "last segment",
            (name, c) -> flip(c, EncryptedFormat.ciphertextOffset(segments(c) - 1, SHIFT)),
            true);
    assertEquals(files().size(), n);
  }

  @Test
  void truncated() throws Exception {
    int n = check("truncated by one byte", (name, c) -> Arrays.copyOf(c, c.length - 1), true);
    n +=
        check(
            "last segment cut off",
            (name, c) ->
                segments(c) < 2
                    ? null
                    : Arrays.copyOf(
                        c, (int) EncryptedFormat.ciphertextOffset(segments(c) - 1, SHIFT)),
            true);
    n +=
        check(
            "cut to the header", (name, c) -> Arrays.copyOf(c, EncryptedFormat.HEADER_BYTES), true);
    assertTrue(n > 2 * files().size());
  }

  @Test
  void extended() throws Exception {
    int n = check("one byte appended", (name, c) -> Arrays.copyOf(c, c.length + 1), true);
    // a whole authentic segment appended again, as if the file had grown
    n +=
        check(
            "segment appended",
            (name, c) -> {
              if (segments(c) < 2) {
                return null;
              }
              byte[] d = Arrays.copyOf(c, c.length + STRIDE);
              System.arraycopy(c, EncryptedFormat.HEADER_BYTES, d, c.length, STRIDE);
              return d;
            },
            true);
    assertTrue(n > files().size());
  }

  @Test
  void swappedSegments() throws Exception {
    int n =
        check(
            "segments 0 and 1 swapped",
            (name, c) -> {
              if (segments(c) < 3) {
                return null;
              }
              byte[] d = c.clone();
              int a = (int) EncryptedFormat.ciphertextOffset(0, SHIFT);
              int b = (int) EncryptedFormat.ciphertextOffset(1, SHIFT);
              System.arraycopy(c, a, d, b, STRIDE);
              System.arraycopy(c, b, d, a, STRIDE);
              return d;
            },
            false);
    assertTrue(n >= 3);
  }

  @Test
  void fileFromAnotherIndexWithAnotherKey() throws Exception {
    int n =
        check(
            "from another index",
            (name, c) -> {
              Path other = foreign.resolve(name);
              return Files.exists(other) ? Files.readAllBytes(other) : null;
            },
            true);
    assertTrue(n >= 20, "files present in both indexes: " + n);
  }
}
