package dev.dualcheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit chain finds every edit, deletion, insertion, reordering and cut tail. */
class AuditLogIT {
  private static final int ENTRIES = 20;

  @TempDir Path temp;
  private Path storeDir;

  @BeforeEach
  void writeTwentyEntries() throws Exception {
    storeDir = temp.resolve("store");
    try (Store store =
        Store.create(storeDir, "dana", StoreIT.PASSPHRASE.clone(), "Test Clinic", StoreIT.CLOCK)) {
      for (int i = 1; i <= ENTRIES; i++) {
        store.audit("check", "contact", "K" + i, i + " findings");
      }
    }
  }

  private Store open() throws Exception {
    return Store.open(storeDir, StoreIT.PASSPHRASE.clone(), StoreIT.CLOCK);
  }

  private AuditVerification verify() throws Exception {
    try (Store store = open()) {
      return store.verifyAudit();
    }
  }

  private void sql(String... statements) throws Exception {
    try (Connection db =
            DriverManager.getConnection("jdbc:sqlite:" + storeDir.resolve(Store.DB_FILE));
        Statement st = db.createStatement()) {
      for (String statement : statements) {
        st.executeUpdate(statement);
      }
    }
  }

  private byte[] data(long entry) throws Exception {
    try (Connection db =
            DriverManager.getConnection("jdbc:sqlite:" + storeDir.resolve(Store.DB_FILE));
        PreparedStatement ps = db.prepareStatement("SELECT data FROM audit WHERE entry = ?")) {
      ps.setLong(1, entry);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        return rs.getBytes(1);
      }
    }
  }

  private void setData(long entry, byte[] data) throws Exception {
    try (Connection db =
            DriverManager.getConnection("jdbc:sqlite:" + storeDir.resolve(Store.DB_FILE));
        PreparedStatement ps = db.prepareStatement("UPDATE audit SET data = ? WHERE entry = ?")) {
      ps.setBytes(1, data);
      ps.setLong(2, entry);
      assertEquals(1, ps.executeUpdate());
    }
  }

  @Test
  void intactChainVerifies() throws Exception {
    AuditVerification result = verify();
    assertTrue(result.intact(), result.message());
    assertEquals(
        "audit chain intact: 20 entries, head signed at " + StoreIT.CLOCK.instant(),
        result.message());
  }

  @Test
  void entriesDecryptWithPseudonymousTargets() throws Exception {
    try (Store store = open()) {
      List<AuditEntry> entries = store.auditEntries(null);
      assertEquals(ENTRIES, entries.size());
      AuditEntry third = entries.get(2);
      assertEquals(3, third.number());
      assertEquals("check", third.action());
      assertEquals("dana", third.user());
      assertEquals("director", third.role());
      assertEquals(store.auditTarget("contact", "K3"), third.target());
      assertFalse(third.target().contains("K3"));
    }
  }

  @Test
  void nothingReadableOnDisk() throws Exception {
    String file =
        new String(
            Files.readAllBytes(storeDir.resolve(Store.DB_FILE)), StandardCharsets.ISO_8859_1);
    assertFalse(file.contains("findings"), "audit detail in clear");
    assertFalse(file.contains("dana\u0000check"), "audit user in clear");
  }

  @Test
  void editedEntry() throws Exception {
    byte[] data = data(7);
    data[data.length - 1] ^= 1;
    setData(7, data);
    assertBroken(
        "audit chain broken at entry 7: cannot be authenticated (edited, or moved from another"
            + " position)");
  }

  @Test
  void deletedEntry() throws Exception {
    sql("DELETE FROM audit WHERE entry = 7");
    assertBroken("audit chain broken at entry 7: missing (the next entry is 8)");
  }

  @Test
  void insertedEntry() throws Exception {
    // make room after entry 6 and put a copy of entry 6 there
    byte[] copy = data(6);
    sql(
        "UPDATE audit SET entry = entry + 1000 WHERE entry > 6",
        "UPDATE audit SET entry = entry - 999 WHERE entry > 1000");
    try (Connection db =
            DriverManager.getConnection("jdbc:sqlite:" + storeDir.resolve(Store.DB_FILE));
        PreparedStatement ps =
            db.prepareStatement("INSERT INTO audit(entry, key_version, data) VALUES (7, 1, ?)")) {
      ps.setBytes(1, copy);
      ps.executeUpdate();
    }
    assertBroken(
        "audit chain broken at entry 7: cannot be authenticated (edited, or moved from another"
            + " position)");
  }

  @Test
  void reorderedEntries() throws Exception {
    byte[] seventh = data(7);
    byte[] eighth = data(8);
    setData(7, eighth);
    setData(8, seventh);
    assertBroken(
        "audit chain broken at entry 7: cannot be authenticated (edited, or moved from another"
            + " position)");
  }

  @Test
  void truncatedTail() throws Exception {
    sql("DELETE FROM audit WHERE entry > 18");
    assertBroken("audit chain broken at entry 19: missing (the signed head covers 20 entries)");
  }

  @Test
  void tailCutTogetherWithTheSignedHead() throws Exception {
    sql("DELETE FROM audit WHERE entry > 18", "DELETE FROM meta WHERE name = 'audit_head'");
    assertBroken("audit chain broken at entry 1: the chain has no signed head");
  }

  @Test
  void failedUnlockIsFoldedIntoTheChain() throws Exception {
    StoreAccessException e =
        assertThrows(
            StoreAccessException.class,
            () -> Store.open(storeDir, "not the passphrase".toCharArray(), StoreIT.CLOCK));
    assertEquals("wrong passphrase", e.getMessage());
    try (Store store = open()) {
      List<AuditEntry> entries = store.auditEntries(null);
      AuditEntry last = entries.get(entries.size() - 1);
      assertEquals(ENTRIES + 1, last.number());
      assertEquals("unlock.failed", last.action());
      assertEquals("unknown", last.user());
      assertEquals("with a passphrase", last.detail());
      assertEquals(StoreIT.CLOCK.instant(), last.at());
      assertTrue(store.verifyAudit().intact());
    }
  }

  @Test
  void chainSurvivesKeyRotation() throws Exception {
    try (Store store = open()) {
      store.rotateKeys(ProgressListener.NONE);
      store.audit("keys.rotate", null, null, "");
    }
    AuditVerification result = verify();
    assertTrue(result.intact(), result.message());
    assertEquals(ENTRIES + 1, result.entries());
  }

  private void assertBroken(String expected) throws Exception {
    AuditVerification result = verify();
    assertFalse(result.intact());
    assertEquals(expected, result.message());
  }
}
