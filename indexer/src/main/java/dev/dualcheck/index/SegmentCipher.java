package dev.dualcheck.index;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A reusable JDK AES-GCM cipher for one segment at a time. Creating a {@link Cipher} costs far more
 * than {@code init}, so each output owns one and readers borrow their thread's one: Lucene makes
 * many short-lived clones of an input but runs them on few threads.
 */
final class SegmentCipher {
  private static final ThreadLocal<SegmentCipher> FOR_READING =
      ThreadLocal.withInitial(SegmentCipher::new);

  private final Cipher cipher;
  private byte[] scratch = new byte[0];

  SegmentCipher() {
    try {
      // the JDK provider: hardware accelerated, unlike Bouncy Castle's GCM
      cipher = Cipher.getInstance("AES/GCM/NoPadding");
    } catch (NoSuchPaddingException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("AES/GCM/NoPadding is not available", e);
    }
  }

  static SegmentCipher forReading() {
    return FOR_READING.get();
  }

  /** A buffer owned by this cipher for ciphertext; valid until the next call. */
  byte[] scratch(int length) {
    if (scratch.length < length) {
      scratch = new byte[length];
    }
    return scratch;
  }

  /** Encrypts {@code length} bytes of {@code plaintext} into {@code out}; returns bytes written. */
  int encrypt(
      SecretKeySpec key,
      byte[] header,
      long segment,
      boolean last,
      byte[] plaintext,
      int length,
      byte[] out)
      throws GeneralSecurityException {
    cipher.init(
        Cipher.ENCRYPT_MODE,
        key,
        new GCMParameterSpec(
            EncryptedFormat.TAG_BYTES * 8, EncryptedFormat.nonce(header, segment, last)));
    cipher.updateAAD(header);
    return cipher.doFinal(plaintext, 0, length, out, 0);
  }

  /**
   * Decrypts and authenticates one segment into a new array.
   *
   * @throws AEADBadTagException if the segment was altered, moved, or belongs to another key
   */
  byte[] decrypt(
      SecretKeySpec key, byte[] header, long segment, boolean last, byte[] ciphertext, int length)
      throws GeneralSecurityException {
    byte[] plaintext = new byte[length - EncryptedFormat.TAG_BYTES];
    decrypt(key, header, segment, last, ciphertext, length, plaintext);
    return plaintext;
  }

  /**
   * Decrypts and authenticates one segment into {@code out}, which must hold {@code length - 16}
   * bytes: for callers that only authenticate and need no array of their own.
   *
   * @throws AEADBadTagException if the segment was altered, moved, or belongs to another key
   */
  void decrypt(
      SecretKeySpec key,
      byte[] header,
      long segment,
      boolean last,
      byte[] ciphertext,
      int length,
      byte[] out)
      throws GeneralSecurityException {
    cipher.init(
        Cipher.DECRYPT_MODE,
        key,
        new GCMParameterSpec(
            EncryptedFormat.TAG_BYTES * 8, EncryptedFormat.nonce(header, segment, last)));
    cipher.updateAAD(header);
    int n = cipher.doFinal(ciphertext, 0, length, out, 0);
    if (n != length - EncryptedFormat.TAG_BYTES) {
      throw new AEADBadTagException("unexpected plaintext length");
    }
  }
}
