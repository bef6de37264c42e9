package dev.dualcheck.store;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and validates one import file of the contract (DESIGN.md, Import files). The whole file is
 * checked before anything is returned; the first problem is reported with file, line and column.
 */
public final class CsvRecords {
  static final String DATE_EXPECTED = "expected a date YYYY-MM-DD, YYYY-MM or YYYY";
  private static final Set<String> DATE_COLUMNS =
      Set.of("dob", "intake_date", "discharge_date", "date");
  private static final List<String> CONTACT_KINDS =
      List.of("intake", "referral", "acquaintance", "hire");
  private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

  private CsvRecords() {}

  /** Validates the file and returns its records in file order; empty cells are left out. */
  public static List<ClinicRecord> read(RecordKind kind, Path csv)
      throws IOException, CsvFormatException {
    List<ClinicRecord> records = new ArrayList<>();
    for (Row row : readRows(kind, csv)) {
      records.add(row.record());
    }
    return records;
  }

  /** A validated record and the line it starts on. */
  record Row(ClinicRecord record, long line) {}

  static List<Row> readRows(RecordKind kind, Path csv) throws IOException, CsvFormatException {
    return readRows(kind, csv, new StringReader(decodeUtf8(csv, Files.readAllBytes(csv))));
  }

  /** Decodes strict UTF-8, naming the line of the first byte that is not. */
  static String decodeUtf8(Path file, byte[] bytes) throws CsvFormatException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      long line = 1;
      for (int i = 0; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new CsvFormatException(file, line, null, "expected UTF-8 text");
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  /** Validates CSV text; file names the source in messages. */
  static List<Row> readRows(RecordKind kind, Path file, Reader reader)
      throws IOException, CsvFormatException {
    try (CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180)) {
      return new Reading(kind, file).read(parser);
    }
  }

  /**
   * Validates records another format produced exactly as CSV rows are validated (known columns,
   * dates, an id and a name, no duplicate ids); a tie's id is derived as for CSV. Returns them
   * cleaned, as rows numbered 0 (errors name the record instead of a line).
   */
  static List<Row> validate(Path source, List<ClinicRecord> records) throws CsvFormatException {
    List<Row> rows = new ArrayList<>();
    Map<RecordKind, Reading> readings = new HashMap<>();
    Map<String, ClinicRecord> seen = new HashMap<>();
    for (ClinicRecord record : records) {
      if (record.kind() == RecordKind.CONTACT) {
        throw new CsvFormatException(source, 0, null, record + ": contacts are never stored");
      }
      Reading reading = readings.computeIfAbsent(record.kind(), k -> new Reading(k, source));
      ClinicRecord clean = reading.toRecord(record);
      ClinicRecord earlier = seen.putIfAbsent(clean.kind() + "/" + clean.id(), clean);
      if (earlier != null) {
        throw new CsvFormatException(source, 0, null, clean + ": duplicate id");
      }
      rows.add(new Row(clean, 0));
    }
    return rows;
  }

  /**
   * Validates contacts another format produced (a vCard file, a plugin) as a contacts CSV is
   * validated, and returns them cleaned.
   */
  public static List<ClinicRecord> contacts(Path source, List<ClinicRecord> records)
      throws CsvFormatException {
    Reading reading = new Reading(RecordKind.CONTACT, source);
    List<ClinicRecord> clean = new ArrayList<>();
    Set<String> ids = new java.util.HashSet<>();
    for (ClinicRecord record : records) {
      if (record.kind() != RecordKind.CONTACT) {
        throw new CsvFormatException(source, 0, null, record + ": expected a contact");
      }
      ClinicRecord checked = reading.toRecord(record);
      if (!ids.add(checked.id())) {
        throw new CsvFormatException(source, 0, null, checked + ": duplicate id");
      }
      clean.add(checked);
    }
    return clean;
  }

  /** An error about a row: by line for CSV, by record otherwise. */
  static CsvFormatException fail(Path source, Row row, String column, String expected) {
    if (row.line() > 0) {
      return new CsvFormatException(source, row.line(), column, expected);
    }
    return new CsvFormatException(source, 0, null, row.record() + ", " + column + ": " + expected);
  }

