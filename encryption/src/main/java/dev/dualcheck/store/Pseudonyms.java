package dev.dualcheck.store;

import dev.dualcheck.crypto.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes that stand for something without revealing it: finding references, audit targets,
 * fingerprints of matched fields. The key is a random secret sealed in the store's metadata and
 * carried over by key rotation, so a reference given out today still works after a rotation.
 */
final class Pseudonyms {
  private static final char[] BASE32 = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final byte[] referenceKey;
  private final byte[] targetKey;
  private final byte[] fingerprintKey;

  Pseudonyms(byte[] secret, byte[] storeId) {
    referenceKey = Hkdf.derive(secret, storeId, "finding reference");
    targetKey = Hkdf.derive(secret, storeId, "audit target");
    fingerprintKey = Hkdf.derive(secret, storeId, "match fingerprint");
  }

  /** {@code R-} and ten base-32 characters (50 bits) of a keyed hash of the finding id. */
  String reference(String findingId) {
    byte[] mac = mac(referenceKey, List.of(findingId));
    StringBuilder out = new StringBuilder("R-");
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (mac[i] & 0xff);
    }
    for (int i = 0; i < 10; i++) {
      out.append(BASE32[(int) ((bits >>> (59 - 5 * i)) & 31)]);
    }
    return out.toString();
  }

  /** A stable pseudonym for an audited client, contact, note or user id. */
  String target(String kind, String id) {
    return kind.toLowerCase(Locale.ROOT)
        + ":"
        + HexFormat.of().formatHex(mac(targetKey, List.of(kind, id)), 0, 8);
  }

  /** A keyed hash of field values in order: equal exactly when every value is equal. */
  String fingerprint(List<String> values) {
    return HexFormat.of().formatHex(mac(fingerprintKey, values));
  }

  private static byte[] mac(byte[] key, List<String> parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (String part : parts) {
        byte[] bytes = (part == null ? "" : part).getBytes(StandardCharsets.UTF_8);
        mac.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        mac.update(bytes);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
