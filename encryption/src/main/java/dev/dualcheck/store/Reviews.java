package dev.dualcheck.store;

import dev.dualcheck.crypto.Aead;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The findings last reported and the decisions on them, sealed like records. Rows are found by the
 * finding's reference (itself a keyed hash), so neither table holds an id in clear.
 */
final class Reviews {
  private static final String LABEL = "REVIEWS";

  private final Connection db;
  private final KeyRing keys;

  Reviews(Connection db, KeyRing keys) {
    this.db = db;
    this.keys = keys;
  }

  static void createTables(Connection db) throws SQLException {
    try (Statement st = db.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS finding(reference TEXT PRIMARY KEY,"
              + " key_version INTEGER NOT NULL, data BLOB NOT NULL)");
      st.execute(
          "CREATE TABLE IF NOT EXISTS decision(row INTEGER PRIMARY KEY, reference TEXT NOT NULL,"
              + " key_version INTEGER NOT NULL, data BLOB NOT NULL)");
      st.execute("CREATE INDEX IF NOT EXISTS decision_reference ON decision(reference)");
    }
  }

  void remember(List<StoredFinding> findings) throws SQLException, GeneralSecurityException {
    int version = keys.currentVersion();
    try (PreparedStatement ps =
        db.prepareStatement(
            "INSERT OR REPLACE INTO finding(reference, key_version, data) VALUES (?, ?, ?)")) {
      for (StoredFinding f : findings) {
        byte[] plaintext =
            encode(
                f.findingId(),
                f.contactFingerprint(),
                f.recordFingerprint(),
                f.details(),
                f.seen().toString());
        ps.setString(1, f.reference());
        ps.setInt(2, version);
        ps.setBytes(3, seal(plaintext, "finding", f.reference(), 0, version));
        ps.executeUpdate();
      }
    }
  }

