package dev.dualcheck.store;

import java.time.Instant;

/**
 * A finding as last reported, kept (encrypted) so a director can look it up by id or reference and
 * resolve it later: contacts themselves are never stored.
 *
 * @param findingId the stable {@code F-…} id
 * @param reference the {@code R-…} reference a clinician was given
 * @param contactFingerprint keyed hash of the contact's matching fields when it was found
 * @param recordFingerprint keyed hash of the matched record's fields when it was found
 * @param details the finding as JSON (PHI: names and compared values)
 * @param seen when it was last reported
 */
public record StoredFinding(
    String findingId,
    String reference,
    String contactFingerprint,
    String recordFingerprint,
    String details,
    Instant seen) {
  @Override
  public String toString() {
    return "finding " + findingId;
  }
}
