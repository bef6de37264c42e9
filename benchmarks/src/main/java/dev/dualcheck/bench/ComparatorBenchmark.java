package dev.dualcheck.bench;

import dev.dualcheck.check.ConflictChecker;
import dev.dualcheck.check.Finding;
import dev.dualcheck.check.MatchSettings;
import dev.dualcheck.index.PersonIndex;
import dev.dualcheck.names.Names;
import dev.dualcheck.names.Nicknames;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.ByteBuffersDirectory;
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
 * Field comparison. The checker's comparators are package-private, so the public string comparators
 * (Jaro–Winkler, edit distance, nickname equivalence) are timed per pair of contact and client
 * names, and the whole scoring step through {@code ConflictChecker.check} on an in-memory index of
 * {@code clients} clients: small enough that the Lucene query is cheap and scoring the candidates
 * dominates (compare with {@link CheckBenchmark} at larger sizes).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ComparatorBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ComparatorBenchmark {

  @Param({"200", "2000"})
  int clients;

  private String[] left;
  private String[] right;
  private List<ClinicRecord> contacts;
  private PersonIndex index;
  private ConflictChecker checker;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path dir = Fixtures.generate(clients, 200);
    try {
      List<ClinicRecord> people = Fixtures.read(RecordKind.CLIENT, dir);
      contacts = Fixtures.read(RecordKind.CONTACT, dir);
      left = new String[contacts.size()];
      right = new String[contacts.size()];
      for (int i = 0; i < contacts.size(); i++) {
        left[i] = Names.fold(contacts.get(i).get("given_name"));
        right[i] = Names.fold(people.get(i % people.size()).get("given_name"));
      }
      index = Fixtures.index(new ByteBuffersDirectory(), Fixtures.records(dir));
      checker = new ConflictChecker(index, MatchSettings.defaults());
    } finally {
      Fixtures.delete(dir);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    index.close();
  }

  private int next() {
    int i = next;
    next = i + 1 == left.length ? 0 : i + 1;
    return i;
  }

  @Benchmark
  public double jaroWinkler() {
    int i = next();
    return Names.jaroWinkler(left[i], right[i]);
  }

  @Benchmark
  public int editDistance() {
    int i = next();
    return Names.editDistance(left[i], right[i]);
  }

  @Benchmark
  public boolean nicknameEquivalent() {
    int i = next();
    return Nicknames.equivalent(left[i], right[i]);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<Finding> scoreOneContact() throws IOException {
    return checker.check(contacts.get(next()));
  }
}
