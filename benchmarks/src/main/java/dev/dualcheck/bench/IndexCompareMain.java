package dev.dualcheck.bench;

import dev.dualcheck.check.ConflictChecker;
import dev.dualcheck.check.MatchSettings;
import dev.dualcheck.index.EncryptedDirectory;
import dev.dualcheck.index.PersonIndex;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.CsvRecords;
import dev.dualcheck.store.RecordKind;
import dev.dualcheck.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;

/**
 * The same index built from the store twice, into a plain {@code MMapDirectory} and into an {@link
 * EncryptedDirectory} over NIOFS (as the CLI opens it), after an untimed warm-up build, then the
 * same checks run on both, alternating. Indexing time excludes reading and decrypting the store
 * (timed alone first and subtracted); CPU times count every thread, merges included. Prints {@code
 * key=value} lines; the folders are deleted afterwards.
 *
 * <pre>
 * DUALCHECK_PASSPHRASE=… java -Xmx4g -cp benchmarks/target/benchmarks.jar \
 *     dev.dualcheck.bench.IndexCompareMain STORE_DIR WORK_DIR contacts.csv 1000 300
 * </pre>
 */
public final class IndexCompareMain {
  private static final long WARMUP_RECORDS = 30_000;

  private IndexCompareMain() {}

  private interface Opener {
    Directory open(Path folder) throws IOException;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: IndexCompareMain STORE_DIR WORK_DIR CONTACTS_CSV N WARMUP");
      System.exit(2);
    }
    Path storeDir = Path.of(args[0]);
    Path work = Path.of(args[1]);
    List<ClinicRecord> contacts = CsvRecords.read(RecordKind.CONTACT, Path.of(args[2]));
    int n = Math.min(Integer.parseInt(args[3]), contacts.size());
    int warmup = Integer.parseInt(args[4]);
    Path plainFolder = work.resolve("plain-index");
    Path encryptedFolder = work.resolve("encrypted-index");
    Fixtures.delete(plainFolder);
    Fixtures.delete(encryptedFolder);
    char[] passphrase = WarmCheckMain.passphrase();
    try (Store store = Store.open(storeDir, passphrase, Clock.systemUTC())) {
      Arrays.fill(passphrase, '\0');
      long records = feed(store, null, Long.MAX_VALUE);
      long readStart = processCpuNanos();
      double read = seconds(() -> feed(store, null, Long.MAX_VALUE));
      double readCpu = (processCpuNanos() - readStart) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "records=%d%nstore_read_s=%.1f%nstore_read_cpu_s=%.1f%n",
          records,
          read,
          readCpu);
      byte[] key = CheckBenchmark.key();
      // the JIT compiles the analysis chain on a throwaway build, so the first timed one is not
      // penalised for going first
      try (PersonIndex warm = PersonIndex.open(new ByteBuffersDirectory())) {
        feed(store, warm, WARMUP_RECORDS);
        warm.commit(1);
      }
      try (PersonIndex plain = build(store, "plain", plainFolder, MMapDirectory::new, read);
          PersonIndex encrypted =
              build(
                  store,
                  "encrypted",
                  encryptedFolder,
                  f -> EncryptedDirectory.open(f, key),
                  read)) {
        System.out.printf(
            Locale.ROOT,
            "plain_index_bytes=%d%nencrypted_index_bytes=%d%n",
            size(plainFolder),
            size(encryptedFolder));
        ConflictChecker onPlain = new ConflictChecker(plain, MatchSettings.defaults());
        ConflictChecker onEncrypted = new ConflictChecker(encrypted, MatchSettings.defaults());
        for (int i = 0; i < warmup; i++) {
          ClinicRecord contact = contacts.get(contacts.size() - 1 - i % contacts.size());
          onPlain.check(contact);
          onEncrypted.check(contact);
        }
        // alternate, so that noise from other processes falls on both alike
        Latencies plainTimes = new Latencies(n);
        Latencies encryptedTimes = new Latencies(n);
        Latencies plainCpu = new Latencies(n);
        Latencies encryptedCpu = new Latencies(n);
        for (int i = 0; i < n; i++) {
          ClinicRecord contact = contacts.get(i);
          long c0 = Latencies.cpuNanos();
          long t0 = System.nanoTime();
          onPlain.check(contact);
          long t1 = System.nanoTime();
          long c1 = Latencies.cpuNanos();
          onEncrypted.check(contact);
          long t2 = System.nanoTime();
          long c2 = Latencies.cpuNanos();
          plainTimes.add(t1 - t0);
          encryptedTimes.add(t2 - t1);
          plainCpu.add(c1 - c0);
          encryptedCpu.add(c2 - c1);
        }
        plainTimes.print("plain_query");
        encryptedTimes.print("encrypted_query");
        plainCpu.print("plain_query_cpu");
        encryptedCpu.print("encrypted_query_cpu");
      }
    } finally {
      Fixtures.delete(plainFolder);
      Fixtures.delete(encryptedFolder);
    }
  }

  private static PersonIndex build(
      Store store, String label, Path folder, Opener opener, double readSeconds)
      throws IOException {
    Files.createDirectories(folder);
    long c0 = processCpuNanos();
    long t0 = System.nanoTime();
    PersonIndex index = PersonIndex.open(opener.open(folder));
    long records = feed(store, index, Long.MAX_VALUE);
    index.commit(1);
    double total = (System.nanoTime() - t0) / 1e9;
    double cpu = (processCpuNanos() - c0) / 1e9;
    double indexing = Math.max(total - readSeconds, 1e-3);
    System.out.printf(
        Locale.ROOT,
        "%s_build_s=%.1f%n%s_build_cpu_s=%.1f%n%s_indexing_s=%.1f%n%s_indexing_per_s=%.0f%n",
        label,
        total,
        label,
        cpu,
        label,
        indexing,
        label,
        records / indexing);
    return index;
  }

  /** Hands the latest records, up to limit, to the index (or only counts them when it is null). */
  private static long feed(Store store, PersonIndex index, long limit) throws IOException {
    long[] count = {0};
    try {
      for (RecordKind kind : Fixtures.INDEXED) {
        store.forEach(
            kind,
            record -> {
              if (count[0] >= limit) {
                return;
              }
              count[0]++;
              if (index != null) {
                try {
                  index.upsert(record);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }
            });
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return count[0];
  }

  private interface Timed {
    void run() throws IOException;
  }

  private static double seconds(Timed timed) throws IOException {
    long t0 = System.nanoTime();
    timed.run();
    return (System.nanoTime() - t0) / 1e9;
  }

  /** CPU time of the whole process: merges run on Lucene's own threads. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long size(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
