package dev.dualcheck.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** HKDF-SHA256 (RFC 5869) through Bouncy Castle. */
public final class Hkdf {
  private Hkdf() {}

  /** Derives a 256-bit key from input key material, a salt and a context label. */
  public static byte[] derive(byte[] inputKey, byte[] salt, String info) {
    HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
    generator.init(new HKDFParameters(inputKey, salt, info.getBytes(StandardCharsets.UTF_8)));
    byte[] key = new byte[Aead.KEY_BYTES];
    generator.generateBytes(key, 0, key.length);
    return key;
  }
}
