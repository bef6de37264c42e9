package dev.dualcheck.cli;

import dev.dualcheck.generator.ClinicGenerator;
import dev.dualcheck.store.RecordKind;
import dev.dualcheck.store.Store;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Prints import and index-update throughput (wall and thread CPU time) for generated staff,
 * clients, associates and notes; figures, not assertions. After {@code mvn -B -q -o -pl cli -am
 * test-compile}:
 *
 * <pre>
 * mvn -q -o -pl cli dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -XX:+UseSerialGC -Xmx2g -cp cli/target/test-classes:cli/target/classes:\
 * conflict-checker/target/classes:indexer/target/classes:encryption/target/classes:\
 * generator/target/classes:$(cat /tmp/cp.txt) dev.dualcheck.cli.ImportBenchmark 100000 /tmp/data
 * </pre>
 *
 * The data folder is generated (seed 42, 1 associate and 5 notes per client on average) when it
 * holds no clients.csv yet, so repeated runs import the same files.
 */
public final class ImportBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path data = Path.of(args.length > 1 ? args[1] : "/tmp/dualcheck-import-data");
    if (!Files.exists(data.resolve("clients.csv"))) {
      new ClinicGenerator(42)
          .clients(clients)
          .associatesPerClient(1.0)
          .notesPerClient(5.0)
          .contacts(0)
          .writeTo(data);
    }
    Path temp = Files.createTempDirectory("dualcheck-import-bench");
    try {
      Path dir = temp.resolve("store");
      char[] passphrase = "benchmark passphrase".toCharArray();
      try (Workspace workspace =
          Workspace.of(Store.create(dir, "dana", passphrase, "Bench Clinic", Clock.systemUTC()))) {
        run(workspace, RecordKind.STAFF, data.resolve("staff.csv"));
        run(workspace, RecordKind.CLIENT, data.resolve("clients.csv"));
        run(workspace, RecordKind.ASSOCIATE, data.resolve("associates.csv"));
        run(workspace, RecordKind.NOTE, data.resolve("notes.csv"));
        System.out.printf(
            Locale.ROOT, "store.db %.1f MB%n", Files.size(dir.resolve("store.db")) / 1e6);
      }
    } finally {
      try (Stream<Path> walk = Files.walk(temp)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void run(Workspace workspace, RecordKind kind, Path csv) throws Exception {
    double megabytes = Files.size(csv) / 1e6;
    long wall = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    int written = workspace.store.importCsv(kind, csv).size();
    double importWall = (System.nanoTime() - wall) / 1e9;
    double importCpu = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
    wall = System.nanoTime();
    cpu = THREADS.getCurrentThreadCpuTime();
    long indexed = workspace.update();
    double indexWall = (System.nanoTime() - wall) / 1e9;
    double indexCpu = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
    double processCpu = PROCESS.getProcessCpuTime() / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%-9s %7d rows %6.1f MB | import wall %6.2f s cpu %6.2f s: %7.0f rows/s %5.1f MB/s (cpu)"
            + " | index %7d wall %6.2f s cpu %6.2f s: %7.0f rows/s (cpu) | process cpu %.1f s%n",
        kind.name().toLowerCase(Locale.ROOT),
        written,
        megabytes,
        importWall,
        importCpu,
        written / importCpu,
        megabytes / importCpu,
        indexed,
        indexWall,
        indexCpu,
        indexed / indexCpu,
        processCpu);
  }
}
