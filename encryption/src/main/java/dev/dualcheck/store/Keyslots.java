package dev.dualcheck.store;

import dev.dualcheck.crypto.Aead;
import dev.dualcheck.crypto.Argon2id;
import dev.dualcheck.crypto.Hkdf;
import dev.dualcheck.crypto.SealedBox;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyslots: one per user (Argon2id passphrase) and an optional machine slot (key file), each
 * sealing the current master key and bound to its owner by a MAC: opened on unlock, written when
 * users, passphrases or the machine key change. The store checks the caller's access first; these
 * methods take the writer lock where they write.
 */
// try-with-resources holds the writer lock for the block; the lock itself is never used
@SuppressWarnings("try")
final class Keyslots {
  private static final String KEYSLOT_LABEL = "KEYSLOT";

  private final StoreState store;

  Keyslots(StoreState store) {
    this.store = store;
  }

  /** The keyslot that opened: its number, its owner and the master payload it sealed. */
  record Slot(int slot, User user, byte[] master) {}

  /**
   * Tries every user keyslot with the passphrase, or the machine keyslot with the key file's key;
   * null if none opens.
   */
  static Slot unlock(Connection db, byte[] storeId, char[] passphrase, byte[] fileKey)
      throws SQLException, IOException {
    List<Callable<Slot>> attempts = new ArrayList<>();
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT slot, kind, user_name, role, staff_id, kdf_type, kdf_memory_kib,"
                    + " kdf_iterations, kdf_parallelism, kdf_salt, wrapped_private,"
                    + " wrapped_master FROM keyslot ORDER BY slot")) {
      while (rs.next()) {
        boolean machineSlot = Store.MACHINE.equals(rs.getString("kind"));
        if (machineSlot != (fileKey != null)) {
          continue;
        }
        User owner =
            new User(
                rs.getString("user_name"),
                Role.valueOf(rs.getString("role")),
                rs.getString("staff_id"));
        int slotNo = rs.getInt("slot");
        byte[] aad = slotAad(storeId, slotNo, rs.getString("kind"), owner);
        byte[] wrappedPrivate = rs.getBytes("wrapped_private");
        byte[] wrappedMaster = rs.getBytes("wrapped_master");
        Callable<byte[]> kek;
        if (machineSlot) {
          kek = () -> Hkdf.derive(fileKey, storeId, "machine keyslot");
        } else {
          if (!Argon2id.type().equals(rs.getString("kdf_type"))) {
            continue;
          }
          Argon2id kdf;
          try {
            kdf =
                new Argon2id(
                    rs.getInt("kdf_memory_kib"),
                    rs.getInt("kdf_iterations"),
                    rs.getInt("kdf_parallelism"),
                    rs.getBytes("kdf_salt"));
          } catch (IllegalArgumentException weakened) {
            continue;
          }
          kek = () -> kdf.deriveKey(passphrase);
        }
        attempts.add(
            () -> {
              byte[] master = openSlot(kek.call(), wrappedPrivate, wrappedMaster, aad);
              return master == null ? null : new Slot(slotNo, owner, master);
            });
      }
    }
    return firstUnlocked(attempts);
  }

  /**
   * Tries the keyslots on all cores at once (each Argon2id run takes a few hundred milliseconds),
   * so unlocking stays near one derivation's time with a handful of users.
   */
  private static Slot firstUnlocked(List<Callable<Slot>> attempts) throws IOException {
    if (attempts.size() == 1) {
      try {
        return attempts.get(0).call();
      } catch (Exception e) {
        throw new IOException("cannot unlock the store", e);
      }
    }
    int threads = Math.min(attempts.size(), Runtime.getRuntime().availableProcessors());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, threads),
            task -> {
              Thread thread = new Thread(task, "dualcheck-unlock");
              thread.setDaemon(true);
              return thread;
            });
    try {
      CompletionService<Slot> results = new ExecutorCompletionService<>(pool);
      attempts.forEach(results::submit);
      for (int i = 0; i < attempts.size(); i++) {
        Slot slot = results.take().get();
        if (slot != null) {
          return slot;
        }
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while unlocking the store");
    } catch (ExecutionException e) {
      throw new IOException("cannot unlock the store", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The sealed master key of a slot, or null if the key does not open it. */
  private static byte[] openSlot(
      byte[] kek, byte[] wrappedPrivate, byte[] wrappedMaster, byte[] aad) {
    byte[] privateBytes = null;
    try {
      privateBytes = Aead.open(kek, wrappedPrivate, aad);
      PrivateKey slotKey = SealedBox.privateKey(privateBytes);
      return SealedBox.open(slotKey, wrappedMaster, aad);
    } catch (GeneralSecurityException e) {
      return null;
    } finally {
      Aead.wipe(kek, privateBytes);
    }
  }

  void addUser(String name, Role role, String staffId, char[] passphrase) throws IOException {
    try (WriterLock lock = WriterLock.acquire(store.dir())) {
      if (listUsers().stream().anyMatch(u -> u.name().equals(name))) {
        throw new IllegalArgumentException("a user with that name already exists");
      }
      store.transaction(
          () ->
              insertPassphraseSlot(
                  nextSlot(), new User(name, role, blankToNull(staffId)), passphrase));
    }
  }

  void removeUser(String name) throws IOException {
    try (WriterLock lock = WriterLock.acquire(store.dir())) {
      List<User> users = listUsers();
      User removed =
          users.stream()
              .filter(u -> u.name().equals(name))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("no user with that name"));
      if (removed.role() == Role.DIRECTOR
          && users.stream().filter(u -> u.role() == Role.DIRECTOR).count() == 1) {
        throw new IllegalArgumentException("cannot remove the last director");
      }
      store.transaction(
          () -> {
            try (PreparedStatement ps =
                store
                    .db()
                    .prepareStatement(
                        "DELETE FROM keyslot WHERE kind = 'user' AND user_name = ?")) {
              ps.setString(1, name);
              ps.executeUpdate();
            }
          });
    }
  }

  List<User> listUsers() throws IOException {
    List<User> users = new ArrayList<>();
    try (Statement st = store.db().createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT user_name, role, staff_id FROM keyslot WHERE kind = 'user' ORDER BY slot")) {
      while (rs.next()) {
        users.add(new User(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)));
      }
    } catch (SQLException e) {
      throw Store.sqlFailure(e);
    }
    return users;
  }

  /** Replaces the slot of the user who unlocked the store with one under the new passphrase. */
  void changePassphrase(int slot, User user, char[] newPassphrase)
      throws IOException, StoreAccessException {
    if (Store.MACHINE.equals(user.name()) && slotKind(slot).equals(Store.MACHINE)) {
      throw new StoreAccessException("the machine key has no passphrase");
    }
    try (WriterLock lock = WriterLock.acquire(store.dir())) {
      store.transaction(
          () -> {
            deleteSlot(slot);
            insertPassphraseSlot(slot, user, newPassphrase);
          });
    }
  }

  void addMachineKey(Path keyFile) throws IOException {
    byte[] fileKey = Aead.newKey();
    try (WriterLock lock = WriterLock.acquire(store.dir())) {
      Files.write(
          Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(Store.OWNER_ONLY_FILE)),
          fileKey);
      store.transaction(
          () -> {
            try (Statement st = store.db().createStatement()) {
              st.executeUpdate("DELETE FROM keyslot WHERE kind = 'machine'");
            }
            insertSlot(
                nextSlot(),
                Store.MACHINE,
                new User(Store.MACHINE, Role.DIRECTOR, null),
                null,
                Hkdf.derive(fileKey, store.storeId(), "machine keyslot"));
          });
    } catch (UnsupportedOperationException e) {
      throw new IOException("the key file needs a POSIX file system", e);
    } finally {
      Aead.wipe(fileKey);
    }
  }

  void insertPassphraseSlot(int slotNo, User owner, char[] passphrase)
      throws SQLException, GeneralSecurityException {
    if (passphrase == null || passphrase.length == 0) {
      throw new IllegalArgumentException("the passphrase is empty");
    }
    Argon2id kdf = Argon2id.withNewSalt();
    insertSlot(slotNo, "user", owner, kdf, kdf.deriveKey(passphrase));
  }

  private void insertSlot(int slotNo, String kind, User owner, Argon2id kdf, byte[] kek)
      throws SQLException, GeneralSecurityException {
    byte[] aad = slotAad(store.storeId(), slotNo, kind, owner);
    KeyPair slotKeys = SealedBox.newKeyPair();
    byte[] privateBytes = slotKeys.getPrivate().getEncoded();
    byte[] publicKey = slotKeys.getPublic().getEncoded();
    try (PreparedStatement ps =
        store
            .db()
            .prepareStatement(
                "INSERT INTO keyslot(slot, kind, user_name, role, staff_id, kdf_type,"
                    + " kdf_memory_kib, kdf_iterations, kdf_parallelism, kdf_salt, public_key,"
                    + " wrapped_private, wrapped_master, mac) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      ps.setInt(1, slotNo);
      ps.setString(2, kind);
      ps.setString(3, owner.name());
      ps.setString(4, owner.role().name());
      ps.setString(5, owner.staffId());
      ps.setString(6, kdf == null ? null : Argon2id.type());
      if (kdf == null) {
        for (int i = 7; i <= 10; i++) {
          ps.setNull(i, java.sql.Types.NULL);
        }
      } else {
        ps.setInt(7, kdf.memoryKib());
        ps.setInt(8, kdf.iterations());
        ps.setInt(9, kdf.parallelism());
        ps.setBytes(10, kdf.salt());
      }
      ps.setBytes(11, publicKey);
      ps.setBytes(12, Aead.seal(kek, privateBytes, aad));
      ps.setBytes(13, SealedBox.seal(slotKeys.getPublic(), masterPayload(), aad));
      ps.setBytes(14, slotMac(slotNo, kind, owner, publicKey));
      ps.executeUpdate();
    } finally {
      Aead.wipe(kek, privateBytes);
    }
  }

  /** The current master key with its version, as sealed into every slot. */
  byte[] masterPayload() {
    int keyVersion = store.currentVersion();
    return ByteBuffer.allocate(4 + Aead.KEY_BYTES)
        .putInt(keyVersion)
        .put(store.masterKey(keyVersion))
        .array();
  }

  /** Binds a slot's public key to its owner under the master key, checked before re-wrapping. */
  byte[] slotMac(int slotNo, String kind, User owner, byte[] publicKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(store.key(store.currentVersion(), KEYSLOT_LABEL), "HmacSHA256"));
      mac.update(slotAad(store.storeId(), slotNo, kind, owner));
      return mac.doFinal(publicKey);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  static byte[] slotAad(byte[] storeId, int slotNo, String kind, User owner) {
    String label =
        "dualcheck-keyslot\u0000"
            + slotNo
            + "\u0000"
            + kind
            + "\u0000"
            + owner.name()
            + "\u0000"
            + owner.role()
            + "\u0000"
            + (owner.staffId() == null ? "" : owner.staffId());
    byte[] text = label.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(storeId.length + text.length).put(storeId).put(text).array();
  }

  private int nextSlot() throws SQLException {
    try (Statement st = store.db().createStatement();
        ResultSet rs = st.executeQuery("SELECT coalesce(max(slot), 0) + 1 FROM keyslot")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private String slotKind(int slotNo) throws IOException {
    try (PreparedStatement ps =
        store.db().prepareStatement("SELECT kind FROM keyslot WHERE slot = ?")) {
      ps.setInt(1, slotNo);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : "";
      }
    } catch (SQLException e) {
      throw Store.sqlFailure(e);
    }
  }

  private void deleteSlot(int slotNo) throws SQLException {
    try (PreparedStatement ps = store.db().prepareStatement("DELETE FROM keyslot WHERE slot = ?")) {
      ps.setInt(1, slotNo);
      ps.executeUpdate();
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
