package dev.dualcheck.check;

import java.util.List;

/**
 * One possible dual relationship between a contact and a record the clinic holds.
 *
 * @param id stable id: the same contact, record and type always give the same id
 * @param contactId the checked contact's id
 * @param type what kind of conflict
 * @param level how sure the match is
 * @param score match probability in [0, 1]
 * @param ref the client or staff id the conflict is about
 * @param record the kind of record matched: {@code client}, {@code associate}, {@code note}, {@code
 *     staff}, {@code tie}
 * @param evidence per-field weights that explain the score
 * @param resolution the latest reviewer decision, or null
 * @param contactName the contact's name for display (PHI)
 * @param recordName the matched person's name for display (PHI)
 */
public record Finding(
    String id,
    String contactId,
    ConflictType type,
    Level level,
    double score,
    String ref,
    String record,
    List<Evidence> evidence,
    Resolution resolution,
    String contactName,
    String recordName) {

  public Finding {
    evidence = List.copyOf(evidence);
  }

  public Finding withResolution(Resolution newResolution) {
    return new Finding(
        id,
        contactId,
        type,
        level,
        score,
        ref,
        record,
        evidence,
        newResolution,
        contactName,
        recordName);
  }
}
