package dev.dualcheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a removed user or someone editing the keyslot table can and cannot do. */
class KeyslotIT {
  private static final char[] SAM = "lantern orchard 42".toCharArray();

  @TempDir Path temp;
  private Path storeDir;

  @BeforeEach
  void storeWithTwoUsers() throws Exception {
    storeDir = temp.resolve("store");
    try (Store store =
        Store.create(
            storeDir, "dana", StoreIT.PASSPHRASE.clone(), "Riverside Counselling", StoreIT.CLOCK)) {
      store.addUser("sam", Role.CLINICIAN, "S0002", SAM.clone());
    }
  }

  @Test
  void aRemovedUsersOldCopyCannotReadWhatIsWrittenAfterRotation() throws Exception {
    Path oldCopy = temp.resolve("sams-copy");
    Files.createDirectories(oldCopy);
    try (Stream<Path> files = Files.list(storeDir)) {
      for (Path file : files.toList()) {
        Files.copy(file, oldCopy.resolve(file.getFileName()));
      }
    }
    List<Map<String, String>> clients = new SyntheticClinic(31).clients(5);
    try (Store store = Store.open(storeDir, StoreIT.PASSPHRASE.clone(), StoreIT.CLOCK)) {
      store.removeUser("sam");
      store.rotateKeys(ProgressListener.NONE);
      store.importCsv(
          RecordKind.CLIENT, SyntheticClinic.write(temp.resolve("clients.csv"), clients));
    }
    // sam grafts the new rows into the copy his old passphrase still opens
    try (Connection from = TamperIT.connect(storeDir);
        Connection to = TamperIT.connect(oldCopy);
        PreparedStatement read = from.prepareStatement("SELECT * FROM record");
        ResultSet rs = read.executeQuery();
        PreparedStatement write =
            to.prepareStatement("INSERT INTO record VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      while (rs.next()) {
        for (int i = 1; i <= 8; i++) {
          write.setObject(i, rs.getObject(i));
        }
        write.executeUpdate();
      }
    }
    try (Store copy = Store.open(oldCopy, SAM.clone(), StoreIT.CLOCK)) {
      assertEquals("sam", copy.user().name());
      assertThrows(IntegrityException.class, () -> copy.forEach(RecordKind.CLIENT, r -> {}));
    }
  }

  @Test
  void aRoleEditedInTheKeyslotTableNoLongerUnlocks() throws Exception {
    try (Connection db = TamperIT.connect(storeDir)) {
      db.createStatement()
          .executeUpdate("UPDATE keyslot SET role = 'DIRECTOR' WHERE user_name = 'sam'");
    }
    assertThrows(
        StoreAccessException.class, () -> Store.open(storeDir, SAM.clone(), StoreIT.CLOCK));
    try (Store store = Store.open(storeDir, StoreIT.PASSPHRASE.clone(), StoreIT.CLOCK)) {
      assertEquals("dana", store.user().name());
    }
  }

  @Test
  void rotationRefusesAKeyslotWhosePublicKeyWasSwapped() throws Exception {
    // someone with write access plants their own public key in sam's slot, hoping the next
    // rotation seals the new master key to it
    try (Connection db = TamperIT.connect(storeDir)) {
      db.createStatement()
          .executeUpdate(
              "UPDATE keyslot SET public_key = (SELECT public_key FROM keyslot WHERE user_name = 'dana')"
                  + " WHERE user_name = 'sam'");
    }
    try (Store store = Store.open(storeDir, StoreIT.PASSPHRASE.clone(), StoreIT.CLOCK)) {
      IntegrityException e =
          assertThrows(IntegrityException.class, () -> store.rotateKeys(ProgressListener.NONE));
      assertEquals("store integrity check failed: keyslot 2", e.getMessage());
      assertEquals(1, store.keyVersion());
    }
    try (Store store = Store.open(storeDir, SAM.clone(), StoreIT.CLOCK)) {
      assertEquals(1, store.keyVersion(), "nothing changed: sam still unlocks");
    }
  }
}
