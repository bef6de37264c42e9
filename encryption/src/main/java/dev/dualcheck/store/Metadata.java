package dev.dualcheck.store;

import dev.dualcheck.crypto.Aead;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The meta table: named values, some in clear (format, store id, change counter) and some sealed
 * under the records key of the version current when they were written (clinic name, signing
 * identity, pseudonym key).
 */
final class Metadata {
  private final StoreState store;

  Metadata(StoreState store) {
    this.store = store;
  }

  static byte[] read(Connection db, String name) throws SQLException, IOException {
    try (PreparedStatement ps = db.prepareStatement("SELECT value FROM meta WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IntegrityException("store integrity check failed: metadata " + name);
        }
        return rs.getBytes(1);
      }
    }
  }

  boolean has(String name) throws SQLException {
    try (PreparedStatement ps = store.db().prepareStatement("SELECT 1 FROM meta WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  void put(String name, byte[] value) throws SQLException {
    try (PreparedStatement ps =
        store.db().prepareStatement("INSERT OR REPLACE INTO meta(name, value) VALUES (?, ?)")) {
      ps.setString(1, name);
      ps.setBytes(2, value);
      ps.executeUpdate();
    }
  }

  void putSealed(String name, byte[] value) throws SQLException, GeneralSecurityException {
    int keyVersion = store.currentVersion();
    byte[] sealed =
        Aead.seal(store.key(keyVersion, Store.RECORDS_LABEL), value, aad(name, keyVersion));
    put(name, ByteBuffer.allocate(4 + sealed.length).putInt(keyVersion).put(sealed).array());
  }

  byte[] openSealed(String name) throws IOException {
    try {
      ByteBuffer stored = ByteBuffer.wrap(read(store.db(), name));
      int version = stored.getInt();
      byte[] sealed = new byte[stored.remaining()];
      stored.get(sealed);
      byte[] key = store.key(version, Store.RECORDS_LABEL);
      if (key == null) {
        throw new GeneralSecurityException("unknown key version");
      }
      return Aead.open(key, sealed, aad(name, version));
    } catch (SQLException e) {
      throw Store.sqlFailure(e);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IntegrityException("store integrity check failed: metadata " + name);
    }
  }

  private byte[] aad(String name, int version) {
    byte[] storeId = store.storeId();
    byte[] label = ("dualcheck-meta\u0000" + name).getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(storeId.length + label.length + 4)
        .put(storeId)
        .put(label)
        .putInt(version)
        .array();
  }
}
