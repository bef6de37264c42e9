package dev.dualcheck.bench;

import dev.dualcheck.names.Names;
import dev.dualcheck.names.Nicknames;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Name normalisation, per name: Unicode folding, family-name tokens (particles, hyphens), nickname
 * groups, phonetic codes; and folding a whole case note, as indexing does. The names are the
 * generator's clients (several cultures, accents, particles); {@code names} is how many distinct
 * ones cycle, so a per-name cache would show as a gap between sizes.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar NamesBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NamesBenchmark {

  @Param({"1000", "20000"})
  int names;

  private String[] given;
  private String[] family;
  private String[] foldedGiven;
  private String[] noteTexts;
  private int next;
  private int nextNote;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path dir = Fixtures.generate(names, 0);
    try {
      List<ClinicRecord> clients = Fixtures.read(RecordKind.CLIENT, dir);
      given = new String[clients.size()];
      family = new String[clients.size()];
      foldedGiven = new String[clients.size()];
      for (int i = 0; i < clients.size(); i++) {
        given[i] = clients.get(i).get("given_name");
        family[i] = clients.get(i).get("family_name");
        foldedGiven[i] = Names.fold(given[i]);
      }
      noteTexts =
          Fixtures.read(RecordKind.NOTE, dir).stream()
              .map(n -> n.get("text"))
              .toArray(String[]::new);
    } finally {
      Fixtures.delete(dir);
    }
  }

  private int next() {
    int i = next;
    next = i + 1 == given.length ? 0 : i + 1;
    return i;
  }

  @Benchmark
  public String fold() {
    return Names.fold(family[next()]);
  }

  /**
   * A case note's whole text, as indexing and note-mention checks fold it; about one note in ten
   * holds a non-ASCII character somewhere.
   */
  @Benchmark
  public String foldNoteText() {
    int i = nextNote;
    nextNote = i + 1 == noteTexts.length ? 0 : i + 1;
    return Names.fold(noteTexts[i]);
  }

  @Benchmark
  public List<String> familyTokens() {
    return Names.familyTokens(family[next()]);
  }

  @Benchmark
  public Set<String> nicknameGroups() {
    return Nicknames.groups(foldedGiven[next()]);
  }

  @Benchmark
  public String phonetic() {
    return Names.phonetic(foldedGiven[next()]);
  }
}
