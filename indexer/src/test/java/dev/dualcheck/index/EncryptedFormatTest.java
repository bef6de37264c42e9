package dev.dualcheck.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EncryptedFormatTest {
  private static final HexFormat HEX = HexFormat.of();

  /** RFC 5869 appendix A.1, first 32 bytes of OKM. */
  @Test
  void hkdfMatchesRfc5869TestCase1() {
    byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    byte[] salt = HEX.parseHex("000102030405060708090a0b0c");
    byte[] info = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");
    assertEquals(
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf",
        HEX.formatHex(EncryptedFormat.hkdfSha256(ikm, salt, info)));
  }

  @Test
  void plaintextLengthInvertsTheWriterLayout() {
    for (int shift : new int[] {4, 10, 14}) {
      long segment = 1L << shift;
      for (long length :
          new long[] {0, 1, segment - 1, segment, segment + 1, 3 * segment, 1 << 22}) {
        long segments = EncryptedFormat.segmentCount(length, shift);
        long ciphertext =
            EncryptedFormat.HEADER_BYTES + length + segments * EncryptedFormat.TAG_BYTES;
        assertEquals(
            length, EncryptedFormat.plaintextLength(ciphertext, shift), "length " + length);
      }
    }
  }

  @Test
  void impossibleLengthsAreRejected() {
    int h = EncryptedFormat.HEADER_BYTES;
    int t = EncryptedFormat.TAG_BYTES;
    assertEquals(-1, EncryptedFormat.plaintextLength(0, 10));
    assertEquals(-1, EncryptedFormat.plaintextLength(h, 10));
    assertEquals(-1, EncryptedFormat.plaintextLength(h + t - 1, 10));
    assertEquals(0, EncryptedFormat.plaintextLength(h + t, 10));
    // one full segment and a remainder too short to hold a tag
    assertEquals(-1, EncryptedFormat.plaintextLength(h + 1024 + t + 5, 10));
  }

  @Test
  void segmentCountNeverZero() {
    assertEquals(1, EncryptedFormat.segmentCount(0, 10));
    assertEquals(1, EncryptedFormat.segmentCount(1024, 10));
    assertEquals(2, EncryptedFormat.segmentCount(1025, 10));
  }

  @Test
  void nonceIsPrefixCounterAndLastFlag() {
    byte[] header = new byte[EncryptedFormat.HEADER_BYTES];
    for (int i = 0; i < header.length; i++) {
      header[i] = (byte) i;
    }
    assertArrayEquals(
        HEX.parseHex("22232425262728" + "01020304" + "01"),
        EncryptedFormat.nonce(header, 0x01020304L, true));
    assertArrayEquals(
        HEX.parseHex("22232425262728" + "ffffffff" + "00"),
        EncryptedFormat.nonce(header, 0xffffffffL, false));
  }
}