  /** The stable id of a tie: staff id plus a hash of the normalised name and birth date. */
  static String tieId(String staffId, String given, String family, String dob) {
    String key = normalise(given) + "\u001f" + normalise(family) + "\u001f" + normalise(dob);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return staffId + "-" + HexFormat.of().formatHex(digest, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static String normalise(String value) {
    String folded = Normalizer.normalize(value == null ? "" : value, Normalizer.Form.NFKC);
    return collapseSpaces(folded.strip()).toLowerCase(Locale.ROOT);
  }

  /** Runs of white space become one space; most cells have none, so they are returned as is. */
  static String collapseSpaces(String value) {
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c)
          && (c != ' ' || i + 1 < value.length() && Character.isWhitespace(value.charAt(i + 1)))) {
        break;
      }
      i++;
    }
    if (i == value.length()) {
      return value;
    }
    StringBuilder collapsed = new StringBuilder(value.length()).append(value, 0, i);
    boolean inSpace = false;
    for (; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c)) {
        if (!inSpace) {
          collapsed.append(' ');
        }
        inSpace = true;
      } else {
        collapsed.append(c);
        inSpace = false;
      }
    }
    return collapsed.toString();
  }

  /** True for the contract's dates: {@code YYYY-MM-DD}, or {@code YYYY-MM} / {@code YYYY}. */
  public static boolean isDate(String value) {
    Matcher m = DATE.matcher(value);
    if (!m.matches()) {
      return false;
    }
    try {
      int year = Integer.parseInt(m.group(1));
      if (m.group(3) != null) {
        LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      } else if (m.group(2) != null) {
        YearMonth.of(year, Integer.parseInt(m.group(2)));
      }
      return year >= 1800;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static final class Reading {
    private final RecordKind kind;
    private final Path file;
    private List<String> header;
    private String label; // the record being checked, for records that have no line

    Reading(RecordKind kind, Path file) {
      this.kind = kind;
      this.file = file;
    }

    List<Row> read(CSVParser parser) throws CsvFormatException {
      Iterator<CSVRecord> rows = parser.iterator();
      if (!hasNext(rows, 1)) {
        throw fail(1, null, "expected a header row");
      }
      readHeader(rows.next());
      List<Row> records = new ArrayList<>();
      Map<String, Long> firstLine = new HashMap<>();
      while (true) {
        long line = parser.getCurrentLineNumber() + 1;
        if (!hasNext(rows, line)) {
          break;
        }
        CSVRecord row = rows.next();
        if (row.size() == 1 && row.get(0).isBlank()) {
          continue; // a blank line, e.g. at the end of the file
        }
        ClinicRecord record = toRecord(row, line);
        Long earlier = firstLine.putIfAbsent(record.id(), line);
        if (earlier != null) {
          String column = kind.idColumn() == null ? "staff_id" : kind.idColumn();
          throw fail(line, column, "duplicate id, first on line " + earlier);
        }
        records.add(new Row(record, line));
      }
      return records;
    }

    /** Reads ahead one record, naming the line where the text stops being CSV. */
    private boolean hasNext(Iterator<CSVRecord> rows, long line) throws CsvFormatException {
      try {
        return rows.hasNext();
      } catch (UncheckedIOException e) {
        throw fail(
            line,
            null,
            e.getCause() instanceof CharacterCodingException
                ? "expected UTF-8 text"
                : "malformed CSV (check the quotes)");
      }
    }

    private void readHeader(CSVRecord row) throws CsvFormatException {
      List<String> names = new ArrayList<>();
      for (String cell : row) {
        String name = names.isEmpty() ? stripBom(cell).strip() : cell.strip();
        if (!kind.columns().contains(name)) {
          throw fail(
              1, name, "unknown column, expected one of " + String.join(", ", kind.columns()));
        }
        if (names.contains(name)) {
          throw fail(1, name, "column appears twice");
        }
        names.add(name);
      }
      String id = kind.idColumn() == null ? "staff_id" : kind.idColumn();
      if (!names.contains(id)) {
        throw fail(1, id, "expected this column (the record id)");
      }
      if (kind.isPerson() && !names.contains("given_name") && !names.contains("family_name")) {
        throw fail(1, "given_name", "expected a given_name or family_name column");
      }
      if (kind == RecordKind.NOTE) {
        for (String required : List.of("client_id", "text")) {
          if (!names.contains(required)) {
            throw fail(1, required, "expected this column");
          }
        }
      }
      if (kind == RecordKind.ASSOCIATE && !names.contains("client_id")) {
        throw fail(1, "client_id", "expected this column");
      }
      header = names;
    }

    private static String stripBom(String cell) {
      return cell.startsWith("\uFEFF") ? cell.substring(1) : cell;
    }

    private ClinicRecord toRecord(CSVRecord row, long line) throws CsvFormatException {
      if (row.size() != header.size()) {
        throw fail(line, null, "expected " + header.size() + " values, found " + row.size());
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        String column = header.get(i);
        String value = clean(column, row.get(i), line);
        if (!value.isEmpty()) {
          fields.put(column, value);
        }
      }
      return checked(fields, line);
    }

    /** A record from another format, checked as a row; errors name it instead of a line. */
    ClinicRecord toRecord(ClinicRecord record) throws CsvFormatException {
      label = record.toString();
      Map<String, String> fields = new LinkedHashMap<>();
      for (Map.Entry<String, String> e : record.fields().entrySet()) {
        if (!kind.columns().contains(e.getKey())) {
          throw fail(0, e.getKey(), "unknown column for " + kind.fileName());
        }
        String value = clean(e.getKey(), e.getValue(), 0);
        if (!value.isEmpty()) {
          fields.put(e.getKey(), value);
        }
      }
      if (kind != RecordKind.TIE && kind.idColumn() != null) {
        fields.putIfAbsent(kind.idColumn(), record.id());
        if (!fields.get(kind.idColumn()).equals(record.id().strip())) {
          throw fail(0, kind.idColumn(), "expected the record's id");
        }
      }
      return checked(fields, 0);
    }

    private ClinicRecord checked(Map<String, String> fields, long line) throws CsvFormatException {
      String idColumn = kind.idColumn() == null ? "staff_id" : kind.idColumn();
      if (!fields.containsKey(idColumn)) {
        throw fail(line, idColumn, "expected an id");
      }
      if (kind.isPerson()
          && !fields.containsKey("given_name")
          && !fields.containsKey("family_name")) {
        throw fail(line, "given_name", "expected a given_name or family_name");
      }
      for (String required : List.of("client_id", "text")) {
        if ((kind == RecordKind.NOTE
                || kind == RecordKind.ASSOCIATE && required.equals("client_id"))
            && !fields.containsKey(required)) {
          throw fail(line, required, "expected a value");
        }
      }
      String id =
          kind == RecordKind.TIE
              ? tieId(
                  fields.get("staff_id"),
                  fields.get("given_name"),
                  fields.get("family_name"),
                  fields.get("dob"))
              : fields.get(idColumn);
      return new ClinicRecord(kind, id, fields);
    }

    private String clean(String column, String raw, long line) throws CsvFormatException {
      String value = column.equals("text") ? raw.strip() : collapseSpaces(raw.strip());
      if (value.isEmpty()) {
        return value;
      }
      if (DATE_COLUMNS.contains(column) && !isDate(value)) {
        throw fail(line, column, DATE_EXPECTED);
      }
      if (column.equals("kind") && kind == RecordKind.CONTACT) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!CONTACT_KINDS.contains(lower)) {
          throw fail(line, column, "expected one of " + String.join(", ", CONTACT_KINDS));
        }
        return lower;
      }
      if (column.equals("former_family_names")) {
        List<String> names = new ArrayList<>();
        for (String name : value.split(";")) {
          if (!name.isBlank()) {
            names.add(name.strip());
          }
        }
        return String.join(";", names);
      }
      return value;
    }

    private CsvFormatException fail(long line, String column, String expected) {
      if (line == 0 && label != null) {
        return new CsvFormatException(
            file, 0, null, label + (column == null ? "" : ", " + column) + ": " + expected);
      }
      return new CsvFormatException(file, line, column, expected);
    }
  }
}
