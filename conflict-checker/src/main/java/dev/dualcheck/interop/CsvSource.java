package dev.dualcheck.interop;

import dev.dualcheck.spi.ContactSource;
import dev.dualcheck.spi.Options;
import dev.dualcheck.spi.PluginException;
import dev.dualcheck.spi.RecordSource;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.CsvFormatException;
import dev.dualcheck.store.CsvRecords;
import dev.dualcheck.store.RecordKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The contract's CSV files (DESIGN.md, Import files), through the same SPI as other formats. The
 * kind comes from the caller or else from the file name ({@code clients-2026-11-27.csv}).
 */
public final class CsvSource implements RecordSource, ContactSource {

  @Override
  public String name() {
    return "csv";
  }

  @Override
  public boolean accepts(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  @Override
  public Set<RecordKind> kinds() {
    return EnumSet.complementOf(EnumSet.of(RecordKind.CONTACT));
  }

  @Override
  public List<ClinicRecord> read(Path file, RecordKind kind, Options options)
      throws IOException, CsvFormatException {
    RecordKind actual = kind != null ? kind : kindByName(file);
    return CsvRecords.read(actual, file);
  }

  @Override
  public List<ClinicRecord> contacts(Path file, Options options)
      throws IOException, CsvFormatException {
    return CsvRecords.read(RecordKind.CONTACT, file);
  }

  private static RecordKind kindByName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    for (RecordKind kind : RecordKind.values()) {
      if (kind != RecordKind.CONTACT && name.startsWith(kind.fileName())) {
        return kind;
      }
    }
    throw new PluginException(
        "say which kind "
            + file.getFileName()
            + " holds: clients, associates, notes, staff or ties");
  }
}
