package dev.dualcheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import killed with SIGKILL at any moment leaves the store as it was, or fully imported. */
class CrashIT {
  @TempDir Path temp;

  @Test
  void anImportKilledMidwayLeavesAConsistentStore() throws Exception {
    Path storeDir = temp.resolve("store");
    List<Map<String, String>> first = new SyntheticClinic(21).clients(100);
    Store.create(
            storeDir, "dana", StoreIT.PASSPHRASE.clone(), "Riverside Counselling", StoreIT.CLOCK)
        .close();
    try (Store store = Store.open(storeDir, StoreIT.PASSPHRASE.clone(), StoreIT.CLOCK)) {
      store.importCsv(RecordKind.CLIENT, SyntheticClinic.write(temp.resolve("first.csv"), first));
    }
    List<Map<String, String>> big = new SyntheticClinic(22).clients(20_000);
    Path csv = SyntheticClinic.write(temp.resolve("clients.csv"), big);
    Set<Long> outcomes = new HashSet<>();
    long[] delaysMillis = {0, 150, 400, 800, 1500};
    for (long delay : delaysMillis) {
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  ImportChild.class.getName(),
                  storeDir.toString(),
                  new String(StoreIT.PASSPHRASE),
                  csv.toString())
              .redirectErrorStream(true)
              .start();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertEquals("importing", line);
      Thread.sleep(delay);
      child.destroyForcibly(); // SIGKILL on Linux
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      Path wal = storeDir.resolve(Store.DB_FILE + "-wal");
      System.out.printf(
          java.util.Locale.ROOT,
          "killed after %d ms, WAL %d bytes%n",
          delay,
          java.nio.file.Files.exists(wal) ? java.nio.file.Files.size(wal) : -1);
      try (Store store = Store.open(storeDir, StoreIT.PASSPHRASE.clone(), StoreIT.CLOCK)) {
        long count = store.count(RecordKind.CLIENT);
        assertTrue(count == 100 || count == 20_000, "before or after, never between: " + count);
        List<ClinicRecord> all = new ArrayList<>();
        store.forEach(RecordKind.CLIENT, all::add);
        assertEquals(count, all.size());
        assertEquals(count == 100 ? 100 : 20_100, store.changeSequence());
        outcomes.add(count);
        if (count == 20_000) {
          break; // the import won the race: later kills would change nothing
        }
      }
    }
    assertTrue(outcomes.contains(100L), "at least one kill landed before the commit");
  }
}
