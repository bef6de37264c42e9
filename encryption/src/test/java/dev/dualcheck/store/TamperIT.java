package dev.dualcheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every change made to the database behind dualcheck's back is found, naming only the row. */
class TamperIT {
  @TempDir Path temp;
  private Path storeDir;
  private List<Map<String, String>> clients;

  @BeforeEach
  void importClients() throws Exception {
    storeDir = temp.resolve("store");
    clients = new SyntheticClinic(11).clients(10);
    try (Store store =
        Store.create(
            storeDir, "dana", StoreIT.PASSPHRASE.clone(), "Riverside Counselling", StoreIT.CLOCK)) {
      store.importCsv(
          RecordKind.CLIENT, SyntheticClinic.write(temp.resolve("clients.csv"), clients));
    }
  }

  private Store open() throws Exception {
    return Store.open(storeDir, StoreIT.PASSPHRASE.clone(), StoreIT.CLOCK);
  }

  private IntegrityException bulkReadFails() throws Exception {
    try (Store store = open()) {
      List<ClinicRecord> handedOut = new ArrayList<>();
      IntegrityException e =
          assertThrows(
              IntegrityException.class, () -> store.forEach(RecordKind.CLIENT, handedOut::add));
      assertEquals(List.of(), handedOut, "nothing handed out before the failure");
      assertThrows(IntegrityException.class, () -> store.forEachChangedSince(0, handedOut::add));
      assertEquals(List.of(), handedOut);
      for (Map<String, String> client : clients) {
        for (String value : client.values()) {
          if (value.length() >= 4) {
            assertTrue(!e.getMessage().contains(value), "no PHI in the message");
          }
        }
      }
      return e;
    }
  }

  @Test
  void aChangedCiphertextIsFound() throws Exception {
    byte[] data = data(storeDir, 5);
    data[20] ^= 0x01;
    setData(storeDir, 5, data);
    assertEquals("store integrity check failed: record 5", bulkReadFails().getMessage());
    try (Store store = open()) {
      assertThrows(IntegrityException.class, () -> store.get(RecordKind.CLIENT, "C000005"));
      assertEquals(
          clients.get(3).get("family_name"),
          store.get(RecordKind.CLIENT, "C000004").orElseThrow().get("family_name"));
    }
  }

  @Test
  void aCiphertextMovedToAnotherRowIsFound() throws Exception {
    byte[] three = data(storeDir, 3);
    byte[] four = data(storeDir, 4);
    setData(storeDir, 3, four);
    setData(storeDir, 4, three);
    assertEquals("store integrity check failed: record 3", bulkReadFails().getMessage());
  }

  @Test
  void aRowFromAnotherStoreIsFound() throws Exception {
    Path other = temp.resolve("other");
    try (Store store =
        Store.create(
            other, "dana", StoreIT.PASSPHRASE.clone(), "Riverside Counselling", StoreIT.CLOCK)) {
      store.importCsv(RecordKind.CLIENT, SyntheticClinic.write(temp.resolve("other.csv"), clients));
    }
    try (Connection from = connect(other);
        Connection to = connect(storeDir);
        PreparedStatement read =
            from.prepareStatement("SELECT lookup, data FROM record WHERE row = 2");
        ResultSet rs = read.executeQuery();
        PreparedStatement write =
            to.prepareStatement("UPDATE record SET lookup = ?, data = ? WHERE row = 2")) {
      assertTrue(rs.next());
      write.setBytes(1, rs.getBytes(1));
      write.setBytes(2, rs.getBytes(2));
      assertEquals(1, write.executeUpdate());
    }
    assertEquals("store integrity check failed: record 2", bulkReadFails().getMessage());
  }

  @Test
  void anEditedVersionOrKindIsFound() throws Exception {
    try (Connection db = connect(storeDir)) {
      db.createStatement().executeUpdate("UPDATE record SET version = 2 WHERE row = 7");
    }
    assertEquals("store integrity check failed: record 7", bulkReadFails().getMessage());
    try (Connection db = connect(storeDir)) {
      db.createStatement()
          .executeUpdate("UPDATE record SET version = 1, kind = 'STAFF' WHERE row = 7");
    }
    try (Store store = open()) {
      assertThrows(IntegrityException.class, () -> store.forEach(RecordKind.STAFF, r -> {}));
      assertEquals(9, store.count(RecordKind.CLIENT));
    }
  }

  @Test
  void aSwappedClinicNameIsFound() throws Exception {
    try (Connection db = connect(storeDir)) {
      db.createStatement()
          .executeUpdate(
              "UPDATE meta SET value = (SELECT value FROM meta WHERE name = 'signing') WHERE name = 'clinic'");
    }
    IntegrityException e = assertThrows(IntegrityException.class, this::open);
    assertEquals("store integrity check failed: metadata clinic", e.getMessage());
  }

  static Connection connect(Path dir) throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.DB_FILE));
  }

  static byte[] data(Path dir, long row) throws Exception {
    try (Connection db = connect(dir);
        PreparedStatement ps = db.prepareStatement("SELECT data FROM record WHERE row = ?")) {
      ps.setLong(1, row);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        return rs.getBytes(1);
      }
    }
  }

  static void setData(Path dir, long row, byte[] data) throws Exception {
    try (Connection db = connect(dir);
        PreparedStatement ps = db.prepareStatement("UPDATE record SET data = ? WHERE row = ?")) {
      ps.setBytes(1, data);
      ps.setLong(2, row);
      assertEquals(1, ps.executeUpdate());
    }
  }
}