  Optional<StoredFinding> find(String reference) throws SQLException, IOException {
    try (PreparedStatement ps =
        db.prepareStatement("SELECT key_version, data FROM finding WHERE reference = ?")) {
      ps.setString(1, reference);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String[] f = decode(open(rs.getBytes(2), "finding", reference, 0, rs.getInt(1)), 5);
        return Optional.of(
            new StoredFinding(f[0], reference, f[1], f[2], f[3], Instant.parse(f[4])));
      }
    }
  }

  void add(String reference, Decision d) throws SQLException, GeneralSecurityException {
    long row;
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT coalesce(max(row), 0) + 1 FROM decision")) {
      rs.next();
      row = rs.getLong(1);
    }
    int version = keys.currentVersion();
    try (PreparedStatement ps =
        db.prepareStatement(
            "INSERT INTO decision(row, reference, key_version, data) VALUES (?, ?, ?, ?)")) {
      ps.setLong(1, row);
      ps.setString(2, reference);
      ps.setInt(3, version);
      ps.setBytes(4, seal(encode(d), "decision", reference, row, version));
      ps.executeUpdate();
    }
  }

  /** Every decision on the finding, oldest first. */
  List<Decision> history(String reference) throws SQLException, IOException {
    List<Decision> decisions = new ArrayList<>();
    try (PreparedStatement ps =
        db.prepareStatement(
            "SELECT row, key_version, data FROM decision WHERE reference = ? ORDER BY row")) {
      ps.setString(1, reference);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          decisions.add(
              decodeDecision(
                  open(rs.getBytes(3), "decision", reference, rs.getLong(1), rs.getInt(2))));
        }
      }
    }
    return decisions;
  }

  /** The latest decision on every finding that has one, by reference. */
  Map<String, Decision> latest() throws SQLException, IOException {
    Map<String, Decision> latest = new LinkedHashMap<>();
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT row, reference, key_version, data FROM decision ORDER BY row")) {
      while (rs.next()) {
        String reference = rs.getString(2);
        latest.put(
            reference,
            decodeDecision(
                open(rs.getBytes(4), "decision", reference, rs.getLong(1), rs.getInt(3))));
      }
    }
    return latest;
  }

  /** Re-encrypts both tables under the current key version (key rotation). */
  void reencrypt() throws SQLException, IOException, GeneralSecurityException {
    int version = keys.currentVersion();
    List<Object[]> findings = new ArrayList<>();
    try (PreparedStatement ps =
        db.prepareStatement(
            "SELECT reference, key_version, data FROM finding WHERE key_version < ?")) {
      ps.setInt(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String reference = rs.getString(1);
          findings.add(
              new Object[] {
                reference, open(rs.getBytes(3), "finding", reference, 0, rs.getInt(2))
              });
        }
      }
    }
    try (PreparedStatement ps =
        db.prepareStatement("UPDATE finding SET key_version = ?, data = ? WHERE reference = ?")) {
      for (Object[] f : findings) {
        String reference = (String) f[0];
        ps.setInt(1, version);
        ps.setBytes(2, seal((byte[]) f[1], "finding", reference, 0, version));
        ps.setString(3, reference);
        ps.executeUpdate();
      }
    }
    List<Object[]> decisions = new ArrayList<>();
    try (PreparedStatement ps =
        db.prepareStatement(
            "SELECT row, reference, key_version, data FROM decision WHERE key_version < ?")) {
      ps.setInt(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long row = rs.getLong(1);
          String reference = rs.getString(2);
          decisions.add(
              new Object[] {
                row, reference, open(rs.getBytes(4), "decision", reference, row, rs.getInt(3))
              });
        }
      }
    }
    try (PreparedStatement ps =
        db.prepareStatement("UPDATE decision SET key_version = ?, data = ? WHERE row = ?")) {
      for (Object[] d : decisions) {
        long row = (Long) d[0];
        ps.setInt(1, version);
        ps.setBytes(2, seal((byte[]) d[2], "decision", (String) d[1], row, version));
        ps.setLong(3, row);
        ps.executeUpdate();
      }
    }
  }

  // ---------------------------------------------------------------- sealing

  private byte[] seal(byte[] plaintext, String table, String reference, long row, int version)
      throws GeneralSecurityException {
    try {
      return Aead.seal(keys.key(version, LABEL), plaintext, aad(table, reference, row, version));
    } finally {
      Aead.wipe(plaintext);
    }
  }

  private byte[] open(byte[] sealed, String table, String reference, long row, int version)
      throws IntegrityException {
    byte[] key = keys.key(version, LABEL);
    try {
      if (key == null) {
        throw new GeneralSecurityException("unknown key version");
      }
      return Aead.open(key, sealed, aad(table, reference, row, version));
    } catch (GeneralSecurityException e) {
      throw new IntegrityException("store integrity check failed: " + table + " " + reference);
    }
  }

  private byte[] aad(String table, String reference, long row, int version) {
    byte[] label =
        ("dualcheck-" + table + "\u0000" + reference).getBytes(StandardCharsets.US_ASCII);
    byte[] storeId = keys.storeId();
    return ByteBuffer.allocate(storeId.length + label.length + 12)
        .put(storeId)
        .put(label)
        .putLong(row)
        .putInt(version)
        .array();
  }

  private static byte[] encode(Decision d) throws GeneralSecurityException {
    return encode(
        d.findingId(),
        d.decision(),
        d.note(),
        d.by(),
        d.at().toString(),
        d.contactFingerprint(),
        d.recordFingerprint());
  }

  private static Decision decodeDecision(byte[] plaintext) throws IOException {
    String[] d = decode(plaintext, 7);
    return new Decision(d[0], d[1], d[2], d[3], Instant.parse(d[4]), d[5], d[6]);
  }

  private static byte[] encode(String... values) throws GeneralSecurityException {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      for (String value : values) {
        byte[] utf8 = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot encode", e);
    }
  }

  private static String[] decode(byte[] plaintext, int count) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(plaintext));
    String[] values = new String[count];
    for (int i = 0; i < count; i++) {
      values[i] = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }
    Aead.wipe(plaintext);
    return values;
  }
}
