package dev.dualcheck.store;

import java.time.Instant;
import java.time.LocalDate;

/** One version of a case note; versions are never changed, amendments add a version. */
public record NoteVersion(
    String noteId,
    String clientId,
    int version,
    String authorId,
    LocalDate date,
    String text,
    Instant createdAt) {
  @Override
  public String toString() {
    return "note " + noteId + " v" + version;
  }
}
