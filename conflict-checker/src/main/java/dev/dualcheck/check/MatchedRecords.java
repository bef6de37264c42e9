package dev.dualcheck.check;

import dev.dualcheck.store.ClinicRecord;

/** Ties a finding back to the record it matched, for fingerprinting what a decision was about. */
public final class MatchedRecords {

  private MatchedRecords() {}

  /** True when the finding is about this very record (same contact, type, kind and id). */
  public static boolean isMatchOf(Finding finding, ClinicRecord record) {
    return FindingIds.of(finding.contactId(), finding.type(), record.kind().singular(), record.id())
        .equals(finding.id());
  }
}
