package dev.dualcheck.store;

import java.nio.file.Path;

/**
 * An import file that breaks the contract. The message names file, line and column and what was
 * expected, never the cell's value (it may be PHI).
 */
public final class CsvFormatException extends Exception {
  private final transient Path file;
  private final long line;
  private final String column;

  CsvFormatException(Path file, long line, String column, String expected) {
    super(describe(file, line, column, expected));
    this.file = file;
    this.line = line;
    this.column = column;
  }

  /** An error at a place that is not a line and column, e.g. a JSON pointer or a vCard number. */
  private CsvFormatException(Path file, String place, String expected) {
    super(file.getFileName() + ": " + place + ": " + expected);
    this.file = file;
    this.line = 0;
    this.column = null;
  }

  /**
   * An import error in another format: {@code place} locates it (a JSON pointer, "card 3, BDAY"),
   * {@code expected} says what should be there. Neither may quote the value.
   */
  public static CsvFormatException at(Path file, String place, String expected) {
    return new CsvFormatException(file, place, expected);
  }

  private static String describe(Path file, long line, String column, String expected) {
    StringBuilder message = new StringBuilder(String.valueOf(file.getFileName()));
    if (line > 0) {
      message.append(" line ").append(line);
    }
    if (column != null) {
      message.append(line > 0 ? ", column " : " column ").append(column);
    }
    return message.append(": ").append(expected).toString();
  }

  public Path file() {
    return file;
  }

  /** The 1-based line (the header is line 1), or 0 when the problem is the whole file. */
  public long line() {
    return line;
  }

  /** The column's name, or null when the problem is not one cell. */
  public String column() {
    return column;
  }
}
