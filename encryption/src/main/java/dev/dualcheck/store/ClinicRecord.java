package dev.dualcheck.store;

import java.util.Map;
import java.util.Objects;

/**
 * One record of the contract: its kind, its id and its fields by column name. Absent values are
 * absent from the map, never empty strings. Holds PHI: {@link #toString()} shows kind and id only.
 */
public record ClinicRecord(RecordKind kind, String id, Map<String, String> fields) {

  public ClinicRecord {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    fields = Map.copyOf(fields);
  }

  /** The field's value, or the empty string when absent. */
  public String get(String column) {
    return fields.getOrDefault(column, "");
  }

  @Override
  public String toString() {
    return kind.singular() + " " + id;
  }
}
