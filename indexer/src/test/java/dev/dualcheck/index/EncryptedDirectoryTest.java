package dev.dualcheck.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.util.Arrays;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;

/** In memory only: what the delegate holds, and what the wrapper refuses. */
class EncryptedDirectoryTest {
  private static final byte[] KEY = new byte[32];

  @Test
  void keyMustBe32Bytes() {
    ByteBuffersDirectory plain = new ByteBuffersDirectory();
    assertThrows(IllegalArgumentException.class, () -> new EncryptedDirectory(plain, new byte[16]));
    assertThrows(IllegalArgumentException.class, () -> new EncryptedDirectory(plain, null));
  }

  @Test
  void delegateHoldsHeaderCiphertextAndTagsOnly() throws IOException {
    byte[] text = "the same sentence again. ".repeat(2000).getBytes(StandardCharsets.US_ASCII);
    ByteBuffersDirectory plain = new ByteBuffersDirectory();
    try (EncryptedDirectory dir = new EncryptedDirectory(plain, KEY)) {
      try (IndexOutput out = dir.createOutput("a", IOContext.DEFAULT)) {
        out.writeBytes(text, text.length);
        assertEquals(text.length, out.getFilePointer());
      }
      long segments = EncryptedFormat.segmentCount(text.length, 14);
      assertEquals(4, segments);
      assertEquals(
          EncryptedFormat.HEADER_BYTES + text.length + segments * EncryptedFormat.TAG_BYTES,
          plain.fileLength("a"));
      assertEquals(text.length, dir.fileLength("a"));
      byte[] raw = new byte[(int) plain.fileLength("a")];
      try (IndexInput in = plain.openInput("a", IOContext.DEFAULT)) {
        in.readBytes(raw, 0, raw.length);
      }
      assertEquals(EncryptedFormat.VERSION, raw[0]);
      assertEquals(14, raw[1]);
      byte[] probe = Arrays.copyOfRange(text, 0, 12);
      for (int i = 0; i + probe.length <= raw.length; i++) {
        assertFalse(Arrays.equals(probe, Arrays.copyOfRange(raw, i, i + probe.length)), "at " + i);
      }
      byte[] back = new byte[text.length];
      try (IndexInput in = dir.openInput("a", IOContext.DEFAULT)) {
        in.readBytes(back, 0, back.length);
      }
      assertArrayEquals(text, back);
    }
  }

  @Test
  void docValuesDataIsWrittenInSmallerSegmentsAndEachFileReadInItsOwn() throws IOException {
    byte[] text = "a record of a few hundred bytes. ".repeat(1000).getBytes(StandardCharsets.UTF_8);
    ByteBuffersDirectory plain = new ByteBuffersDirectory();
    try (EncryptedDirectory dir = new EncryptedDirectory(plain, KEY)) {
      for (String name : new String[] {"_0_Lucene90_0.dvd", "_0.tim", "older.tmp"}) {
        try (IndexOutput out = dir.createOutput(name, IOContext.DEFAULT)) {
          out.writeBytes(text, text.length);
        }
      }
      // an index written before doc values had their own segment size: default-sized segments
      dir.rename("older.tmp", "_1_Lucene90_0.dvd");
      int[][] expected = {
        {EncryptedFormat.RECORD_SEGMENT_SHIFT, 9}, {14, 3}, {14, 3},
      };
      String[] names = {"_0_Lucene90_0.dvd", "_0.tim", "_1_Lucene90_0.dvd"};
      for (int f = 0; f < names.length; f++) {
        int shift = expected[f][0];
        long segments = expected[f][1];
        assertEquals(segments, EncryptedFormat.segmentCount(text.length, shift));
        try (IndexInput raw = plain.openInput(names[f], IOContext.DEFAULT)) {
          raw.seek(1);
          assertEquals(shift, raw.readByte(), names[f]);
        }
        assertEquals(
            EncryptedFormat.HEADER_BYTES + text.length + segments * EncryptedFormat.TAG_BYTES,
            plain.fileLength(names[f]),
            names[f]);
        assertEquals(text.length, dir.fileLength(names[f]), names[f]);
        byte[] back = new byte[text.length];
        try (IndexInput in = dir.openInput(names[f], IOContext.DEFAULT)) {
          in.seek(5000); // across a segment boundary of either size
          in.readBytes(back, 5000, text.length - 5000);
          in.seek(0);
          in.readBytes(back, 0, 5000);
        }
        assertArrayEquals(text, back, names[f]);
      }
    }
  }

  @Test
  void aDirectoryOfTinySegmentsKeepsThemForDocValuesToo() {
    assertEquals(4, EncryptedFormat.segmentShift("_0.dvd", 4));
    assertEquals(EncryptedFormat.RECORD_SEGMENT_SHIFT, EncryptedFormat.segmentShift("_0.dvd", 14));
    assertEquals(14, EncryptedFormat.segmentShift("_0.dvm", 14));
  }

  @Test
  void sameContentTwiceGivesDifferentCiphertext() throws IOException {
    ByteBuffersDirectory plain = new ByteBuffersDirectory();
    try (EncryptedDirectory dir = new EncryptedDirectory(plain, KEY)) {
      for (String name : new String[] {"a", "b"}) {
        try (IndexOutput out = dir.createOutput(name, IOContext.DEFAULT)) {
          out.writeLong(42);
        }
      }
      byte[] a = new byte[(int) plain.fileLength("a")];
      byte[] b = new byte[a.length];
      try (IndexInput in = plain.openInput("a", IOContext.DEFAULT)) {
        in.readBytes(a, 0, a.length);
      }
      try (IndexInput in = plain.openInput("b", IOContext.DEFAULT)) {
        in.readBytes(b, 0, b.length);
      }
      assertFalse(Arrays.equals(a, b));
    }
  }

  @Test
  void fileStillBeingWrittenCannotBeOpened() throws IOException {
    try (EncryptedDirectory dir = new EncryptedDirectory(new ByteBuffersDirectory(), KEY)) {
      try (IndexOutput out = dir.createOutput("a", IOContext.DEFAULT)) {
        out.writeInt(1);
        assertThrows(AccessDeniedException.class, () -> dir.openInput("a", IOContext.DEFAULT));
      }
      try (IndexInput in = dir.openInput("a", IOContext.DEFAULT)) {
        assertEquals(1, in.readInt());
      }
    }
  }

  @Test
  void cacheIsAQuarterOfTheHeapUnlessConfigured() {
    String before = System.getProperty(EncryptedDirectory.CACHE_PROPERTY);
    try {
      System.clearProperty(EncryptedDirectory.CACHE_PROPERTY);
      assertEquals(
          Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 4),
          EncryptedDirectory.defaultCacheBytes());
      System.setProperty(EncryptedDirectory.CACHE_PROPERTY, " 300 ");
      assertEquals(300L << 20, EncryptedDirectory.defaultCacheBytes());
      for (String bad : new String[] {"0", "-5", "1g"}) {
        System.setProperty(EncryptedDirectory.CACHE_PROPERTY, bad);
        IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, EncryptedDirectory::defaultCacheBytes);
        assertEquals(
            "dualcheck.index.cacheMiB must be a positive number of MiB, not " + bad,
            e.getMessage());
      }
    } finally {
      if (before == null) {
        System.clearProperty(EncryptedDirectory.CACHE_PROPERTY);
      } else {
        System.setProperty(EncryptedDirectory.CACHE_PROPERTY, before);
      }
    }
  }
}
