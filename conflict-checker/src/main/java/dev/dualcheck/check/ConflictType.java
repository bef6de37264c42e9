package dev.dualcheck.check;

import java.util.Locale;

/** The kinds of dual relationship dualcheck reports (see DESIGN.md, Conflict model). */
public enum ConflictType {
  /** The contact is a current or former client. */
  IDENTITY,
  /** The contact is a known relative or associate of a client. */
  ASSOCIATE,
  /** The contact is named in a client's case notes. */
  NOTE_MENTION,
  /** The contact is a staff member. */
  STAFF,
  /** The contact is one of a clinician's declared personal ties. */
  THERAPIST_TIE,
  /** The person who referred the contact is a client. */
  REFERRAL_SOURCE;

  /** The name used in the findings JSON, e.g. {@code note_mention}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ConflictType fromJsonName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
