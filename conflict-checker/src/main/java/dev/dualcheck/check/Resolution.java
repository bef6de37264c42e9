package dev.dualcheck.check;

import java.time.Instant;

/**
 * A reviewer's decision on a finding.
 *
 * @param decision one of {@code cleared}, {@code not_same_person}, {@code waived_with_consent},
 *     {@code referred_out}
 */
public record Resolution(String decision, String note, String by, Instant at) {}
