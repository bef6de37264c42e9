package dev.dualcheck.store;

import dev.dualcheck.crypto.Aead;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log: an append-only chain of AES-256-GCM entries (AUDIT purpose key), each holding the
 * SHA-256 of the one before, bound to its position by the associated data. After every append the
 * head (entry count and hash) is signed with the clinic's signing key, so removing entries from the
 * tail is noticed too. Failed unlocks, which happen before any key is available, leave a
 * plaintext-free pending row (time and method) that the next successful unlock folds into the
 * chain.
 */
final class AuditLog {
  private static final String LABEL = Purpose.AUDIT.name();
  private static final String HEAD = "audit_head";
  private static final int HASH_BYTES = 32;

  private final Connection db;
  private final KeyRing keys;

  AuditLog(Connection db, KeyRing keys) {
    this.db = db;
    this.keys = keys;
  }

  static void createTables(Connection db) throws SQLException {
    try (Statement st = db.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS audit(entry INTEGER PRIMARY KEY,"
              + " key_version INTEGER NOT NULL, data BLOB NOT NULL)");
      st.execute(
          "CREATE TABLE IF NOT EXISTS audit_pending(row INTEGER PRIMARY KEY,"
              + " at TEXT NOT NULL, method TEXT NOT NULL)");
    }
  }

  /** Notes a failed unlock where no key is at hand; folded into the chain by {@link #append}. */
  static void recordFailedUnlock(Connection db, Instant at, String method) throws SQLException {
    createTables(db);
    try (PreparedStatement ps =
        db.prepareStatement("INSERT INTO audit_pending(at, method) VALUES (?, ?)")) {
      ps.setString(1, at.toString());
      ps.setString(2, method);
      ps.executeUpdate();
    }
  }

