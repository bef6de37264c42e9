package dev.dualcheck.store;

import dev.dualcheck.crypto.Aead;
import dev.dualcheck.crypto.SealedBox;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * The key material of a rotation: a new master key version with the older ones sealed under it,
 * every keyslot re-wrapped, and, once the store has re-encrypted its records, the older versions
 * dropped and wiped. The store holds the writer lock and runs the transactions.
 */
final class KeyRotation {
  private final StoreState store;
  private final IntConsumer useVersion;
  private final Metadata metadata;
  private final TreeMap<Integer, byte[]> masterKeys;
  private final Map<String, byte[]> derivedKeys;
  private final Keyslots keyslots;
  private final AuditLog auditLog;
  private final Reviews reviews;

  /**
   * useVersion makes a version the store's current one; masterKeys and derivedKeys are the store's
   * own maps, changed in place.
   */
  KeyRotation(
      StoreState store,
      IntConsumer useVersion,
      Metadata metadata,
      TreeMap<Integer, byte[]> masterKeys,
      Map<String, byte[]> derivedKeys,
      Keyslots keyslots,
      AuditLog auditLog,
      Reviews reviews) {
    this.store = store;
    this.useVersion = useVersion;
    this.metadata = metadata;
    this.masterKeys = masterKeys;
    this.derivedKeys = derivedKeys;
    this.keyslots = keyslots;
    this.auditLog = auditLog;
    this.reviews = reviews;
  }

  /** Adds the new master key version; run inside a transaction, undone by {@link #abandon}. */
  void start() throws SQLException, GeneralSecurityException, IOException {
    Map<Integer, byte[]> slotsChecked = verifySlotMacs();
    int newVersion = store.currentVersion() + 1;
    byte[] newKey = Aead.newKey();
    byte[] clinic = metadata.openSealed("clinic");
    byte[] signing = metadata.openSealed("signing");
    byte[] pseudonymKey =
        metadata.has(Store.PSEUDONYMS) ? metadata.openSealed(Store.PSEUDONYMS) : null;
    masterKeys.put(newVersion, newKey);
    useVersion.accept(newVersion);
    try (Statement st = store.db().createStatement()) {
      st.executeUpdate("DELETE FROM master_key");
    }
    for (Map.Entry<Integer, byte[]> old : masterKeys.headMap(newVersion).entrySet()) {
      try (PreparedStatement ps =
          store.db().prepareStatement("INSERT INTO master_key(version, sealed) VALUES (?, ?)")) {
        ps.setInt(1, old.getKey());
        ps.setBytes(2, Aead.seal(newKey, old.getValue(), masterKeyAad(old.getKey())));
        ps.executeUpdate();
      }
    }
    try (Statement st = store.db().createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT slot, kind, user_name, role, staff_id, public_key FROM keyslot");
        PreparedStatement update =
            store
                .db()
                .prepareStatement(
                    "UPDATE keyslot SET wrapped_master = ?, mac = ? WHERE slot = ?")) {
      while (rs.next()) {
        int slotNo = rs.getInt(1);
        User owner = new User(rs.getString(3), Role.valueOf(rs.getString(4)), rs.getString(5));
        byte[] publicKey = rs.getBytes(6);
        if (!slotsChecked.containsKey(slotNo)) {
          throw new IntegrityException("store integrity check failed: keyslot " + slotNo);
        }
        byte[] aad = Keyslots.slotAad(store.storeId(), slotNo, rs.getString(2), owner);
        update.setBytes(
            1, SealedBox.seal(SealedBox.publicKey(publicKey), keyslots.masterPayload(), aad));
        update.setBytes(2, keyslots.slotMac(slotNo, rs.getString(2), owner, publicKey));
        update.setInt(3, slotNo);
        update.executeUpdate();
      }
    }
    metadata.putSealed("clinic", clinic);
    metadata.putSealed("signing", signing);
    if (pseudonymKey != null) {
      metadata.putSealed(Store.PSEUDONYMS, pseudonymKey);
    }
  }

  /** After {@link #start}'s transaction rolled back on disk: forgets the new key in memory too. */
  void abandon(int previousVersion) {
    byte[] abandoned = masterKeys.remove(previousVersion + 1);
    Aead.wipe(abandoned);
    derivedKeys.keySet().removeIf(label -> label.endsWith("/" + (previousVersion + 1)));
    useVersion.accept(previousVersion);
  }

  /** The slots whose public key is bound to their owner under the current key. */
  private Map<Integer, byte[]> verifySlotMacs() throws SQLException {
    Map<Integer, byte[]> verified = new HashMap<>();
    try (Statement st = store.db().createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT slot, kind, user_name, role, staff_id, public_key, mac FROM keyslot")) {
      while (rs.next()) {
        int slotNo = rs.getInt(1);
        User owner = new User(rs.getString(3), Role.valueOf(rs.getString(4)), rs.getString(5));
        byte[] expected = keyslots.slotMac(slotNo, rs.getString(2), owner, rs.getBytes(6));
        if (java.security.MessageDigest.isEqual(expected, rs.getBytes(7))) {
          verified.put(slotNo, rs.getBytes(6));
        }
      }
    }
    return verified;
  }

  /**
   * Once every record is under the current version: re-encrypts the audit log and reviews, drops
   * the sealed older master keys, then wipes and forgets them and their purpose keys.
   */
  void finish() throws IOException {
    store.transaction(
        () -> {
          auditLog.reencrypt();
          reviews.reencrypt();
          try (Statement st = store.db().createStatement()) {
            st.executeUpdate("DELETE FROM master_key");
          }
        });
    int keyVersion = store.currentVersion();
    for (byte[] old : masterKeys.headMap(keyVersion).values()) {
      Aead.wipe(old);
    }
    masterKeys.headMap(keyVersion).clear();
    derivedKeys.keySet().removeIf(label -> !label.endsWith("/" + keyVersion));
  }

  /** Opens the older master keys an unfinished rotation left sealed under the current one. */
  void loadOldMasterKeys() throws SQLException, IOException {
    byte[] current = masterKeys.get(store.currentVersion());
    try (Statement st = store.db().createStatement();
        ResultSet rs = st.executeQuery("SELECT version, sealed FROM master_key")) {
      while (rs.next()) {
        int version = rs.getInt(1);
        try {
          masterKeys.put(version, Aead.open(current, rs.getBytes(2), masterKeyAad(version)));
        } catch (GeneralSecurityException e) {
          throw new IntegrityException("store integrity check failed: master key " + version);
        }
      }
    }
  }

  private byte[] masterKeyAad(int version) {
    byte[] storeId = store.storeId();
    return ByteBuffer.allocate(storeId.length + 20)
        .put(storeId)
        .put("dualcheck-master".getBytes(StandardCharsets.US_ASCII))
        .putInt(version)
        .array();
  }
}
