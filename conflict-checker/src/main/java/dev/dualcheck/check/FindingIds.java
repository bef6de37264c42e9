package dev.dualcheck.check;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable finding ids: the same contact, type and record always give the same id. */
final class FindingIds {

  private FindingIds() {}

  /** {@code F-} and the first 16 hex digits of SHA-256 over the four parts. */
  static String of(String contactId, ConflictType type, String recordKind, String recordId) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String joined = contactId + '\n' + type.jsonName() + '\n' + recordKind + '\n' + recordId;
      byte[] digest = sha.digest(joined.getBytes(StandardCharsets.UTF_8));
      return "F-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
