package dev.dualcheck.bench;

import dev.dualcheck.crypto.Aead;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JDK's raw AES-256-GCM encryption speed on one core (1 MiB buffers, warm), and the store's
 * {@code Aead.seal} on record-sized inputs: the ceiling against which the share of import time
 * spent encrypting is judged. Prints {@code key=value} lines; a few seconds.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dualcheck.bench.AesSpeedMain
 * </pre>
 */
public final class AesSpeedMain {
  private static final int BIG = 1 << 20;
  private static final int RECORD = 600;

  private AesSpeedMain() {}

  public static void main(String[] args) throws GeneralSecurityException {
    byte[] key = Aead.newKey();
    byte[] big = new byte[BIG];
    new SplittableRandom(1).nextBytes(big);
    byte[] out = new byte[BIG + 16];
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    SecretKeySpec spec = new SecretKeySpec(key, "AES");
    byte[] nonce = new byte[12];
    double best = 0;
    for (int round = 0; round < 8; round++) {
      long t0 = System.nanoTime();
      int buffers = 256;
      for (int i = 0; i < buffers; i++) {
        nonce[0]++;
        nonce[1] = (byte) round;
        cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(128, nonce));
        cipher.doFinal(big, 0, BIG, out, 0);
      }
      best = Math.max(best, buffers * (double) BIG / ((System.nanoTime() - t0) / 1e9) / 1e6);
    }
    byte[] record = new byte[RECORD];
    byte[] associated = new byte[24];
    double bestRecords = 0;
    for (int round = 0; round < 8; round++) {
      long t0 = System.nanoTime();
      int n = 200_000;
      for (int i = 0; i < n; i++) {
        Aead.seal(key, record, associated);
      }
      bestRecords = Math.max(bestRecords, n / ((System.nanoTime() - t0) / 1e9));
    }
    System.out.printf(
        Locale.ROOT,
        "jdk_aes_gcm_MB_per_s=%.0f%naead_seal_%dB_per_s=%.0f%naead_seal_%dB_MB_per_s=%.0f%n",
        best,
        RECORD,
        bestRecords,
        RECORD,
        bestRecords * RECORD / 1e6);
  }
}
