package dev.dualcheck.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The compact plaintext of a record before encryption: kind, id, then (name, value) pairs. */
final class RecordCodec {
  private static final int FORMAT = 1;

  private RecordCodec() {}

  static byte[] encode(ClinicRecord record) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(FORMAT);
      writeString(out, record.kind().name());
      writeString(out, record.id());
      out.writeInt(record.fields().size());
      for (Map.Entry<String, String> field : record.fields().entrySet()) {
        writeString(out, field.getKey());
        writeString(out, field.getValue());
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes what {@link #encode} wrote; null if the bytes are not such a record. */
  static ClinicRecord decode(byte[] plaintext) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(plaintext));
      if (in.readByte() != FORMAT) {
        return null;
      }
      RecordKind kind = RecordKind.valueOf(readString(in));
      String id = readString(in);
      int count = in.readInt();
      if (count < 0 || count > 1000) {
        return null;
      }
      Map<String, String> fields = new HashMap<>();
      for (int i = 0; i < count; i++) {
        fields.put(readString(in), readString(in));
      }
      return in.available() == 0 ? new ClinicRecord(kind, id, fields) : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("bad length");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
