package dev.dualcheck.bench;

import dev.dualcheck.crypto.Aead;
import dev.dualcheck.store.RecordKind;
import dev.dualcheck.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Record decryption. {@code aeadOpen}: the store's AEAD on one record of {@code bytes} bytes (a
 * person is about 300, a note about 1,000); {@code jdkGcmDecrypt}: the JDK's raw AES-256-GCM on the
 * same bytes with one cipher reused, the floor the AEAD wrapper adds to; {@code storeForEach}:
 * {@code Store.forEach} over {@code records} clients (SQLite read, decrypt, decode).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar DecryptBenchmark
 * java -jar benchmarks/target/benchmarks.jar DecryptBenchmark.storeForEach -p records=100000
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DecryptBenchmark {

  /** One sealed record and a raw cipher over the same key. */
  @State(Scope.Thread)
  public static class Sealed {
    @Param({"300", "1000", "65536"})
    int bytes;

    byte[] key;
    byte[] sealed;
    byte[] associated = "client|C0000001|1|1".getBytes(StandardCharsets.UTF_8);
    Cipher cipher;
    SecretKeySpec spec;
    GCMParameterSpec nonce;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
      key = Aead.newKey();
      byte[] plain = new byte[bytes];
      new SplittableRandom(1).nextBytes(plain);
      sealed = Aead.seal(key, plain, associated);
      cipher = Cipher.getInstance("AES/GCM/NoPadding");
      spec = new SecretKeySpec(key, "AES");
      nonce = new GCMParameterSpec(128, sealed, 0, 12);
    }
  }

  /** A store of {@code records} clients, unlocked once. */
  @State(Scope.Benchmark)
  public static class Clinic {
    @Param({"10000"})
    int records;

    Path folder;
    Store store;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      Path generated = Fixtures.generate(records, 0);
      folder = Files.createTempDirectory("dualcheck-storebench");
      try {
        char[] passphrase = "benchmark passphrase".toCharArray();
        store =
            Store.create(
                folder.resolve("store"), "bench", passphrase, "Bench Clinic", Clock.systemUTC());
        store.importCsv(RecordKind.CLIENT, generated.resolve("clients.csv"));
      } finally {
        Fixtures.delete(generated);
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      store.close();
      Fixtures.delete(folder);
    }
  }

  @Benchmark
  public byte[] aeadOpen(Sealed s) throws GeneralSecurityException {
    return Aead.open(s.key, s.sealed, s.associated);
  }

  @Benchmark
  public byte[] jdkGcmDecrypt(Sealed s) throws GeneralSecurityException {
    s.cipher.init(Cipher.DECRYPT_MODE, s.spec, s.nonce);
    s.cipher.updateAAD(s.associated);
    return s.cipher.doFinal(s.sealed, 12, s.sealed.length - 12);
  }

  /** All clients once; divide {@code records} by the time for records/s. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 3, time = 2)
  public long storeForEach(Clinic c) throws IOException {
    long[] fields = {0};
    c.store.forEach(RecordKind.CLIENT, r -> fields[0] += r.fields().size());
    return fields[0];
  }
}
