package dev.dualcheck.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
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
import java.security.SecureRandom;
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
import org.apache.commons.csv.CSVException;
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
    scan(kind, csv, true, row -> records.add(row.record()));
    return records;
  }

  /** A validated record and the line it starts on. */
  record Row(ClinicRecord record, long line) {}

  /** Receives validated rows one at a time. */
  @FunctionalInterface
  interface RowSink {
    void accept(Row row) throws IOException, CsvFormatException;
  }

  static List<Row> readRows(RecordKind kind, Path csv) throws IOException, CsvFormatException {
    List<Row> rows = new ArrayList<>();
    scan(kind, csv, true, rows::add);
    return rows;
  }

  /**
   * Validates the file in one streaming pass, handing each row to the sink as soon as it is valid,
   * and returns the SHA-256 of the file's bytes (so a second pass can prove it read the same file).
   * Only a fixed buffer and, with checkDuplicates, 16 bytes per id are held.
   */
  static byte[] scan(RecordKind kind, Path csv, boolean checkDuplicates, RowSink sink)
      throws IOException, CsvFormatException {
    MessageDigest sha256 = sha256();
    try (InputStream in = Files.newInputStream(csv);
        Utf8Reader reader = new Utf8Reader(in, sha256)) {
      readRows(kind, csv, reader, checkDuplicates, sink);
    }
    return sha256.digest();
  }

  /** Decodes strict UTF-8, naming the line of the first byte that is not. */
  static String decodeUtf8(Path file, byte[] bytes) throws IOException, CsvFormatException {
    StringBuilder text = new StringBuilder(bytes.length);
    char[] buffer = new char[8192];
    try (Utf8Reader reader = new Utf8Reader(new ByteArrayInputStream(bytes), sha256())) {
      for (int n; (n = reader.read(buffer)) >= 0; ) {
        text.append(buffer, 0, n);
      }
    } catch (BadUtf8 e) {
      throw new CsvFormatException(file, e.line, null, "expected UTF-8 text");
    }
    return text.toString();
  }

  /** Validates CSV text; file names the source in messages. */
  static List<Row> readRows(RecordKind kind, Path file, Reader reader)
      throws IOException, CsvFormatException {
    List<Row> rows = new ArrayList<>();
    readRows(kind, file, reader, true, rows::add);
    return rows;
  }

  private static void readRows(
      RecordKind kind, Path file, Reader reader, boolean checkDuplicates, RowSink sink)
      throws IOException, CsvFormatException {
    try (CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180)) {
      new Reading(kind, file).read(parser, checkDuplicates ? new IdLines() : null, sink);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** The decoder met a byte sequence that is not UTF-8; line counts from 1. */
  static final class BadUtf8 extends CharacterCodingException {
    private static final long serialVersionUID = 1L;
    final long line;

    BadUtf8(long line) {
      this.line = line;
    }
  }

  /**
   * Strict streaming UTF-8 decoding (a {@link java.io.InputStreamReader} would not say where a bad
   * byte is): counts the lines it has decoded, so a bad byte is reported with its line, and feeds
   * every byte it reads to a digest.
   */
  static final class Utf8Reader extends Reader {
    private final InputStream in;
    private final MessageDigest digest;
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private long newlines;
    private int pending = -1; // the second char of a pair read one char at a time
    private boolean eof;
    private boolean flushed;

    Utf8Reader(InputStream in, MessageDigest digest) {
      this.in = in;
      this.digest = digest;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (pending >= 0) {
        cbuf[off] = (char) pending; // a low surrogate, already counted (it is no newline)
        pending = -1;
        return 1;
      }
      if (len == 1) {
        // a character outside the BMP needs two chars: the decoder could not make progress
        char[] two = new char[2];
        int n = read(two, 0, 2);
        if (n > 0) {
          cbuf[off] = two[0];
          pending = n == 2 ? two[1] : -1;
          return 1;
        }
        return n;
      }
      CharBuffer out = CharBuffer.wrap(cbuf, off, len);
      while (out.position() == off) {
        if (flushed) {
          return -1;
        }
        CoderResult result = decoder.decode(bytes, out, eof);
        if (result.isError()) {
          countNewlines(cbuf, off, out.position());
          throw new BadUtf8(newlines + 1);
        }
        if (result.isUnderflow()) {
          if (eof) {
            decoder.flush(out);
            flushed = true;
          } else {
            fill();
          }
        }
      }
      countNewlines(cbuf, off, out.position());
      return out.position() - off;
    }

    private void fill() throws IOException {
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        digest.update(bytes.array(), bytes.position(), n);
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
    }

    private void countNewlines(char[] cbuf, int from, int to) {
      for (int i = from; i < to; i++) {
        if (cbuf[i] == '\n') {
          newlines++;
        }
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /**
   * The first line of every id seen, keyed by a 64-bit hash of the id with a per-import random
   * seed: an open-addressing table of two long arrays (at most 43 bytes per id, 21 on average)
   * instead of a map of strings (about 100). Two ids sharing a hash would be reported as a
   * duplicate; at five million ids the chance is below one in a million, and a retry draws a new
   * seed.
   */
  static final class IdLines {
    private final long seed = new SecureRandom().nextLong();
    private long[] hashes = new long[1 << 12];
    private long[] lines = new long[1 << 12];
    private int size;

    boolean contains(String id) {
      long hash = hash(id);
      int mask = hashes.length - 1;
      for (int i = (int) hash & mask; lines[i] != 0; i = (i + 1) & mask) {
        if (hashes[i] == hash) {
          return true;
        }
      }
      return false;
    }

    /** Remembers the id's line (at least 1); returns the line it was first seen on, or 0. */
    long putIfAbsent(String id, long line) {
      long hash = hash(id);
      int mask = hashes.length - 1;
      for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
        if (lines[i] == 0) {
          hashes[i] = hash;
          lines[i] = line;
          if (++size > hashes.length / 4 * 3) {
            grow();
          }
          return 0;
        }
        if (hashes[i] == hash) {
          return lines[i];
        }
      }
    }

    private void grow() {
      long[] oldHashes = hashes;
      long[] oldLines = lines;
      hashes = new long[oldHashes.length * 2];
      lines = new long[oldLines.length * 2];
      int mask = hashes.length - 1;
      for (int j = 0; j < oldHashes.length; j++) {
        if (oldLines[j] != 0) {
          int i = (int) oldHashes[j] & mask;
          while (lines[i] != 0) {
            i = (i + 1) & mask;
          }
          hashes[i] = oldHashes[j];
          lines[i] = oldLines[j];
        }
      }
    }

    private long hash(String id) {
      long h = seed;
      for (int i = 0; i < id.length(); i++) {
        h = (h ^ id.charAt(i)) * 0x100000001b3L;
      }
      // murmur3 finaliser, so that the low bits used as a slot depend on every character
      h ^= h >>> 33;
      h *= 0xff51afd7ed558ccdL;
      h ^= h >>> 33;
      h *= 0xc4ceb9fe1a85ec53L;
      return h ^ (h >>> 33);
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

    void read(CSVParser parser, IdLines firstLines, RowSink sink)
        throws IOException, CsvFormatException {
      Iterator<CSVRecord> rows = parser.iterator();
      if (!hasNext(rows, 1)) {
        throw fail(1, null, "expected a header row");
      }
      readHeader(rows.next());
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
        long earlier = firstLines == null ? 0 : firstLines.putIfAbsent(record.id(), line);
        if (earlier != 0) {
          String column = kind.idColumn() == null ? "staff_id" : kind.idColumn();
          throw fail(line, column, "duplicate id, first on line " + earlier);
        }
        sink.accept(new Row(record, line));
      }
    }

    /** Reads ahead one record, naming the line where the text stops being CSV. */
    private boolean hasNext(Iterator<CSVRecord> rows, long line)
        throws IOException, CsvFormatException {
      try {
        return rows.hasNext();
      } catch (UncheckedIOException e) {
        if (e.getCause() instanceof BadUtf8 bad) {
          throw fail(bad.line, null, "expected UTF-8 text");
        }
        if (e.getCause() instanceof CharacterCodingException) {
          throw fail(line, null, "expected UTF-8 text");
        }
        if (e.getCause() instanceof CSVException) {
          throw fail(line, null, "malformed CSV (check the quotes)");
        }
        throw e.getCause(); // reading the file failed
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
