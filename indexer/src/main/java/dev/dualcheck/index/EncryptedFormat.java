package dev.dualcheck.index;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Layout of one encrypted index file, after Tink's AES-GCM-HKDF streaming AEAD.
 *
 * <pre>
 * header   = version (1) | segment shift (1) | salt (32) | nonce prefix (7)
 * segment  = AES-256-GCM(plaintext of 2^shift bytes, or fewer for the last) | tag (16)
 * nonce    = nonce prefix (7) | segment counter, big-endian (4) | last-segment flag (1)
 * key      = HKDF-SHA256(index key, salt, "dualcheck index v1")
 * aad      = header
 * </pre>
 *
 * The file name is deliberately not bound: Lucene renames files (pending_segments_N to segments_N).
 * The last segment always exists (it is empty for an empty file) and is the only one with the flag
 * set, so truncation at a segment boundary fails authentication.
 */
final class EncryptedFormat {
  static final byte VERSION = 1;
  static final int SALT_BYTES = 32;
  static final int NONCE_PREFIX_BYTES = 7;
  static final int NONCE_BYTES = 12;
  static final int HEADER_BYTES = 2 + SALT_BYTES + NONCE_PREFIX_BYTES;
  static final int TAG_BYTES = 16;
  static final int KEY_BYTES = 32;

  /**
   * 16 KiB, measured with EncryptedDirectoryBenchmark: with the index in the segment cache all
   * sizes from 8 to 64 KiB query alike; when it does not fit, 16 KiB answers about 25% faster than
   * 32 KiB, and 8 KiB 20% faster still but scans and merges 17% slower.
   */
  static final int DEFAULT_SEGMENT_SHIFT = 14;

  static final int MIN_SEGMENT_SHIFT = 4;
  static final int MAX_SEGMENT_SHIFT = 20;

  /** The 4-byte counter allows this many segments per file. */
  static final long MAX_SEGMENTS = 1L << 32;

  private static final byte[] HKDF_INFO = "dualcheck index v1".getBytes(StandardCharsets.US_ASCII);

  private EncryptedFormat() {}

  /**
   * 4 KiB for doc values data: that file holds every record, and a check reads a few dozen records
   * of a few hundred bytes each at random places in it. A cache miss there then decrypts a quarter
   * of a default segment, and the cache holds four times as many distinct records per byte.
   */
  static final int RECORD_SEGMENT_SHIFT = 12;

  static int segmentShift(byte[] header) {
    return header[1];
  }

  /** The segment size to write file {@code name} with, in a directory whose default is given. */
  static int segmentShift(String name, int directoryShift) {
    return name.endsWith(".dvd") ? Math.min(directoryShift, RECORD_SEGMENT_SHIFT) : directoryShift;
  }

  /** The per-file AES key: HKDF with the header's salt, so every file has its own key. */
  static SecretKeySpec fileKey(byte[] indexKey, byte[] header) {
    byte[] okm = hkdfSha256(indexKey, Arrays.copyOfRange(header, 2, 2 + SALT_BYTES), HKDF_INFO);
    try {
      return new SecretKeySpec(okm, "AES");
    } finally {
      Arrays.fill(okm, (byte) 0);
    }
  }

  /** HKDF-SHA256 (RFC 5869), first 32-byte output block only. */
  static byte[] hkdfSha256(byte[] ikm, byte[] salt, byte[] info) {
    byte[] prk = null;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      prk = mac.doFinal(ikm);
      mac.init(new SecretKeySpec(prk, "HmacSHA256"));
      mac.update(info);
      mac.update((byte) 1);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    } finally {
      if (prk != null) {
        Arrays.fill(prk, (byte) 0);
      }
    }
  }

  static byte[] nonce(byte[] header, long segment, boolean last) {
    byte[] nonce = new byte[NONCE_BYTES];
    System.arraycopy(header, 2 + SALT_BYTES, nonce, 0, NONCE_PREFIX_BYTES);
    nonce[7] = (byte) (segment >>> 24);
    nonce[8] = (byte) (segment >>> 16);
    nonce[9] = (byte) (segment >>> 8);
    nonce[10] = (byte) segment;
    nonce[11] = (byte) (last ? 1 : 0);
    return nonce;
  }

  /**
   * The plaintext length of a file whose ciphertext is {@code ciphertextLength} bytes long, or -1
   * if no file written in this format can have that length.
   */
  static long plaintextLength(long ciphertextLength, int segmentShift) {
    long payload = ciphertextLength - HEADER_BYTES;
    if (payload < TAG_BYTES) {
      return -1;
    }
    long stride = (1L << segmentShift) + TAG_BYTES;
    long full = payload / stride;
    long rest = payload % stride;
    if (rest == 0) {
      return payload - full * TAG_BYTES;
    }
    if (rest < TAG_BYTES) {
      return -1;
    }
    return payload - (full + 1) * TAG_BYTES;
  }

  /** Number of segments of a file with this plaintext length: at least one, the last one. */
  static long segmentCount(long plaintextLength, int segmentShift) {
    if (plaintextLength == 0) {
      return 1;
    }
    return ((plaintextLength - 1) >>> segmentShift) + 1;
  }

  static long ciphertextOffset(long segment, int segmentShift) {
    return HEADER_BYTES + segment * ((1L << segmentShift) + TAG_BYTES);
  }
}
