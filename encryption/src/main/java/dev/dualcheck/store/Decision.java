package dev.dualcheck.store;

import java.time.Instant;

/**
 * A reviewer's decision on a finding, with the fingerprints of both sides when it was made: a
 * {@code not_same_person} decision holds only while both are unchanged.
 *
 * @param decision {@code cleared}, {@code not_same_person}, {@code waived_with_consent} or {@code
 *     referred_out}
 * @param note the reviewer's note (PHI)
 */
public record Decision(
    String findingId,
    String decision,
    String note,
    String by,
    Instant at,
    String contactFingerprint,
    String recordFingerprint) {

  /** The decisions a director may record. */
  public static final java.util.List<String> DECISIONS =
      java.util.List.of("cleared", "not_same_person", "waived_with_consent", "referred_out");

  @Override
  public String toString() {
    return decision + " on " + findingId + " by " + by + " at " + at;
  }
}
