package dev.dualcheck.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class KeyDerivationTest {
  @Test
  void argon2idDefaultsAreAboveTheFloor() {
    Argon2id kdf = Argon2id.withNewSalt();
    assertEquals("argon2id", Argon2id.type());
    assertEquals(64 * 1024, kdf.memoryKib());
    assertEquals(3, kdf.iterations());
    assertEquals(1, kdf.parallelism());
    assertEquals(16, kdf.salt().length);
    assertThrows(IllegalArgumentException.class, () -> new Argon2id(19 * 1024, 3, 1, new byte[16]));
    assertThrows(IllegalArgumentException.class, () -> new Argon2id(64 * 1024, 2, 1, new byte[16]));
    assertThrows(IllegalArgumentException.class, () -> new Argon2id(64 * 1024, 3, 0, new byte[16]));
  }

  @Test
  void argon2idIsTheIdVariant() {
    byte[] salt = "somesaltsomesalt".getBytes(StandardCharsets.US_ASCII);
    byte[] key = new Argon2id(64 * 1024, 3, 1, salt).deriveKey("password".toCharArray());
    assertEquals(32, key.length);
    assertArrayEquals(key, reference(Argon2Parameters.ARGON2_id, salt));
    assertFalse(Arrays.equals(key, reference(Argon2Parameters.ARGON2_i, salt)));
    byte[] other = new Argon2id(64 * 1024, 3, 1, salt).deriveKey("passwore".toCharArray());
    assertFalse(Arrays.equals(key, other));
  }

  private static byte[] reference(int type, byte[] salt) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(type)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(64 * 1024)
            .withIterations(3)
            .withParallelism(1)
            .withSalt(salt)
            .build());
    byte[] out = new byte[32];
    generator.generateBytes("password".getBytes(StandardCharsets.UTF_8), out);
    return out;
  }

  @Test
  void hkdfMatchesRfc5869TestCase3() {
    // A.3: IKM = 22 bytes 0x0b, no salt, no info; the first 32 bytes of the 42-byte OKM
    HexFormat hex = HexFormat.of();
    byte[] ikm = hex.parseHex("0b".repeat(22));
    assertEquals(
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d",
        hex.formatHex(Hkdf.derive(ikm, new byte[0], "")));
  }

  @Test
  void purposeLabelsGiveDifferentKeys() {
    byte[] master = new byte[32];
    byte[] salt = new byte[16];
    byte[] notes = Hkdf.derive(master, salt, "NOTES/1");
    assertFalse(Arrays.equals(notes, Hkdf.derive(master, salt, "INDEX/1")));
    assertFalse(Arrays.equals(notes, Hkdf.derive(master, salt, "NOTES/2")));
    assertFalse(Arrays.equals(notes, Hkdf.derive(master, new byte[] {1}, "NOTES/1")));
    assertArrayEquals(notes, Hkdf.derive(master, salt, "NOTES/1"));
  }

  @Test
  void sealedBoxOpensOnlyWithTheRecipientsKey() throws Exception {
    KeyPair recipient = SealedBox.newKeyPair();
    byte[] aad = "slot 1".getBytes(StandardCharsets.US_ASCII);
    byte[] box = SealedBox.seal(recipient.getPublic(), new byte[] {1, 2, 3}, aad);
    assertArrayEquals(new byte[] {1, 2, 3}, SealedBox.open(recipient.getPrivate(), box, aad));
    assertThrows(
        AEADBadTagException.class,
        () -> SealedBox.open(SealedBox.newKeyPair().getPrivate(), box, aad));
    assertThrows(
        AEADBadTagException.class,
        () ->
            SealedBox.open(
                recipient.getPrivate(), box, "slot 2".getBytes(StandardCharsets.US_ASCII)));
  }
}
