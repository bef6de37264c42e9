package dev.dualcheck.index;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.crypto.spec.SecretKeySpec;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.util.IOUtils;

/**
 * Buffers one segment of plaintext, encrypts each full segment when the next byte arrives and the
 * last one (possibly empty or full) on close. Positions and the checksum are of the plaintext.
 */
final class EncryptedIndexOutput extends IndexOutput {
  private final IndexOutput out;
  private final Runnable onClose;
  private final byte[] header;
  private final SecretKeySpec key;
  private final SegmentCipher cipher = new SegmentCipher();
  private final byte[] buffer;
  private final byte[] ciphertext;
  private final CRC32 crc = new CRC32();
  private int buffered;

  /** Bytes of {@link #buffer} already folded into {@link #crc}. */
  private int checksummed;

  private long segment;
  private boolean closed;

  EncryptedIndexOutput(
      IndexOutput out, byte[] indexKey, int segmentShift, SecureRandom random, Runnable onClose)
      throws IOException {
    super("EncryptedIndexOutput(" + out.getName() + ")", out.getName());
    this.out = out;
    this.onClose = onClose;
    header = new byte[EncryptedFormat.HEADER_BYTES];
    header[0] = EncryptedFormat.VERSION;
    header[1] = (byte) segmentShift;
    byte[] saltAndPrefix =
        new byte[EncryptedFormat.SALT_BYTES + EncryptedFormat.NONCE_PREFIX_BYTES];
    random.nextBytes(saltAndPrefix);
    System.arraycopy(saltAndPrefix, 0, header, 2, saltAndPrefix.length);
    key = EncryptedFormat.fileKey(indexKey, header);
    buffer = new byte[1 << segmentShift];
    ciphertext = new byte[buffer.length + EncryptedFormat.TAG_BYTES];
    out.writeBytes(header, header.length);
  }

  @Override
  public void writeByte(byte b) throws IOException {
    if (buffered == buffer.length) {
      flushSegment(false);
    }
    buffer[buffered++] = b;
  }

  @Override
  public void writeBytes(byte[] b, int offset, int length) throws IOException {
    while (length > 0) {
      if (buffered == buffer.length) {
        flushSegment(false);
      }
      int n = Math.min(length, buffer.length - buffered);
      System.arraycopy(b, offset, buffer, buffered, n);
      buffered += n;
      offset += n;
      length -= n;
    }
  }

  private void flushSegment(boolean last) throws IOException {
    if (segment >= EncryptedFormat.MAX_SEGMENTS) {
      throw new IOException(getName() + " is too large for an encrypted index file");
    }
    crc.update(buffer, checksummed, buffered - checksummed);
    try {
      int n = cipher.encrypt(key, header, segment, last, buffer, buffered, ciphertext);
      out.writeBytes(ciphertext, n);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot encrypt " + getName(), e);
    }
    segment++;
    buffered = 0;
    checksummed = 0;
  }

  @Override
  public long getFilePointer() {
    return segment * buffer.length + buffered;
  }

  @Override
  public long getChecksum() {
    crc.update(buffer, checksummed, buffered - checksummed);
    checksummed = buffered;
    return crc.getValue();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    boolean success = false;
    try {
      flushSegment(true);
      success = true;
    } finally {
      Arrays.fill(buffer, (byte) 0);
      try {
        if (success) {
          out.close();
        } else {
          IOUtils.closeWhileHandlingException(out);
        }
      } finally {
        onClose.run();
      }
    }
  }
}
