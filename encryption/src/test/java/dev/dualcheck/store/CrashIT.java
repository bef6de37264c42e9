package dev.dualcheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
      Process child = child(storeDir.toString(), new String(StoreIT.PASSPHRASE), csv.toString());
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

  @Test
  void anotherProcessHoldingTheLockIsWaitedForThenReported() throws Exception {
    Path storeDir = temp.resolve("store");
    Path csv =
        SyntheticClinic.write(temp.resolve("clients.csv"), new SyntheticClinic(23).clients(3));
    try (Store store =
        Store.create(
            storeDir, "dana", StoreIT.PASSPHRASE.clone(), "Riverside Counselling", StoreIT.CLOCK)) {
      Process holder = child("--hold-lock", storeDir.toString());
      try {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("locked", out.readLine());
        StoreInUseException e =
            assertThrows(StoreInUseException.class, () -> store.importCsv(RecordKind.CLIENT, csv));
        assertEquals("store is in use by another dualcheck command", e.getMessage());
        assertEquals(0, store.count(RecordKind.CLIENT));
      } finally {
        holder.destroyForcibly();
        holder.waitFor(30, TimeUnit.SECONDS);
      }
      // the operating system released the dead holder's lock
      assertEquals(3, store.importCsv(RecordKind.CLIENT, csv).size());
    }
  }

  private static Process child(String... args) throws java.io.IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ImportChild.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static long walSize(Path wal) {
    try {
      return java.nio.file.Files.size(wal);
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
