package dev.dualcheck.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM through the JDK provider (hardware-accelerated), random 96-bit nonce prepended to the
 * ciphertext. Every failure to open is the same {@link AEADBadTagException}, so it leaks nothing
 * about why.
 */
public final class Aead {
  public static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ThreadLocal<Cipher> CIPHER =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("AES-GCM is not available", e);
            }
          });

  private Aead() {}

  /** Encrypts and authenticates plaintext, binding the associated data; returns nonce||ct||tag. */
  public static byte[] seal(byte[] key, byte[] plaintext, byte[] associatedData)
      throws GeneralSecurityException {
    checkKey(key);
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    Cipher cipher = CIPHER.get();
    cipher.init(
        Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(associatedData);
    ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + cipher.getOutputSize(plaintext.length));
    out.put(nonce);
    cipher.doFinal(ByteBuffer.wrap(plaintext), out);
    return out.array();
  }

  /** Verifies and decrypts what {@link #seal} produced with the same key and associated data. */
  public static byte[] open(byte[] key, byte[] sealed, byte[] associatedData)
      throws GeneralSecurityException {
    checkKey(key);
    if (sealed == null || sealed.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new AEADBadTagException("decryption failed");
    }
    try {
      Cipher cipher = CIPHER.get();
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      cipher.updateAAD(associatedData);
      return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new AEADBadTagException("decryption failed");
    }
  }

  /** A fresh random 256-bit key. */
  public static byte[] newKey() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return key;
  }

  /** Random bytes from the shared {@link SecureRandom}. */
  public static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static void checkKey(byte[] key) {
    if (key == null || key.length != KEY_BYTES) {
      throw new IllegalArgumentException("AES-256 needs a 32-byte key");
    }
  }

  /** Overwrites secret bytes once they are no longer needed. */
  public static void wipe(byte[]... secrets) {
    for (byte[] secret : secrets) {
      if (secret != null) {
        Arrays.fill(secret, (byte) 0);
      }
    }
  }
}