  boolean hasPending() throws SQLException {
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT 1 FROM audit_pending LIMIT 1")) {
      return rs.next();
    }
  }

  /**
   * Appends the pending failed unlocks, then the entries (numbers are assigned here), and signs the
   * new head. The caller holds the writer lock and runs this in one transaction.
   */
  void append(List<AuditEntry> entries, SigningIdentity signer, Instant now)
      throws SQLException, IOException, GeneralSecurityException {
    List<AuditEntry> all = new ArrayList<>();
    List<Long> pendingRows = new ArrayList<>();
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT row, at, method FROM audit_pending ORDER BY row")) {
      while (rs.next()) {
        pendingRows.add(rs.getLong(1));
        all.add(
            new AuditEntry(
                0,
                Instant.parse(rs.getString(2)),
                "unknown",
                "",
                "unlock.failed",
                "",
                "with a " + rs.getString(3)));
      }
    }
    all.addAll(entries);
    long count = 0;
    byte[] head = new byte[HASH_BYTES];
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT entry, key_version, data FROM audit ORDER BY entry DESC LIMIT 1")) {
      if (rs.next()) {
        count = rs.getLong(1);
        head = sha256(open(count, rs.getInt(2), rs.getBytes(3)));
      }
    }
    int version = keys.currentVersion();
    try (PreparedStatement ps =
        db.prepareStatement("INSERT INTO audit(entry, key_version, data) VALUES (?, ?, ?)")) {
      for (AuditEntry entry : all) {
        count++;
        byte[] plaintext = encode(count, head, entry);
        head = sha256(plaintext);
        ps.setLong(1, count);
        ps.setInt(2, version);
        ps.setBytes(3, Aead.seal(keys.key(version, LABEL), plaintext, aad(count, version)));
        ps.executeUpdate();
      }
    }
    try (Statement st = db.createStatement()) {
      st.executeUpdate("DELETE FROM audit_pending");
    }
    signHead(count, head, now, signer);
  }

  /** Checks every entry and the signed head; names the first entry that is wrong. */
  AuditVerification verify(PublicKey clinicKey) throws SQLException {
    long expected = 0;
    byte[] head = new byte[HASH_BYTES];
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT entry, key_version, data FROM audit ORDER BY entry")) {
      while (rs.next()) {
        expected++;
        long entry = rs.getLong(1);
        if (entry != expected) {
          return broken(expected, "missing (the next entry is " + entry + ")");
        }
        byte[] plaintext;
        try {
          plaintext = open(entry, rs.getInt(2), rs.getBytes(3));
        } catch (GeneralSecurityException e) {
          return broken(entry, "cannot be authenticated (edited, or moved from another position)");
        }
        if (!MessageDigest.isEqual(head, previousHash(plaintext))) {
          return broken(entry, "does not follow entry " + (entry - 1));
        }
        head = sha256(plaintext);
      }
    }
    SignedHead signed = readHead();
    if (signed == null) {
      return expected == 0
          ? new AuditVerification(
              true, 0, null, "audit chain intact: 0 entries, nothing signed yet")
          : broken(1, "the chain has no signed head");
    }
    if (!signed.verify(clinicKey, keys.storeId())) {
      return broken(
          Math.max(1, Math.min(expected, signed.count)),
          "the signature of the chain head is not valid");
    }
    if (expected < signed.count) {
      return broken(expected + 1, "missing (the signed head covers " + signed.count + " entries)");
    }
    if (expected > signed.count) {
      return broken(signed.count + 1, "not covered by the signed head");
    }
    if (!MessageDigest.isEqual(head, signed.head)) {
      return broken(expected, "does not match the signed head");
    }
    return new AuditVerification(
        true,
        expected,
        signed.at,
        "audit chain intact: " + expected + " entries, head signed at " + signed.at);
  }

  private static AuditVerification broken(long entry, String why) {
    return new AuditVerification(
        false, entry, null, "audit chain broken at entry " + entry + ": " + why);
  }

  /** Every entry from the given time on (all if since is null), oldest first. */
  List<AuditEntry> entries(Instant since) throws SQLException, IOException {
    List<AuditEntry> entries = new ArrayList<>();
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT entry, key_version, data FROM audit ORDER BY entry")) {
      while (rs.next()) {
        long entry = rs.getLong(1);
        try {
          AuditEntry decoded = decode(open(entry, rs.getInt(2), rs.getBytes(3)));
          if (since == null || !decoded.at().isBefore(since)) {
            entries.add(decoded);
          }
        } catch (GeneralSecurityException e) {
          throw new IntegrityException(
              "audit chain broken at entry " + entry + ": run `dualcheck audit verify`");
        }
      }
    }
    return entries;
  }

  /** Re-encrypts entries under the current key version (key rotation); the chain is unchanged. */
  void reencrypt() throws SQLException, IOException {
    int version = keys.currentVersion();
    List<long[]> rows = new ArrayList<>();
    List<byte[]> plaintexts = new ArrayList<>();
    try (PreparedStatement ps =
        db.prepareStatement("SELECT entry, key_version, data FROM audit WHERE key_version < ?")) {
      ps.setInt(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long entry = rs.getLong(1);
          try {
            plaintexts.add(open(entry, rs.getInt(2), rs.getBytes(3)));
          } catch (GeneralSecurityException e) {
            throw new IntegrityException(
                "audit chain broken at entry " + entry + ": run `dualcheck audit verify`");
          }
          rows.add(new long[] {entry});
        }
      }
    }
    try (PreparedStatement ps =
        db.prepareStatement("UPDATE audit SET key_version = ?, data = ? WHERE entry = ?")) {
      for (int i = 0; i < rows.size(); i++) {
        long entry = rows.get(i)[0];
        ps.setInt(1, version);
        ps.setBytes(2, Aead.seal(keys.key(version, LABEL), plaintexts.get(i), aad(entry, version)));
        ps.setLong(3, entry);
        ps.executeUpdate();
        Aead.wipe(plaintexts.get(i));
      }
    } catch (GeneralSecurityException e) {
      throw new IOException("encryption failed", e);
    }
  }

  // ---------------------------------------------------------------- encoding

  private byte[] open(long entry, int version, byte[] sealed) throws GeneralSecurityException {
    byte[] key = keys.key(version, LABEL);
    if (key == null) {
      throw new GeneralSecurityException("unknown key version");
    }
    return Aead.open(key, sealed, aad(entry, version));
  }

  private byte[] aad(long entry, int version) {
    byte[] storeId = keys.storeId();
    return ByteBuffer.allocate(16 + storeId.length + 12)
        .put("dualcheck-audit\u0000".getBytes(StandardCharsets.US_ASCII))
        .put(storeId)
        .putLong(entry)
        .putInt(version)
        .array();
  }

  private static byte[] encode(long number, byte[] previous, AuditEntry entry) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.write(previous);
      out.writeLong(number);
      out.writeUTF(entry.at().toString());
      out.writeUTF(entry.user());
      out.writeUTF(entry.role());
      out.writeUTF(entry.action());
      out.writeUTF(entry.target());
      out.writeUTF(entry.detail());
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] previousHash(byte[] plaintext) {
    byte[] previous = new byte[HASH_BYTES];
    System.arraycopy(plaintext, 0, previous, 0, Math.min(HASH_BYTES, plaintext.length));
    return previous;
  }

  private static AuditEntry decode(byte[] plaintext) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(plaintext));
    in.skipNBytes(HASH_BYTES);
    long number = in.readLong();
    return new AuditEntry(
        number,
        Instant.parse(in.readUTF()),
        in.readUTF(),
        in.readUTF(),
        in.readUTF(),
        in.readUTF(),
        in.readUTF());
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  // ---------------------------------------------------------------- signed head

  private record SignedHead(
      long count, byte[] head, Instant at, String algorithm, byte[] signature) {
    boolean verify(PublicKey key, byte[] storeId) {
      try {
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(key);
        verifier.update(signedBytes(storeId, count, head, at));
        return verifier.verify(signature);
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        return false;
      }
    }
  }

  private void signHead(long count, byte[] head, Instant at, SigningIdentity signer)
      throws SQLException, GeneralSecurityException, IOException {
    String algorithm =
        signer.key().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    Signature signature = Signature.getInstance(algorithm);
    signature.initSign(signer.key());
    signature.update(signedBytes(keys.storeId(), count, head, at));
    byte[] signed = signature.sign();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeLong(count);
    out.write(head);
    out.writeUTF(at.toString());
    out.writeUTF(algorithm);
    out.writeInt(signed.length);
    out.write(signed);
    try (PreparedStatement ps =
        db.prepareStatement("INSERT OR REPLACE INTO meta(name, value) VALUES (?, ?)")) {
      ps.setString(1, HEAD);
      ps.setBytes(2, bytes.toByteArray());
      ps.executeUpdate();
    }
  }

  private SignedHead readHead() throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("SELECT value FROM meta WHERE name = ?")) {
      ps.setString(1, HEAD);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(rs.getBytes(1)));
        long count = in.readLong();
        byte[] head = in.readNBytes(HASH_BYTES);
        Instant at = Instant.parse(in.readUTF());
        String algorithm = in.readUTF();
        byte[] signature = in.readNBytes(in.readInt());
        return new SignedHead(count, head, at, algorithm, signature);
      } catch (IOException | RuntimeException e) {
        return new SignedHead(-1, new byte[HASH_BYTES], Instant.EPOCH, "none", new byte[0]);
      }
    }
  }

  private static byte[] signedBytes(byte[] storeId, long count, byte[] head, Instant at) {
    byte[] label = "dualcheck-audit-head\u0000".getBytes(StandardCharsets.US_ASCII);
    byte[] time = at.toString().getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(label.length + storeId.length + 8 + head.length + time.length)
        .put(label)
        .put(storeId)
        .putLong(count)
        .put(head)
        .put(time)
        .array();
  }
}
