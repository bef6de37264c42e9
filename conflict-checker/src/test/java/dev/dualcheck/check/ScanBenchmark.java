package dev.dualcheck.check;

import dev.dualcheck.generator.ClinicGenerator;
import dev.dualcheck.index.EncryptedDirectory;
import dev.dualcheck.index.PersonIndex;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.CsvRecords;
import dev.dualcheck.store.RecordKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * End-to-end scan speed on a large generated clinic (default 100,000 clients, 5 notes each): index
 * once into {@code DIR/index}, then scan the contacts and report contacts per second and the p50
 * and p95 latency of single warm checks. Prints a table; asserts nothing. Run from the repository
 * root after the build command of {@link AccuracyReport}:
 *
 * <pre>
 * java -Xmx2g -cp conflict-checker/target/test-classes:conflict-checker/target/classes:$(cat /tmp/dualcheck-test.cp) \
 *     dev.dualcheck.check.ScanBenchmark /tmp/dualcheck-bench
 * </pre>
 *
 * Properties: {@code -Dclients=100000 -DnotesPerClient=5 -Dcontacts=2000}, and {@code
 * -Ddirectory=encrypted} for the product's {@link EncryptedDirectory} (a fixed benchmark key, index
 * in {@code DIR/index-encrypted}) instead of a plain {@link FSDirectory}.
 */
public final class ScanBenchmark {

  private ScanBenchmark() {}

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/dualcheck-bench");
    int clients = Integer.getInteger("clients", 100_000);
    double notes = Double.parseDouble(System.getProperty("notesPerClient", "5"));
    int contacts = Integer.getInteger("contacts", 2000);
    Path data = dir.resolve("data");
    if (!Files.exists(data.resolve("truth.csv"))) {
      long t0 = System.nanoTime();
      new ClinicGenerator(7)
          .clients(clients)
          .contacts(contacts)
          .notesPerClient(notes)
          .writeTo(data);
      System.out.printf(Locale.ROOT, "generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
    boolean encrypted = "encrypted".equals(System.getProperty("directory", "plain"));
    Path indexDir = dir.resolve(encrypted ? "index-encrypted" : "index");
    Directory directory =
        encrypted
            ? EncryptedDirectory.open(
                indexDir, new byte[32]) // a benchmark key: generated data only
            : FSDirectory.open(indexDir);
    try (PersonIndex index = PersonIndex.open(directory)) {
      if (index.committedSequence() < 0) {
        long t0 = System.nanoTime();
        for (RecordKind kind :
            List.of(
                RecordKind.CLIENT,
                RecordKind.ASSOCIATE,
                RecordKind.NOTE,
                RecordKind.STAFF,
                RecordKind.TIE)) {
          for (ClinicRecord r : CsvRecords.read(kind, data.resolve(kind.fileName() + ".csv"))) {
            index.upsert(r);
          }
        }
        index.commit(1);
        System.out.printf(Locale.ROOT, "indexed in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      }
      System.out.printf(
          Locale.ROOT,
          "index: %d clients, %d associates, %d note versions%n",
          index.count(RecordKind.CLIENT),
          index.count(RecordKind.ASSOCIATE),
          index.count(RecordKind.NOTE));
      List<ClinicRecord> batch = CsvRecords.read(RecordKind.CONTACT, data.resolve("contacts.csv"));
      ConflictChecker checker = new ConflictChecker(index, MatchSettings.defaults());
      // warm up on the first quarter (also the JIT), then the rest: contacts this JVM has not
      // checked, whose candidates' records are not in any cache yet, as in a nightly scan
      int warm = batch.size() / 4;
      long cpu0 = processCpuNanos();
      checker.scan(batch.subList(0, warm), "warm", Instant.EPOCH, n -> {});
      long cpu1 = processCpuNanos();
      long f0 = System.nanoTime();
      checker.scan(batch.subList(warm, batch.size()), "fresh", Instant.EPOCH, n -> {});
      double freshSeconds = (System.nanoTime() - f0) / 1e9;
      long cpu2 = processCpuNanos();
      long t0 = System.nanoTime();
      ScanResult result = checker.scan(batch, "bench", Instant.EPOCH, n -> {});
      double seconds = (System.nanoTime() - t0) / 1e9;
      long cpu3 = processCpuNanos();
      int fresh = batch.size() - warm;
      // CPU, not wall time: the machine may be shared; includes the JIT and GC threads
      System.out.printf(
          Locale.ROOT,
          "cpu per check: warm-up %.2f ms (%d contacts), fresh %.2f ms (%d contacts, %.0f per"
              + " CPU-second, %.0f/s wall), repeat of all %.2f ms (%.0f per CPU-second)%n",
          (cpu1 - cpu0) / 1e6 / warm,
          warm,
          (cpu2 - cpu1) / 1e6 / fresh,
          fresh,
          fresh / ((cpu2 - cpu1) / 1e9),
          fresh / freshSeconds,
          (cpu3 - cpu2) / 1e6 / batch.size(),
          batch.size() / ((cpu3 - cpu2) / 1e9));
      long[] nanos = new long[batch.size()];
      for (int i = 0; i < batch.size(); i++) {
        long s = System.nanoTime();
        checker.check(batch.get(i));
        nanos[i] = System.nanoTime() - s;
      }
      Arrays.sort(nanos);
      java.util.Map<String, Integer> byType = new java.util.TreeMap<>();
      for (Finding f : result.findings()) {
        byType.merge(f.type().jsonName() + "/" + f.level().jsonName(), 1, Integer::sum);
      }
      System.out.println("findings by type and level: " + byType);
      Evaluation e =
          Evaluation.of(
              GeneratedClinicIndex.readTruth(data.resolve("truth.csv")),
              result.findings(),
              batch.size());
      System.out.print(e.table());
      System.out.printf(
          Locale.ROOT,
          "scan: %d contacts in %.2f s = %.0f contacts/s, %d findings; check p50 %.2f ms, p95 %.2f"
              + " ms, max %.2f ms%n",
          batch.size(),
          seconds,
          batch.size() / seconds,
          result.findings().size(),
          nanos[nanos.length / 2] / 1e6,
          nanos[(int) (nanos.length * 0.95)] / 1e6,
          nanos[nanos.length - 1] / 1e6);
    }
  }
}
