package dev.dualcheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dualcheck.index.EncryptedDirectory;
import dev.dualcheck.index.PersonIndex;
import dev.dualcheck.spi.Options;
import dev.dualcheck.store.IntegrityException;
import dev.dualcheck.store.Purpose;
import dev.dualcheck.store.RecordKind;
import dev.dualcheck.store.Store;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index is only ever committed from a change feed that authenticated to its end. */
class IndexUpdateIT {
  private static final char[] PASSPHRASE = "index update passphrase".toCharArray();

  /** More than one page of the store's change feed (10,000 rows), so some pages are handed out. */
  private static final int LATER_CLIENTS = 10_200;

  @TempDir Path folder;

  @Test
  void aTamperedRowNearTheEndOfTheFeedLeavesTheIndexAtItsLastCommit() throws Exception {
    Path storeFolder = folder.resolve("store");
    Store.create(storeFolder, "director", PASSPHRASE.clone(), "Test", Clock.systemUTC()).close();
    long committed;
    try (Dualcheck dc = Dualcheck.open(storeFolder, PASSPHRASE.clone())) {
      assertEquals(
          100,
          dc.importFile(
              clients(folder.resolve("first.csv"), 1, 100),
              RecordKind.CLIENT,
              null,
              Options.none()));
      committed = dc.store().changeSequence();
    }
    try (Store store = Store.open(storeFolder, PASSPHRASE.clone(), Clock.systemUTC())) {
      Path later = clients(folder.resolve("later.csv"), 101, LATER_CLIENTS);
      assertEquals(LATER_CLIENTS, store.importCsv(RecordKind.CLIENT, later, record -> {}));
    }
    flipLastByteOfTheLastWrittenRow(storeFolder.resolve("store.db"));

    try (Dualcheck dc = Dualcheck.open(storeFolder, PASSPHRASE.clone())) {
      assertThrows(IntegrityException.class, dc::updateIndex);
      assertThrows(IntegrityException.class, dc::updateIndex, "the index reopens at its commit");
    } // closing must not commit what the writer held either

    try (Store store = Store.open(storeFolder, PASSPHRASE.clone(), Clock.systemUTC())) {
      byte[] key = store.purposeKey(Purpose.INDEX);
      try (PersonIndex index =
          PersonIndex.open(EncryptedDirectory.open(storeFolder.resolve("index"), key))) {
        assertEquals(committed, index.committedSequence());
        assertEquals(100, index.count(RecordKind.CLIENT), "no record of the failed feed");
      } finally {
        Arrays.fill(key, (byte) 0);
      }
    }
  }

  /** Obviously synthetic clients, ids from first to first + count - 1. */
  private static Path clients(Path file, int first, int count) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("client_id,given_name,family_name,dob\n");
      for (int i = first; i < first + count; i++) {
        out.write(String.format(Locale.ROOT, "C%06d,Testa%d,Probe%d,1980-01-01%n", i, i, i));
      }
    }
    return file;
  }

  private static void flipLastByteOfTheLastWrittenRow(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      long row;
      byte[] data;
      try (PreparedStatement ps =
              c.prepareStatement("SELECT row, data FROM record ORDER BY seq DESC LIMIT 1");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        row = rs.getLong(1);
        data = rs.getBytes(2);
      }
      data[data.length - 1] ^= 1;
      try (PreparedStatement ps = c.prepareStatement("UPDATE record SET data = ? WHERE row = ?")) {
        ps.setBytes(1, data);
        ps.setLong(2, row);
        assertEquals(1, ps.executeUpdate());
      }
    }
  }
}
