package dev.dualcheck.bench;

import dev.dualcheck.index.EncryptedDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.store.NIOFSDirectory;
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
 * {@code IndexInput} reads of one file of {@code megabytes} MB on disk (page cache warm): a
 * sequential pass in 4 KiB chunks, random 4 KiB reads, and random 8-byte reads (Lucene's postings
 * and doc values do many small reads). Plain NIOFS and MMap against {@link EncryptedDirectory} over
 * NIOFS, as the CLI opens it; its 64 MiB segment cache holds all of a 16 MB file but not of 256 MB.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar DirectoryReadBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DirectoryReadBenchmark {
  private static final int CHUNK = 4096;

  @Param({"16", "256"})
  int megabytes;

  @Param({"niofs", "mmap", "encrypted"})
  String directory;

  private Path folder;
  private Directory dir;
  private IndexInput input;
  private long length;
  private final byte[] buffer = new byte[CHUNK];
  private final SplittableRandom random = new SplittableRandom(Fixtures.SEED);

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    folder = Files.createTempDirectory("dualcheck-dirbench");
    dir =
        switch (directory) {
          case "niofs" -> new NIOFSDirectory(folder);
          case "mmap" -> new MMapDirectory(folder);
          case "encrypted" -> EncryptedDirectory.open(folder, CheckBenchmark.key());
          default -> throw new IllegalArgumentException("unknown directory kind: " + directory);
        };
    byte[] chunk = new byte[CHUNK];
    new SplittableRandom(1).nextBytes(chunk);
    length = (long) megabytes << 20;
    try (IndexOutput out = dir.createOutput("data", IOContext.DEFAULT)) {
      for (long written = 0; written < length; written += CHUNK) {
        out.writeBytes(chunk, CHUNK);
      }
    }
    input = dir.openInput("data", IOContext.DEFAULT);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    input.close();
    dir.close();
    Fixtures.delete(folder);
  }

  /** One whole pass; divide {@code megabytes} by the time for MB/s. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public byte sequentialPass() throws IOException {
    input.seek(0);
    for (long read = 0; read < length; read += CHUNK) {
      input.readBytes(buffer, 0, CHUNK);
    }
    return buffer[CHUNK - 1];
  }

  @Benchmark
  public byte random4k() throws IOException {
    input.seek(random.nextLong(length - CHUNK));
    input.readBytes(buffer, 0, CHUNK);
    return buffer[0];
  }

  @Benchmark
  public long randomLong() throws IOException {
    input.seek(random.nextLong(length - Long.BYTES));
    return input.readLong();
  }
}
