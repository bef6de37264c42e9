package dev.dualcheck.index;

import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.util.BytesRef;

/**
 * A record as one stored field: kind, id, then (column index, value) pairs in the kind's contract
 * order. Unknown columns (e.g. a note's {@code version}) are written with their name.
 */
final class RecordCodec {

  private RecordCodec() {}

  static byte[] encode(ClinicRecord record) {
    List<String> columns = record.kind().columns();
    GrowableBytes out = new GrowableBytes(256);
    out.writeVInt(record.kind().ordinal());
    out.writeString(record.id());
    out.writeVInt(record.fields().size());
    for (Map.Entry<String, String> e : record.fields().entrySet()) {
      int column = columns.indexOf(e.getKey());
      out.writeVInt(column + 1);
      if (column < 0) {
        out.writeString(e.getKey());
      }
      out.writeString(e.getValue());
    }
    return out.toArray();
  }

  static ClinicRecord decode(BytesRef bytes) throws IOException {
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    RecordKind kind = RecordKind.values()[in.readVInt()];
    String id = in.readString();
    int n = in.readVInt();
    List<String> columns = kind.columns();
    Map<String, String> fields = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      int column = in.readVInt() - 1;
      String name = column < 0 ? in.readString() : columns.get(column);
      fields.put(name, in.readString());
    }
    return new ClinicRecord(kind, id, fields);
  }

  /** Just enough of a growable DataOutput for vInts and strings. */
  private static final class GrowableBytes {
    private byte[] bytes;
    private int length;

    GrowableBytes(int capacity) {
      bytes = new byte[capacity];
    }

    void writeByte(byte b) {
      if (length == bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2);
      }
      bytes[length++] = b;
    }

    void writeVInt(int value) {
      int i = value;
      while ((i & ~0x7F) != 0) {
        writeByte((byte) ((i & 0x7F) | 0x80));
        i >>>= 7;
      }
      writeByte((byte) i);
    }

    void writeString(String s) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      writeVInt(utf8.length);
      for (byte b : utf8) {
        writeByte(b);
      }
    }

    byte[] toArray() {
      return java.util.Arrays.copyOf(bytes, length);
    }
  }
}
