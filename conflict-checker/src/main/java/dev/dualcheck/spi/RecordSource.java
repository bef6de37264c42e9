package dev.dualcheck.spi;

import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.CsvFormatException;
import dev.dualcheck.store.RecordKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * An import format: turns an export file into records of the contract. Registered in {@code
 * META-INF/services/dev.dualcheck.spi.RecordSource}; the store validates what it returns as it
 * validates CSV rows, then imports everything in one transaction.
 */
public interface RecordSource {

  /** A short name for messages and {@code --format}, e.g. {@code fhir}. */
  String name();

  /** Whether this source reads the file (usually by its extension; it may peek at the start). */
  boolean accepts(Path file) throws IOException;

  /** The kinds of record this source can yield. */
  Set<RecordKind> kinds();

  /**
   * Reads the whole file. Errors name the file and the place in it, never a value.
   *
   * @param kind the kind the user asked for, or null to take every kind the file holds
   * @param options format options, e.g. {@code staff_id} for ties or {@code identifier_system}
   */
  List<ClinicRecord> read(Path file, RecordKind kind, Options options)
      throws IOException, CsvFormatException;
}
