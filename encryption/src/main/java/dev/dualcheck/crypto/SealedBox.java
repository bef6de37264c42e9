package dev.dualcheck.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.AEADBadTagException;
import javax.crypto.KeyAgreement;

/**
 * Public-key encryption (X25519 + HKDF-SHA256 + AES-256-GCM, as in ECIES). Keyslots hold a master
 * key sealed to the slot's public key, so a key rotation can re-wrap every slot without knowing
 * anybody's passphrase.
 */
public final class SealedBox {
  private static final String ALGORITHM = "X25519";

  private SealedBox() {}

  public static KeyPair newKeyPair() throws GeneralSecurityException {
    return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
  }

  public static PublicKey publicKey(byte[] encoded) throws GeneralSecurityException {
    return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
  }

  public static PrivateKey privateKey(byte[] encoded) throws GeneralSecurityException {
    return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(encoded));
  }

  /** Seals plaintext to the recipient: ephemeral public key length, key, then AEAD output. */
  public static byte[] seal(PublicKey recipient, byte[] plaintext, byte[] associatedData)
      throws GeneralSecurityException {
    KeyPair ephemeral = newKeyPair();
    byte[] ephemeralPublic = ephemeral.getPublic().getEncoded();
    byte[] key = sharedKey(ephemeral.getPrivate(), recipient, ephemeralPublic);
    try {
      byte[] sealed = Aead.seal(key, plaintext, associatedData);
      return ByteBuffer.allocate(2 + ephemeralPublic.length + sealed.length)
          .putShort((short) ephemeralPublic.length)
          .put(ephemeralPublic)
          .put(sealed)
          .array();
    } finally {
      Aead.wipe(key);
    }
  }

  public static byte[] open(PrivateKey recipient, byte[] box, byte[] associatedData)
      throws GeneralSecurityException {
    try {
      ByteBuffer in = ByteBuffer.wrap(box);
      byte[] ephemeralPublic = new byte[in.getShort()];
      in.get(ephemeralPublic);
      byte[] sealed = new byte[in.remaining()];
      in.get(sealed);
      byte[] key = sharedKey(recipient, publicKey(ephemeralPublic), ephemeralPublic);
      try {
        return Aead.open(key, sealed, associatedData);
      } finally {
        Aead.wipe(key);
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new AEADBadTagException("decryption failed");
    }
  }

  private static byte[] sharedKey(PrivateKey own, PublicKey other, byte[] ephemeralPublic)
      throws GeneralSecurityException {
    KeyAgreement agreement = KeyAgreement.getInstance(ALGORITHM);
    agreement.init(own);
    agreement.doPhase(other, true);
    byte[] secret = agreement.generateSecret();
    try {
      return Hkdf.derive(secret, ephemeralPublic, "dualcheck sealed box");
    } finally {
      Aead.wipe(secret);
    }
  }
}
