package dev.dualcheck.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Prints unlock time and import throughput; figures, not assertions. Run after {@code mvn -pl
 * encryption -am test-compile}:
 *
 * <pre>
 * mvn -q -o -pl encryption dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp encryption/target/test-classes:encryption/target/classes:$(cat /tmp/cp.txt) \
 *     dev.dualcheck.store.StoreBenchmark 100000
 * </pre>
 */
public final class StoreBenchmark {
  private StoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path temp = Files.createTempDirectory("dualcheck-bench");
    try {
      Path dir = temp.resolve("store");
      char[] passphrase = "benchmark passphrase".toCharArray();
      long t0 = System.nanoTime();
      Store.create(dir, "dana", passphrase.clone(), "Bench Clinic", Clock.systemUTC()).close();
      print("create (Argon2id + keys + certificate)", t0);
      for (int i = 0; i < 3; i++) {
        long t = System.nanoTime();
        Store.open(dir, passphrase.clone(), Clock.systemUTC()).close();
        print("unlock, 1 user slot", t);
      }
      try (Store store = Store.open(dir, passphrase.clone(), Clock.systemUTC())) {
        store.addUser("sam", Role.CLINICIAN, "S0002", "second user".toCharArray());
        store.addUser("kim", Role.AUDITOR, null, "third user".toCharArray());
      }
      long t = System.nanoTime();
      Store.open(dir, "third user".toCharArray(), Clock.systemUTC()).close();
      print("unlock, 3rd of 3 user slots (worst case)", t);

      Path csv =
          SyntheticClinic.write(
              temp.resolve("clients.csv"), new SyntheticClinic(42).clients(clients));
      try (Store store = Store.open(dir, passphrase.clone(), Clock.systemUTC())) {
        long start = System.nanoTime();
        CsvRecords.read(RecordKind.CLIENT, csv);
        double validate = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "validate %d clients: %.2f s%n", clients, validate);
        start = System.nanoTime();
        int written = store.importCsv(RecordKind.CLIENT, csv).size();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "import %d clients: %.2f s, %.0f records/s, db %.1f MB%n",
            written,
            seconds,
            written / seconds,
            Files.size(dir.resolve(Store.DB_FILE)) / 1e6);
        start = System.nanoTime();
        long[] n = {0};
        store.forEach(RecordKind.CLIENT, r -> n[0]++);
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "forEach %d clients: %.2f s, %.0f records/s%n",
            n[0],
            seconds,
            n[0] / seconds);
        start = System.nanoTime();
        store.rotateKeys(ProgressListener.NONE);
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "rotate keys over %d records: %.2f s%n", n[0], seconds);
      }
    } finally {
      try (Stream<Path> walk = Files.walk(temp)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void print(String what, long startNanos) {
    System.out.printf(Locale.ROOT, "%s: %.0f ms%n", what, (System.nanoTime() - startNanos) / 1e6);
  }
}
