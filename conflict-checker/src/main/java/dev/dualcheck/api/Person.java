package dev.dualcheck.api;

import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.CsvRecords;
import dev.dualcheck.store.RecordKind;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A person to check: an intake, a referral, a new hire or a therapist's acquaintance. Build one
 * with {@link #builder()}; every field but a name is optional. Holds PHI: {@link #toString()} shows
 * no field.
 */
public final class Person {

  private final Map<String, String> fields;

  private Person(Map<String, String> fields) {
    this.fields = Map.copyOf(fields);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The person as a contact record of the contract (DESIGN.md, contacts). */
  public ClinicRecord toRecord() {
    return new ClinicRecord(RecordKind.CONTACT, fields.get("contact_id"), fields);
  }

  @Override
  public String toString() {
    return "Person " + fields.get("contact_id");
  }

  /** Collects the fields; {@link #build()} checks them. Blank values are left out. */
  public static final class Builder {
    private final Map<String, String> fields = new LinkedHashMap<>();

    private Builder() {
      fields.put("contact_id", "check");
      fields.put("kind", "acquaintance");
    }

    /** An id of your own for the findings' {@code contact_id} (default {@code check}). */
    public Builder id(String id) {
      return put("contact_id", id);
    }

    public Builder given(String given) {
      return put("given_name", given);
    }

    public Builder middle(String middle) {
      return put("middle_name", middle);
    }

    public Builder family(String family) {
      return put("family_name", family);
    }

    /** Date of birth: {@code YYYY-MM-DD}, or {@code YYYY-MM} / {@code YYYY} when partial. */
    public Builder dob(String dob) {
      return put("dob", dob);
    }

    public Builder sex(String sex) {
      return put("sex", sex);
    }

    public Builder phone(String phone) {
      return put("phone", phone);
    }

    public Builder email(String email) {
      return put("email", email);
    }

    public Builder street(String street) {
      return put("street", street);
    }

    public Builder city(String city) {
      return put("city", city);
    }

    public Builder postalCode(String postalCode) {
      return put("postal_code", postalCode);
    }

    public Builder employer(String employer) {
      return put("employer", employer);
    }

    /** Who referred this person (a free-text name). */
    public Builder referredBy(String name) {
      return put("referred_by", name);
    }

    /** {@code intake}, {@code referral}, {@code acquaintance} (default) or {@code hire}. */
    public Builder kind(String kind) {
      return put("kind", kind == null ? null : kind.toLowerCase(Locale.ROOT));
    }

    /** The staff id of the therapist who asks (an acquaintance check). */
    public Builder forClinician(String staffId) {
      return put("for_clinician", staffId);
    }

    private Builder put(String column, String value) {
      if (value == null || value.isBlank()) {
        fields.remove(column);
      } else {
        fields.put(column, value.strip());
      }
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the field (never its value) when there is no name,
     *     the date is not a date or the kind is unknown
     */
    public Person build() {
      if (!fields.containsKey("given_name") && !fields.containsKey("family_name")) {
        throw new IllegalArgumentException("a person needs a given or family name");
      }
      if (!fields.containsKey("contact_id")) {
        throw new IllegalArgumentException("a person needs an id");
      }
      String dob = fields.get("dob");
      if (dob != null && !CsvRecords.isDate(dob)) {
        throw new IllegalArgumentException("dob: expected a date YYYY-MM-DD, YYYY-MM or YYYY");
      }
      String kind = fields.getOrDefault("kind", "acquaintance");
      if (!java.util.List.of("intake", "referral", "acquaintance", "hire").contains(kind)) {
        throw new IllegalArgumentException("kind: expected intake, referral, acquaintance or hire");
      }
      return new Person(fields);
    }
  }
}
