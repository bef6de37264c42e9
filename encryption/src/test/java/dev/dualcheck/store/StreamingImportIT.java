package dev.dualcheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports and change feeds of files far larger than a small heap: streamed, still validated whole
 * before anything is written, still authenticated before anything is handed out.
 */
class StreamingImportIT {
  private static final int CLIENTS = 500;

  /** Filler that makes each note about 500 bytes, like a short real note. */
  private static final String PLAN =
      " Plan: review goals, sleep diary, breathing exercise, next session in two weeks.".repeat(5);

  @TempDir Path temp;
  private Path storeDir;
  private List<String> clientIds;

  @BeforeEach
  void storeWithClients() throws Exception {
    storeDir = temp.resolve("store");
    List<Map<String, String>> clients = new SyntheticClinic(7).clients(CLIENTS);
    clientIds = new ArrayList<>();
    clients.forEach(c -> clientIds.add(c.get("client_id")));
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

  /** Writes notes row by row (never the whole file in memory); lastRow, if given, ends the file. */
  private Path notes(int count, String lastRow) throws IOException {
    Path file = temp.resolve("notes.csv");
    SyntheticClinic names = new SyntheticClinic(3);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("note_id,client_id,author_id,date,text\n");
      for (int i = 1; i <= count; i++) {
        out.write(
            "N"
                + i
                + ","
                + clientIds.get(i % CLIENTS)
                + ",S0001,"
                + names.date(2015, 2026)
                + ",\"Session with "
                + names.name()
                + "."
                + PLAN
                + "\"\n");
      }
      if (lastRow != null) {
        out.write(lastRow + "\n");
      }
    }
    return file;
  }

  @Test
  void twoHundredThousandNotesImportAndFeedInA256MibHeap() throws Exception {
    int count = 200_000;
    Path csv = notes(count, null);
    assertTrue(Files.size(csv) > 80_000_000, "the file alone is not far from the heap size");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            ImportChild.class.getName(),
            storeDir.toString(),
            new String(StoreIT.PASSPHRASE),
            csv.toString(),
            RecordKind.NOTE.name());
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertTrue(child.waitFor(10, TimeUnit.MINUTES), "the child finishes");
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, child.exitValue(), output);
    assertTrue(
        output.contains("done " + count + " written, " + (CLIENTS + count) + " in the feed"),
        output);
    try (Store store = open()) {
      assertEquals(count, store.count(RecordKind.NOTE));
    }
  }

  @Test
  void duplicateIdOnTheLastLineOfABigFileChangesNothing() throws Exception {
    int count = 30_000;
    Path csv = notes(count, "N17," + "C000001" + ",S0001,2020-01-01,again");
    assertFailsAtTheEndChangingNothing(csv, count + 2, "note_id", "duplicate id, first on line 18");
  }

  @Test
  void badDateOnTheLastLineOfABigFileChangesNothing() throws Exception {
    int count = 30_000;
    Path csv = notes(count, "N" + (count + 1) + "," + "C000001" + ",S0001,2020-02-30,late");
    assertFailsAtTheEndChangingNothing(csv, count + 2, "date", CsvRecords.DATE_EXPECTED);
  }

  private void assertFailsAtTheEndChangingNothing(
      Path csv, long line, String column, String expected) throws Exception {
    try (Store store = open()) {
      long sequence = store.changeSequence();
      CsvFormatException e =
          assertThrows(
              CsvFormatException.class,
              () ->
                  store.importCsv(
                      RecordKind.NOTE,
                      csv,
                      record -> {
                        throw new AssertionError("nothing may be written");
                      }));
      assertEquals(line, e.line());
      assertEquals(
          "notes.csv line " + line + ", column " + column + ": " + expected, e.getMessage());
      assertEquals(0, store.countVersions(RecordKind.NOTE));
      assertEquals(sequence, store.changeSequence());
    }
  }

  @Test
  void aTamperedRowInALaterPageStopsTheFeedAfterTheAuthenticatedPages() throws Exception {
    int count = Store.CHANGE_PAGE + 500;
    Path csv = notes(count, null);
    try (Store store = open()) {
      assertEquals(count, store.importCsv(RecordKind.NOTE, csv, record -> {}));
    }
    long lastRow = CLIENTS + count; // a first import writes rows in sequence order
    byte[] data = TamperIT.data(storeDir, lastRow);
    data[data.length - 1] ^= 1;
    TamperIT.setData(storeDir, lastRow, data);
    try (Store store = open()) {
      List<ClinicRecord> handedOut = new ArrayList<>();
      assertThrows(IntegrityException.class, () -> store.forEachChangedSince(0, handedOut::add));
      assertEquals(Store.CHANGE_PAGE, handedOut.size(), "only whole authenticated pages");
    }
  }
}
