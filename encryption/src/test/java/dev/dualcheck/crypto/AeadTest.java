package dev.dualcheck.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

class AeadTest {
  private final byte[] key = Aead.newKey();
  private final byte[] plaintext = "Ida Quill 1980-02-29".getBytes(StandardCharsets.UTF_8);
  private final byte[] row7 = "record 7".getBytes(StandardCharsets.UTF_8);

  @Test
  void roundTripsAndNeverRepeatsANonce() throws GeneralSecurityException {
    byte[] first = Aead.seal(key, plaintext, row7);
    byte[] second = Aead.seal(key, plaintext, row7);
    assertFalse(Arrays.equals(first, second));
    assertEquals(12 + plaintext.length + 16, first.length);
    assertArrayEquals(plaintext, Aead.open(key, first, row7));
  }

  @Test
  void aCiphertextMovedToAnotherRecordFails() throws GeneralSecurityException {
    byte[] sealed = Aead.seal(key, plaintext, row7);
    byte[] row8 = "record 8".getBytes(StandardCharsets.UTF_8);
    AEADBadTagException e =
        assertThrows(AEADBadTagException.class, () -> Aead.open(key, sealed, row8));
    assertEquals("decryption failed", e.getMessage());
  }

  @Test
  void everyFlippedBitFailsTheSameWay() throws GeneralSecurityException {
    byte[] sealed = Aead.seal(key, plaintext, row7);
    for (int i = 0; i < sealed.length; i++) {
      byte[] changed = sealed.clone();
      changed[i] ^= 1;
      AEADBadTagException e =
          assertThrows(AEADBadTagException.class, () -> Aead.open(key, changed, row7));
      assertEquals("decryption failed", e.getMessage());
    }
    assertThrows(AEADBadTagException.class, () -> Aead.open(Aead.newKey(), sealed, row7));
    assertThrows(AEADBadTagException.class, () -> Aead.open(key, new byte[5], row7));
  }

  @Test
  void refusesKeysOfTheWrongSize() {
    assertThrows(IllegalArgumentException.class, () -> Aead.seal(new byte[16], plaintext, row7));
  }
}
