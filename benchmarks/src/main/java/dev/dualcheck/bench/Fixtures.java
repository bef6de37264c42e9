package dev.dualcheck.bench;

import dev.dualcheck.generator.ClinicGenerator;
import dev.dualcheck.index.PersonIndex;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.CsvFormatException;
import dev.dualcheck.store.CsvRecords;
import dev.dualcheck.store.RecordKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.store.Directory;

/** Synthetic clinics for the benchmarks: generated, read back and indexed in memory. */
final class Fixtures {
  /** One seed for every benchmark, so figures compare across runs and machines. */
  static final long SEED = 20261128L;

  /** Kinds in the order the store needs them (ties and notes refer to staff and clients). */
  static final List<RecordKind> INDEXED =
      List.of(
          RecordKind.STAFF,
          RecordKind.TIE,
          RecordKind.CLIENT,
          RecordKind.ASSOCIATE,
          RecordKind.NOTE);

  private Fixtures() {}

  /** Writes a clinic of {@code clients} clients and {@code contacts} contacts into a new folder. */
  static Path generate(int clients, int contacts) throws IOException {
    Path dir = Files.createTempDirectory("dualcheck-bench");
    new ClinicGenerator(SEED).clients(clients).contacts(contacts).writeTo(dir);
    return dir;
  }

  /** Every record of the indexed kinds in a generated folder. */
  static List<ClinicRecord> records(Path dir) throws IOException {
    List<ClinicRecord> all = new ArrayList<>();
    for (RecordKind kind : INDEXED) {
      all.addAll(read(kind, dir));
    }
    return all;
  }

  static List<ClinicRecord> read(RecordKind kind, Path dir) throws IOException {
    try {
      return CsvRecords.read(kind, dir.resolve(kind.fileName() + ".csv"));
    } catch (CsvFormatException e) {
      throw new IOException("generated file does not parse: " + e.getMessage(), e);
    }
  }

  /** An index over the records in {@code directory}, committed and searchable. */
  static PersonIndex index(Directory directory, List<ClinicRecord> records) throws IOException {
    PersonIndex index = PersonIndex.open(directory);
    for (ClinicRecord record : records) {
      index.upsert(record);
    }
    index.commit(1);
    return index;
  }

  static void delete(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
