package dev.dualcheck.bench;

import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.CsvFormatException;
import dev.dualcheck.store.CsvRecords;
import dev.dualcheck.store.RecordKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The arguments of the mains that time work on an existing store: {@code STORE_DIR CONTACTS_CSV N
 * WARMUP}; the first {@code n} contacts are timed after {@code warmup} untimed ones.
 */
record StoreArgs(Path store, List<ClinicRecord> contacts, int n, int warmup) {

  /** Parses {@code args}, or prints the usage of {@code main} and exits with status 2. */
  static StoreArgs parse(String main, String[] args) throws IOException, CsvFormatException {
    if (args.length != 4) {
      System.err.println("usage: " + main + " STORE_DIR CONTACTS_CSV N WARMUP");
      System.exit(2);
    }
    List<ClinicRecord> contacts = CsvRecords.read(RecordKind.CONTACT, Path.of(args[1]));
    return new StoreArgs(
        Path.of(args[0]),
        contacts,
        Math.min(Integer.parseInt(args[2]), contacts.size()),
        Integer.parseInt(args[3]));
  }
}
