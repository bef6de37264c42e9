package dev.dualcheck.bench;

import dev.dualcheck.check.ConflictChecker;
import dev.dualcheck.check.Finding;
import dev.dualcheck.check.MatchSettings;
import dev.dualcheck.index.EncryptedDirectory;
import dev.dualcheck.index.PersonIndex;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One contact checked end to end (candidate query, scoring, referral and note-mention searches)
 * against an index of {@code clients} clients with their associates, notes, staff and ties, held in
 * a {@code ByteBuffersDirectory} either plain ({@code heap}) or behind an {@link
 * EncryptedDirectory} ({@code encrypted}): the gap is the cost of decrypting index reads.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CheckBenchmark
 * java -jar benchmarks/target/benchmarks.jar CheckBenchmark -p clients=100000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CheckBenchmark {

  @Param({"2000", "20000"})
  int clients;

  @Param({"heap", "encrypted"})
  String directory;

  private List<ClinicRecord> contacts;
  private PersonIndex index;
  private ConflictChecker checker;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path dir = Fixtures.generate(clients, 1000);
    try {
      contacts = Fixtures.read(RecordKind.CONTACT, dir);
      index = Fixtures.index(directory(directory), Fixtures.records(dir));
      checker = new ConflictChecker(index, MatchSettings.defaults());
    } finally {
      Fixtures.delete(dir);
    }
  }

  static Directory directory(String kind) {
    Directory heap = new ByteBuffersDirectory();
    return switch (kind) {
      case "heap" -> heap;
      case "encrypted" -> new EncryptedDirectory(heap, key());
      default -> throw new IllegalArgumentException("unknown directory kind: " + kind);
    };
  }

  /** A fixed key: these benchmarks measure speed, never protect anything. */
  static byte[] key() {
    byte[] key = new byte[32];
    new Random(Fixtures.SEED).nextBytes(key);
    return key;
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    index.close();
  }

  @Benchmark
  public List<Finding> check() throws IOException {
    int i = next;
    next = i + 1 == contacts.size() ? 0 : i + 1;
    return checker.check(contacts.get(i));
  }
}
