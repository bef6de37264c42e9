package dev.dualcheck.index;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.GeneralSecurityException;
import javax.crypto.spec.SecretKeySpec;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/**
 * What all inputs, clones and slices of one opened file share: the ciphertext input, the file key
 * and its geometry. Immutable after {@link #open}; decrypted segments go to the directory's cache.
 */
final class EncryptedFile {
  final String name;
  final long length;
  final int segmentShift;
  private final IndexInput ciphertext;
  private final byte[] header;
  private final SecretKeySpec key;
  private final long segments;
  private final SegmentCache cache;

  /**
   * This file's cached segments; null for merges and read-once files, which are not cached: a
   * one-pass scan must not evict what queries use.
   */
  private final SegmentCache.Slots slots;

  private EncryptedFile(
      String name,
      IndexInput ciphertext,
      byte[] header,
      SecretKeySpec key,
      long length,
      int segmentShift,
      SegmentCache cache,
      boolean cached) {
    this.name = name;
    this.ciphertext = ciphertext;
    this.header = header;
    this.key = key;
    this.length = length;
    this.segmentShift = segmentShift;
    this.segments = EncryptedFormat.segmentCount(length, segmentShift);
    this.cache = cache;
    this.slots = cached ? cache.slots(segments) : null;
  }

  /**
   * Reads the header and authenticates the last segment, so a truncated, extended or foreign file
   * fails here already. The segment size is the header's (authenticated as associated data): files
   * of one index may differ, see {@link EncryptedFormat#segmentShift(String, int)}. Takes ownership
   * of {@code ciphertext} only on success.
   */
  static EncryptedFile open(
      String name, IndexInput ciphertext, byte[] indexKey, SegmentCache cache, IOContext context)
      throws IOException {
    byte[] header = header(name, ciphertext);
    int segmentShift = EncryptedFormat.segmentShift(header);
    long length = EncryptedFormat.plaintextLength(ciphertext.length(), segmentShift);
    if (length < 0
        || EncryptedFormat.segmentCount(length, segmentShift) > EncryptedFormat.MAX_SEGMENTS) {
      throw new CorruptIndexException(
          "ciphertext length " + ciphertext.length() + " is not a valid encrypted file length",
          name);
    }
    EncryptedFile file =
        new EncryptedFile(
            name,
            ciphertext,
            header,
            EncryptedFormat.fileKey(indexKey, header),
            length,
            segmentShift,
            cache,
            !context.readOnce && context.context != IOContext.Context.MERGE);
    file.segment(file.segments - 1, ciphertext);
    return file;
  }

  /** The header of a file, with its version and segment size checked. */
  static byte[] header(String name, IndexInput ciphertext) throws IOException {
    if (ciphertext.length() < EncryptedFormat.HEADER_BYTES + EncryptedFormat.TAG_BYTES) {
      throw new CorruptIndexException(
          "ciphertext length " + ciphertext.length() + " is not a valid encrypted file length",
          name);
    }
    byte[] header = new byte[EncryptedFormat.HEADER_BYTES];
    ciphertext.seek(0);
    ciphertext.readBytes(header, 0, header.length);
    if (header[0] != EncryptedFormat.VERSION) {
      throw new CorruptIndexException("unknown encrypted file format version " + header[0], name);
    }
    int shift = EncryptedFormat.segmentShift(header);
    if (shift < EncryptedFormat.MIN_SEGMENT_SHIFT || shift > EncryptedFormat.MAX_SEGMENT_SHIFT) {
      throw new CorruptIndexException("segment size 2^" + shift + " is out of range", name);
    }
    return header;
  }

  /** The plaintext of one segment, from the cache or decrypted through {@code in}. */
  byte[] segment(long segment, IndexInput in) throws IOException {
    if (slots == null) {
      return decrypt(segment, in);
    }
    byte[] plaintext = cache.get(slots, segment);
    if (plaintext == null) {
      plaintext = decrypt(segment, in);
      cache.put(slots, segment, plaintext);
    }
    return plaintext;
  }

  private byte[] decrypt(long segment, IndexInput in) throws IOException {
    return decrypt(segment, in, null);
  }

  /**
   * Reads and authenticates one segment; its plaintext goes to {@code into} if given (which must
   * hold a whole segment), else to a new array.
   */
  private byte[] decrypt(long segment, IndexInput in, byte[] into) throws IOException {
    boolean last = segment == segments - 1;
    int plaintextLength = last ? (int) (length - (segment << segmentShift)) : 1 << segmentShift;
    int ciphertextLength = plaintextLength + EncryptedFormat.TAG_BYTES;
    SegmentCipher cipher = SegmentCipher.forReading();
    byte[] buffer = cipher.scratch(ciphertextLength);
    in.seek(EncryptedFormat.ciphertextOffset(segment, segmentShift));
    in.readBytes(buffer, 0, ciphertextLength);
    try {
      if (into == null) {
        return cipher.decrypt(key, header, segment, last, buffer, ciphertextLength);
      }
      cipher.decrypt(key, header, segment, last, buffer, ciphertextLength, into);
      return into;
    } catch (GeneralSecurityException e) {
      throw new CorruptIndexException(
          "segment "
              + segment
              + " of "
              + segments
              + " failed authentication"
              + " (tampered, truncated, reordered or encrypted with another key)",
          name,
          e);
    }
  }

  /**
   * Authenticates every segment without filling the cache, decrypting into one reused buffer: a
   * full-size index is gigabytes, and a new array per segment was most of what verifying allocated.
   */
  void verify() throws IOException {
    byte[] plaintext = new byte[(int) Math.min(length, 1L << segmentShift)];
    for (long s = 0; s < segments; s++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedIOException("verification interrupted");
      }
      decrypt(s, ciphertext, plaintext);
    }
  }

  /** A clone of the ciphertext input for one reader, which must not share its position. */
  IndexInput ciphertextReader() {
    return ciphertext.clone();
  }

  void close() throws IOException {
    try {
      ciphertext.close();
    } finally {
      if (slots != null) {
        cache.remove(slots);
      }
    }
  }
}
