package dev.dualcheck.check;

import dev.dualcheck.generator.ClinicGenerator;
import dev.dualcheck.index.PersonIndex;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.CsvRecords;
import dev.dualcheck.store.RecordKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;

/** A generated clinic loaded into an in-memory index, with its contacts and planted truth. */
final class GeneratedClinicIndex implements AutoCloseable {

  /** One planted conflict: contact, type and referenced id. */
  record Truth(String contactId, ConflictType type, String ref) {}

  final PersonIndex index;
  final List<ClinicRecord> contacts;
  final Set<Truth> truth;

  private GeneratedClinicIndex(PersonIndex index, List<ClinicRecord> contacts, Set<Truth> truth) {
    this.index = index;
    this.contacts = contacts;
    this.truth = truth;
  }

  static GeneratedClinicIndex generate(long seed, int clients, int contacts, Path dir)
      throws Exception {
    new ClinicGenerator(seed).clients(clients).contacts(contacts).writeTo(dir);
    PersonIndex index = PersonIndex.open(new ByteBuffersDirectory());
    try {
      for (RecordKind kind :
          List.of(
              RecordKind.CLIENT,
              RecordKind.ASSOCIATE,
              RecordKind.NOTE,
              RecordKind.STAFF,
              RecordKind.TIE)) {
        for (ClinicRecord record : CsvRecords.read(kind, dir.resolve(kind.fileName() + ".csv"))) {
          index.upsert(record);
        }
      }
      index.commit(1);
      List<ClinicRecord> contactRecords =
          CsvRecords.read(RecordKind.CONTACT, dir.resolve("contacts.csv"));
      return new GeneratedClinicIndex(index, contactRecords, readTruth(dir.resolve("truth.csv")));
    } catch (Exception e) {
      index.close();
      throw e;
    }
  }

  static Set<Truth> readTruth(Path file) throws IOException {
    Set<Truth> truth = new HashSet<>();
    List<String> lines = Files.readAllLines(file);
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      if (cells.length == 3 && !cells[1].isEmpty()) {
        truth.add(new Truth(cells[0], ConflictType.fromJsonName(cells[1]), cells[2]));
      }
    }
    return truth;
  }

  /** Checks every contact; the findings of all. */
  List<Finding> checkAll(ConflictChecker checker) throws IOException {
    List<Finding> findings = new ArrayList<>();
    for (ClinicRecord contact : contacts) {
      findings.addAll(checker.check(contact));
    }
    return findings;
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
