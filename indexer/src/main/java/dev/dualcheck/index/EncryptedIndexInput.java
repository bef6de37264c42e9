package dev.dualcheck.index;

import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.RandomAccessInput;
import org.apache.lucene.util.BitUtil;

/**
 * Random-access reader over the plaintext of an {@link EncryptedFile}. Every clone and slice
 * carries its own absolute offset, position, current segment and ciphertext reader, so clones used
 * by different threads share nothing mutable but the synchronized {@link SegmentCache}.
 */
final class EncryptedIndexInput extends IndexInput implements RandomAccessInput {
  private static final byte[] NO_SEGMENT = new byte[0];

  private final EncryptedFile file;
  private final boolean master;

  /** Absolute plaintext offset of this slice in the file. */
  private final long offset;

  private final long length;

  /** Position relative to {@link #offset}. */
  private long pos;

  /** The segment holding the last byte read, and its absolute plaintext start. */
  private byte[] segment = NO_SEGMENT;

  private long segmentStart;
  private IndexInput ciphertext;
  private boolean closed;

  EncryptedIndexInput(EncryptedFile file) {
    this("EncryptedIndexInput(" + file.name + ")", file, true, 0, file.length);
  }

  private EncryptedIndexInput(
      String description, EncryptedFile file, boolean master, long offset, long length) {
    super(description);
    this.file = file;
    this.master = master;
    this.offset = offset;
    this.length = length;
  }

  /** Makes the segment holding absolute plaintext position {@code abs} current. */
  private void load(long abs) throws IOException {
    if (ciphertext == null) {
      ciphertext = file.ciphertextReader();
    }
    long index = abs >>> file.segmentShift;
    segment = file.segment(index, ciphertext);
    segmentStart = index << file.segmentShift;
  }

  /**
   * Index into {@link #segment} of absolute position {@code abs}, loading its segment if needed.
   */
  private int at(long abs) throws IOException {
    long rel = abs - segmentStart;
    if (Long.compareUnsigned(rel, segment.length) >= 0) {
      load(abs);
      rel = abs - segmentStart;
    }
    return (int) rel;
  }

  private EOFException eof(long at, int n) {
    return new EOFException(
        "read past EOF: pos=" + at + " + " + n + " > length=" + length + ": " + this);
  }

  @Override
  public byte readByte() throws IOException {
    if (pos >= length) {
      throw eof(pos, 1);
    }
    int i = at(offset + pos);
    pos++;
    return segment[i];
  }

  @Override
  public void readBytes(byte[] b, int off, int len) throws IOException {
    if (len > length - pos) {
      throw eof(pos, len);
    }
    readAt(pos, b, off, len);
    pos += len;
  }

  private void readAt(long from, byte[] b, int off, int len) throws IOException {
    long abs = offset + from;
    while (len > 0) {
      int i = at(abs);
      int n = Math.min(len, segment.length - i);
      System.arraycopy(segment, i, b, off, n);
      abs += n;
      off += n;
      len -= n;
    }
  }

  @Override
  public short readShort() throws IOException {
    short v = readShort(pos);
    pos += Short.BYTES;
    return v;
  }

  @Override
  public int readInt() throws IOException {
    int v = readInt(pos);
    pos += Integer.BYTES;
    return v;
  }

  @Override
  public long readLong() throws IOException {
    long v = readLong(pos);
    pos += Long.BYTES;
    return v;
  }

