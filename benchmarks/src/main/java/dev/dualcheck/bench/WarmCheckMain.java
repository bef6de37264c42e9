package dev.dualcheck.bench;

import dev.dualcheck.check.ConflictChecker;
import dev.dualcheck.check.Finding;
import dev.dualcheck.check.MatchSettings;
import dev.dualcheck.index.EncryptedDirectory;
import dev.dualcheck.index.PersonIndex;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.Purpose;
import dev.dualcheck.store.Store;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Single checks in one warm JVM, as a long-running service would answer them: unlocks the store and
 * opens its encrypted index once (both timed), checks {@code WARMUP} contacts untimed, then times
 * {@code ConflictChecker.check} for each of the first {@code N} contacts of the file (wall time,
 * the thread's CPU time, which other processes on a shared machine inflate less, and the bytes it
 * allocates per check, which they do not change at all), and a digest of the timed checks' findings
 * (contact, type, ref, level, score) to compare versions by. The passphrase comes from {@code
 * DUALCHECK_PASSPHRASE}. Prints {@code key=value} lines.
 *
 * <pre>
 * DUALCHECK_PASSPHRASE=… java -Xmx2g -cp benchmarks/target/benchmarks.jar \
 *     dev.dualcheck.bench.WarmCheckMain STORE_DIR contacts.csv 1000 300
 * </pre>
 */
public final class WarmCheckMain {
  private WarmCheckMain() {}

  public static void main(String[] args) throws Exception {
    StoreArgs parsed = StoreArgs.parse("WarmCheckMain", args);
    Path storeDir = parsed.store();
    List<ClinicRecord> contacts = parsed.contacts();
    int n = parsed.n();
    int warmup = parsed.warmup();
    char[] passphrase = passphrase();
    long t0 = System.nanoTime();
    try (Store store = Store.open(storeDir, passphrase, Clock.systemUTC())) {
      double unlock = (System.nanoTime() - t0) / 1e6;
      Arrays.fill(passphrase, '\0');
      byte[] key = store.purposeKey(Purpose.INDEX);
      long t1 = System.nanoTime();
      try (PersonIndex index =
          PersonIndex.open(EncryptedDirectory.open(storeDir.resolve("index"), key))) {
        double open = (System.nanoTime() - t1) / 1e6;
        Arrays.fill(key, (byte) 0);
        ConflictChecker checker = new ConflictChecker(index, MatchSettings.defaults());
        long t2 = System.nanoTime();
        checker.check(contacts.get(0));
        double first = (System.nanoTime() - t2) / 1e6;
        for (int i = 0; i < warmup; i++) {
          checker.check(contacts.get(contacts.size() - 1 - i % contacts.size()));
        }
        Latencies latencies = new Latencies(n);
        Latencies cpu = new Latencies(n);
        long findings = 0;
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long allocatedStart = allocatedBytes();
        for (int i = 0; i < n; i++) {
          long cpuStart = Latencies.cpuNanos();
          long start = System.nanoTime();
          List<Finding> found = checker.check(contacts.get(i));
          latencies.add(System.nanoTime() - start);
          cpu.add(Latencies.cpuNanos() - cpuStart);
          findings += found.size();
          for (Finding f : found) {
            digest.update(line(f).getBytes(StandardCharsets.UTF_8));
          }
        }
        double allocatedPerCheck = (allocatedBytes() - allocatedStart) / (double) n;
        System.out.printf(
            Locale.ROOT, "warm_allocated_kib_per_check=%.0f%n", allocatedPerCheck / 1024);
        System.out.printf(
            Locale.ROOT,
            "unlock_ms=%.0f%nindex_open_ms=%.0f%nfirst_check_ms=%.1f%nwarm_findings=%d%n"
                + "warm_findings_digest=%s%n",
            unlock,
            open,
            first,
            findings,
            HexFormat.of().formatHex(digest.digest(), 0, 8));
        latencies.print("warm");
        cpu.print("warm_cpu");
      }
    }
  }

  /**
   * What a finding says, for the digest that shows two versions find the same: the score exactly,
   * so that a change in candidate order that changes nothing else still shows as equal.
   */
  private static String line(Finding f) {
    return f.contactId()
        + ' '
        + f.type()
        + ' '
        + f.ref()
        + ' '
        + f.level()
        + ' '
        + f.score()
        + '\n';
  }

  /**
   * Bytes this thread allocated so far: unlike its CPU time, other processes do not disturb it, and
   * what a check allocates its scan pays for in collections.
   */
  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  static char[] passphrase() {
    String value = System.getenv("DUALCHECK_PASSPHRASE");
    if (value == null || value.isEmpty()) {
      System.err.println("set DUALCHECK_PASSPHRASE");
      System.exit(2);
    }
    return value.toCharArray();
  }
}
