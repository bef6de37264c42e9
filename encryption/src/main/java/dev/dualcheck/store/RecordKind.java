package dev.dualcheck.store;

import java.util.List;
import java.util.Locale;

/**
 * The record kinds of the import contract (DESIGN.md, Import files) and their columns, in contract
 * order. Contacts are never stored; they share the schema so that scans validate the same way.
 */
public enum RecordKind {
  CLIENT(
      "clients",
      "client_id",
      "client_id",
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
      "employer",
      "former_family_names",
      "clinician_id",
      "intake_date",
      "discharge_date",
      // appended (never reordered: the index's record codec stores column positions)
      "alias_given_names",
      "linked_client_ids"),
  ASSOCIATE(
      "associates",
      "associate_id",
      "associate_id",
      "client_id",
      "relation",
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
      "employer"),
  NOTE("notes", "note_id", "note_id", "client_id", "author_id", "date", "text"),
  STAFF(
      "staff",
      "staff_id",
      "staff_id",
      "role",
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
      "employer"),
  /** A clinician's declared personal tie; the file has no id column, so one is derived. */
  TIE(
      "ties",
      null,
      "staff_id",
      "relation",
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
      "employer"),
  CONTACT(
      "contacts",
      "contact_id",
      "contact_id",
      "kind",
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
      "employer",
      "referred_by",
      "for_clinician");

  private final String fileName;
  private final String idColumn;
  private final List<String> columns;

  RecordKind(String fileName, String idColumn, String... columns) {
    this.fileName = fileName;
    this.idColumn = idColumn;
    this.columns = List.of(columns);
  }

  /** The contract's file name without extension, e.g. {@code clients}; also the CLI word. */
  public String fileName() {
    return fileName;
  }

  /** The id column, or null for ties (whose id is derived from staff id and name). */
  public String idColumn() {
    return idColumn;
  }

  public List<String> columns() {
    return columns;
  }

  /** The singular used in findings' {@code record} field, e.g. {@code client}, {@code tie}. */
  public String singular() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for kinds that describe a person (everything but notes). */
  public boolean isPerson() {
    return this != NOTE;
  }

  public static RecordKind fromFileName(String name) {
    for (RecordKind kind : values()) {
      if (kind.fileName.equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown record kind: " + name);
  }
}
