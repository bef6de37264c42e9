package dev.dualcheck.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Passphrase stretching with Argon2id (Bouncy Castle). The parameters and salt are stored with each
 * keyslot; parameters below the floor are refused, so a keyslot edited to weaker settings does not
 * unlock.
 */
public final class Argon2id {
  /** 64 MiB, 3 passes, 1 lane: above OWASP's floor (19 MiB, 2, 1) and about 0.2 s here. */
  public static final int DEFAULT_MEMORY_KIB = 64 * 1024;

  public static final int DEFAULT_ITERATIONS = 3;
  public static final int DEFAULT_PARALLELISM = 1;
  private static final int MIN_MEMORY_KIB = 64 * 1024;
  private static final int MIN_ITERATIONS = 3;
  private static final int SALT_BYTES = 16;

  private final int memoryKib;
  private final int iterations;
  private final int parallelism;
  private final byte[] salt;

  public Argon2id(int memoryKib, int iterations, int parallelism, byte[] salt) {
    if (memoryKib < MIN_MEMORY_KIB || memoryKib > 4 * 1024 * 1024) {
      throw new IllegalArgumentException("Argon2id memory must be between 64 MiB and 4 GiB");
    }
    if (iterations < MIN_ITERATIONS || iterations > 100) {
      throw new IllegalArgumentException("Argon2id needs between 3 and 100 iterations");
    }
    if (parallelism < 1 || parallelism > 16) {
      throw new IllegalArgumentException("Argon2id parallelism must be between 1 and 16");
    }
    if (salt == null || salt.length < SALT_BYTES) {
      throw new IllegalArgumentException("Argon2id salt must have at least 16 bytes");
    }
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.parallelism = parallelism;
    this.salt = salt.clone();
  }

  /** Default parameters with a fresh random salt. */
  public static Argon2id withNewSalt() {
    return new Argon2id(
        DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM, Aead.randomBytes(SALT_BYTES));
  }

  /** The stored name of the algorithm. */
  public static String type() {
    return "argon2id";
  }

  public int memoryKib() {
    return memoryKib;
  }

  public int iterations() {
    return iterations;
  }

  public int parallelism() {
    return parallelism;
  }

  public byte[] salt() {
    return salt.clone();
  }

  /** Derives a 256-bit key from the passphrase; the UTF-8 copy of the passphrase is wiped. */
  public byte[] deriveKey(char[] passphrase) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKib)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt)
            .build();
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
    byte[] password = new byte[encoded.remaining()];
    encoded.get(password);
    Arrays.fill(encoded.array(), (byte) 0);
    try {
      Argon2BytesGenerator generator = new Argon2BytesGenerator();
      generator.init(parameters);
      byte[] key = new byte[Aead.KEY_BYTES];
      generator.generateBytes(password, key);
      return key;
    } finally {
      Arrays.fill(password, (byte) 0);
    }
  }

  @Override
  public String toString() {
    return "argon2id(m=" + memoryKib + " KiB, t=" + iterations + ", p=" + parallelism + ")";
  }
}
