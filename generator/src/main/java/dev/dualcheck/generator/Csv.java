package dev.dualcheck.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The import-file contract of DESIGN.md: file names and their columns, in order. */
final class Csv {
  private Csv() {}

  static final String CLIENTS = "clients.csv";
  static final String ASSOCIATES = "associates.csv";
  static final String NOTES = "notes.csv";
  static final String STAFF = "staff.csv";
  static final String TIES = "ties.csv";
  static final String CONTACTS = "contacts.csv";
  static final String TRUTH = "truth.csv";
  static final List<String> FILES =
      List.of(CLIENTS, ASSOCIATES, NOTES, STAFF, TIES, CONTACTS, TRUTH);

  private static final List<String> PERSON =
      List.of(
          "given_name",
          "middle_name",
          "family_name",
          "dob",
          "sex",
          "phone",
          "email",
          "street",
          "city",
          "postal_code",
          "employer");

  static final List<String> CLIENT_COLUMNS =
      concat(
          List.of("client_id"),
          PERSON,
          List.of("former_family_names", "clinician_id", "intake_date", "discharge_date"));
  static final List<String> ASSOCIATE_COLUMNS =
      concat(List.of("associate_id", "client_id", "relation"), PERSON, List.of());
  static final List<String> NOTE_COLUMNS =
      List.of("note_id", "client_id", "author_id", "date", "text");
  static final List<String> STAFF_COLUMNS = concat(List.of("staff_id", "role"), PERSON, List.of());
  static final List<String> TIE_COLUMNS =
      concat(List.of("staff_id", "relation"), PERSON, List.of());
  static final List<String> CONTACT_COLUMNS =
      concat(List.of("contact_id", "kind"), PERSON, List.of("referred_by", "for_clinician"));
  static final List<String> TRUTH_COLUMNS = List.of("contact_id", "type", "ref");

  private static List<String> concat(List<String> a, List<String> b, List<String> c) {
    String[] all = new String[a.size() + b.size() + c.size()];
    int i = 0;
    for (List<String> part : List.of(a, b, c)) {
      for (String s : part) {
        all[i++] = s;
      }
    }
    return List.of(all);
  }

  /** RFC 4180: quotes only where needed, CRLF between records, UTF-8 without a BOM. */
  static CSVPrinter open(Path file, List<String> columns) throws IOException {
    BufferedWriter out =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(columns.toArray(new String[0])).get();
    return new CSVPrinter(out, format);
  }

  /** The person columns of {@code p}, in contract order, after {@code lead}. */
  static Object[] row(Person p, String... lead) {
    Object[] row = new Object[lead.length + PERSON.size()];
    System.arraycopy(lead, 0, row, 0, lead.length);
    int i = lead.length;
    row[i++] = p.given;
    row[i++] = p.middle;
    row[i++] = p.family;
    row[i++] = p.dob;
    row[i++] = p.sex;
    row[i++] = p.phone;
    row[i++] = p.email;
    row[i++] = p.street;
    row[i++] = p.city;
    row[i++] = p.postalCode;
    row[i] = p.employer;
    return row;
  }

  static Object[] append(Object[] row, String... tail) {
    Object[] all = new Object[row.length + tail.length];
    System.arraycopy(row, 0, all, 0, row.length);
    System.arraycopy(tail, 0, all, row.length, tail.length);
    return all;
  }

  /** Zero-padded id so ids sort as text: id("C", 6, 17) is C000017. */
  static String id(String prefix, int width, long n) {
    String digits = Long.toString(n);
    StringBuilder s = new StringBuilder(prefix.length() + Math.max(width, digits.length()));
    s.append(prefix);
    for (int i = digits.length(); i < width; i++) {
      s.append('0');
    }
    return s.append(digits).toString();
  }
}