  @Override
  public void readLongs(long[] dst, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, dst.length);
    long bytes = (long) len * Long.BYTES;
    int i = len > 0 && bytes <= length - pos ? at(offset + pos) : -1;
    if (i < 0 || i + bytes > segment.length) {
      super.readLongs(dst, off, len);
      return;
    }
    for (int k = 0; k < len; k++, i += Long.BYTES) {
      dst[off + k] = (long) BitUtil.VH_LE_LONG.get(segment, i);
    }
    pos += bytes;
  }

  @Override
  public void readInts(int[] dst, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, dst.length);
    long bytes = (long) len * Integer.BYTES;
    int i = len > 0 && bytes <= length - pos ? at(offset + pos) : -1;
    if (i < 0 || i + bytes > segment.length) {
      super.readInts(dst, off, len);
      return;
    }
    for (int k = 0; k < len; k++, i += Integer.BYTES) {
      dst[off + k] = (int) BitUtil.VH_LE_INT.get(segment, i);
    }
    pos += bytes;
  }

  @Override
  public void readFloats(float[] dst, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, dst.length);
    long bytes = (long) len * Float.BYTES;
    int i = len > 0 && bytes <= length - pos ? at(offset + pos) : -1;
    if (i < 0 || i + bytes > segment.length) {
      super.readFloats(dst, off, len);
      return;
    }
    for (int k = 0; k < len; k++, i += Float.BYTES) {
      dst[off + k] = (float) BitUtil.VH_LE_FLOAT.get(segment, i);
    }
    pos += bytes;
  }

  @Override
  public byte readByte(long at) throws IOException {
    check(at, 1);
    int i = at(offset + at);
    return segment[i];
  }

  @Override
  public short readShort(long at) throws IOException {
    check(at, Short.BYTES);
    int i = at(offset + at);
    if (i + Short.BYTES <= segment.length) {
      return (short) BitUtil.VH_LE_SHORT.get(segment, i);
    }
    byte[] b = new byte[Short.BYTES];
    readAt(at, b, 0, b.length);
    return (short) BitUtil.VH_LE_SHORT.get(b, 0);
  }

  @Override
  public int readInt(long at) throws IOException {
    check(at, Integer.BYTES);
    int i = at(offset + at);
    if (i + Integer.BYTES <= segment.length) {
      return (int) BitUtil.VH_LE_INT.get(segment, i);
    }
    byte[] b = new byte[Integer.BYTES];
    readAt(at, b, 0, b.length);
    return (int) BitUtil.VH_LE_INT.get(b, 0);
  }

  @Override
  public long readLong(long at) throws IOException {
    check(at, Long.BYTES);
    int i = at(offset + at);
    if (i + Long.BYTES <= segment.length) {
      return (long) BitUtil.VH_LE_LONG.get(segment, i);
    }
    byte[] b = new byte[Long.BYTES];
    readAt(at, b, 0, b.length);
    return (long) BitUtil.VH_LE_LONG.get(b, 0);
  }

  private void check(long at, int n) throws EOFException {
    if (at < 0 || at > length - n) {
      throw eof(at, n);
    }
  }

  @Override
  public long getFilePointer() {
    return pos;
  }

  @Override
  public void seek(long to) throws IOException {
    if (to < 0 || to > length) {
      throw new EOFException("seek to " + to + " outside 0.." + length + ": " + this);
    }
    pos = to;
  }

  @Override
  public long length() {
    return length;
  }

  /** Built rather than {@code super.clone()}d: a clone is never the master, nor shares a reader. */
  @Override
  public EncryptedIndexInput clone() {
    EncryptedIndexInput clone = new EncryptedIndexInput(toString(), file, false, offset, length);
    clone.pos = pos;
    clone.segment = segment;
    clone.segmentStart = segmentStart;
    return clone;
  }

  @Override
  public IndexInput slice(String sliceDescription, long sliceOffset, long sliceLength) {
    if (sliceOffset < 0 || sliceLength < 0 || sliceOffset > length - sliceLength) {
      throw new IllegalArgumentException(
          "slice() "
              + sliceDescription
              + " out of bounds: offset="
              + sliceOffset
              + ",length="
              + sliceLength
              + ",fileLength="
              + length
              + ": "
              + this);
    }
    return new EncryptedIndexInput(
        getFullSliceDescription(sliceDescription), file, false, offset + sliceOffset, sliceLength);
  }

  @Override
  public RandomAccessInput randomAccessSlice(long sliceOffset, long sliceLength) {
    return (RandomAccessInput) slice("randomaccess", sliceOffset, sliceLength);
  }

  @Override
  public void close() throws IOException {
    if (master && !closed) {
      closed = true;
      file.close();
    }
  }
}
