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
    List<Map<String, String>> big = new SyntheticClinic(22).clients(20_100).subList(100, 20_100);
    Path csv = SyntheticClinic.write(temp.resolve("clients.csv"), big);
    Path wal = storeDir.resolve(Store.DB_FILE + "-wal");
    Set<Long> outcomes = new HashSet<>();
    boolean rolledBackAfterWrites = false;
    // kill while validating (0), then once the uncommitted transaction has spilled that many
    // bytes into the WAL: the kill lands in the middle of the writes
    long[] killAtWalBytes = {0, 64 << 10, 1 << 20, 4 << 20};
    for (long threshold : killAtWalBytes) {
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
      assertEquals("importing", out.readLine());
      while (threshold > 0 && child.isAlive() && walSize(wal) < threshold) {
        Thread.sleep(2);
      }
      child.destroyForcibly(); // SIGKILL on Linux
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      long walAtKill = walSize(wal);
      try (Store store = Store.open(storeDir, StoreIT.PASSPHRASE.clone(), StoreIT.CLOCK)) {
        long count = store.count(RecordKind.CLIENT);
        System.out.printf(
            java.util.Locale.ROOT, "killed at WAL %d bytes: %d clients%n", walAtKill, count);
        assertTrue(
            count == 100 || count == 20_000 + 100, "before or after, never between: " + count);
        List<ClinicRecord> all = new ArrayList<>();
        store.forEach(RecordKind.CLIENT, all::add);
        assertEquals(count, all.size());
        assertEquals(count, store.changeSequence());
        outcomes.add(count);
        rolledBackAfterWrites |= count == 100 && walAtKill > 0;
        if (count > 100) {
          break; // the import won the race: later kills would change nothing
        }
      }
    }
    assertTrue(rolledBackAfterWrites, "a kill landed after writes began and was rolled back");
    assertTrue(outcomes.contains(100L), "at least one kill landed before the commit");
  }

  private static long walSize(Path wal) {
    try {
      return java.nio.file.Files.size(wal);
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
