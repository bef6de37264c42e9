package dev.dualcheck.spi;

import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.CsvFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where contacts to scan come from: a file of people to check, as records of kind {@code CONTACT}.
 * Registered in {@code META-INF/services/dev.dualcheck.spi.ContactSource}.
 */
public interface ContactSource {

  /** A short name for messages, e.g. {@code vcard}. */
  String name();

  /** Whether this source reads the file. */
  boolean accepts(Path file) throws IOException;

  /**
   * Reads every contact in the file.
   *
   * @param options e.g. {@code for_clinician} (the therapist asking) or {@code kind}
   */
  List<ClinicRecord> contacts(Path file, Options options) throws IOException, CsvFormatException;
}
