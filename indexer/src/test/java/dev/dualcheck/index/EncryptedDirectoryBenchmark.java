package dev.dualcheck.index;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * Throughput and query latency of the encrypted directory against plain ones; prints a table,
 * asserts nothing. Not a test (no Test/IT suffix), run by hand (exec-maven-plugin 3.7.0 needs Maven
 * 3.9):
 *
 * <pre>
 * mvn -B -q -pl indexer test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *   -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx2g -cp indexer/target/test-classes:indexer/target/classes:$(cat /tmp/cp.txt) \
 *   dev.dualcheck.index.EncryptedDirectoryBenchmark 200 200000 13,14,15
 * </pre>
 *
 * Arguments: megabytes for the raw file test, documents for the query test (0: none), segment
 * shifts. Wall times on a shared machine are noise; the CPU columns are this thread's CPU time.
 */
final class EncryptedDirectoryBenchmark {
  private static final int CHUNK = 4096;

  private EncryptedDirectoryBenchmark() {}

  public static void main(String[] args) throws IOException {
    int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int docs = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    int[] shifts =
        args.length > 2
            ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
            : new int[] {EncryptedFormat.DEFAULT_SEGMENT_SHIFT};
    Path root = Files.createTempDirectory("encdir-bench");
    try {
      byte[] key = new byte[32];
      new Random(1).nextBytes(key);
      System.out.printf(
          Locale.US,
          "%-26s %10s %10s %12s%n",
          "raw file " + megabytes + " MB",
          "write MB/s",
          "seq MB/s",
          "rand 4K/s");
      // the first pass only warms up: the JIT must have seen every kind of input and output
      for (int pass = 0; pass < 2; pass++) {
        boolean print = pass == 1;
        rawFile(print ? "NIOFS plain" : null, megabytes, root.resolve("p"), NIOFSDirectory::new);
        rawFile(print ? "MMap plain" : null, megabytes, root.resolve("m"), MMapDirectory::new);
        for (int shift : shifts) {
          rawFile(
              print ? "encrypted 2^" + shift + " mmap" : null,
              megabytes,
              root.resolve("e" + shift),
              p ->
                  new EncryptedDirectory(
                      new MMapDirectory(p), key, shift, EncryptedDirectory.DEFAULT_CACHE_BYTES));
        }
      }
      if (docs > 0) {
        queries(docs, root, key, shifts);
      }
    } finally {
      IOUtils.rm(root);
    }
  }

  private interface Opener {
    Directory open(Path path) throws IOException;
  }

  private static void rawFile(String label, int megabytes, Path path, Opener opener)
      throws IOException {
    byte[] chunk = new byte[CHUNK];
    new Random(2).nextBytes(chunk);
    long bytes = (long) megabytes << 20;
    try (Directory dir = opener.open(path)) {
      long t0 = System.nanoTime();
      long c0 = cpu();
      try (IndexOutput out = dir.createOutput("raw", IOContext.DEFAULT)) {
        for (long written = 0; written < bytes; written += CHUNK) {
          out.writeBytes(chunk, CHUNK);
        }
      }
      double write = seconds(t0);
      double writeCpu = (cpu() - c0) / 1e9;
      double seq = Double.MAX_VALUE;
      double seqCpu = Double.MAX_VALUE;
      double rand = Double.MAX_VALUE;
      double randCpu = Double.MAX_VALUE;
      int randomReads = 50_000;
      for (int round = 0; round < 3; round++) {
        try (IndexInput in = dir.openInput("raw", IOContext.DEFAULT)) {
          long t1 = System.nanoTime();
          long c1 = cpu();
          for (long read = 0; read < bytes; read += CHUNK) {
            in.readBytes(chunk, 0, CHUNK);
          }
          seq = Math.min(seq, seconds(t1));
          seqCpu = Math.min(seqCpu, (cpu() - c1) / 1e9);
          Random random = new Random(3);
          long t2 = System.nanoTime();
          long c2 = cpu();
          for (int i = 0; i < randomReads; i++) {
            in.seek((long) (random.nextDouble() * (bytes - CHUNK)));
            in.readBytes(chunk, 0, CHUNK);
          }
          rand = Math.min(rand, seconds(t2));
          randCpu = Math.min(randCpu, (cpu() - c2) / 1e9);
        }
      }
      dir.deleteFile("raw");
      if (label == null) {
        return;
      }
      System.out.printf(
          Locale.US,
          "%-26s %10.0f %10.0f %12.0f   cpu: %6.0f %6.0f %8.0f%n",
          label,
          megabytes / write,
          megabytes / seq,
          randomReads / rand,
          megabytes / writeCpu,
          megabytes / seqCpu,
          randomReads / randCpu);
    }
  }

  /** This thread's CPU time: the machine is shared, so wall time alone is noise. */
  private static long cpu() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /** Syllable words, so the vocabulary is large and Zipf-like enough without any real names. */
  private static String word(Random random, int vocabulary) {
    int n = (int) Math.min(vocabulary - 1, Math.abs(random.nextGaussian()) * vocabulary / 3);
    String[] syllables = {
      "ka", "lo", "mi", "ne", "ru", "ta", "vo", "shi", "dan", "pel", "tor", "ix"
    };
    StringBuilder sb = new StringBuilder();
    do {
      sb.append(syllables[n % syllables.length]);
      n /= syllables.length;
    } while (n > 0);
    return sb.toString();
  }

  private static Document doc(Random random, int i) {
    Document d = new Document();
    d.add(new StringField("id", "P" + i, Field.Store.YES));
    d.add(new TextField("given", word(random, 2_000), Field.Store.YES));
    d.add(new TextField("family", word(random, 20_000), Field.Store.YES));
    d.add(new StringField("city", word(random, 300), Field.Store.YES));
    StringBuilder note = new StringBuilder();
    for (int w = 0; w < 20; w++) {
      note.append(word(random, 30_000)).append(' ');
    }
    d.add(new TextField("note", note.toString(), Field.Store.NO));
    return d;
  }

  /** Wall and whole-process CPU seconds (merges run on other threads) to index {@code docs}. */
  private static double[] index(Directory dir, int docs) throws IOException {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Random random = new Random(4);
    long t0 = System.nanoTime();
    long c0 = os.getProcessCpuTime();
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (int i = 0; i < docs; i++) {
        writer.addDocument(doc(random, i));
      }
      writer.forceMerge(4);
      writer.commit();
    }
    return new double[] {seconds(t0), (os.getProcessCpuTime() - c0) / 1e9};
  }

  private static List<Query> queryMix(int count) {
    Random random = new Random(5);
    List<Query> queries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Query q;
      switch (i % 3) {
        case 0 -> q = new TermQuery(new Term("family", word(random, 20_000)));
        case 1 ->
            q =
                new BooleanQuery.Builder()
                    .add(
                        new TermQuery(new Term("family", word(random, 20_000))),
                        BooleanClause.Occur.MUST)
                    .add(
                        new TermQuery(new Term("given", word(random, 2_000))),
                        BooleanClause.Occur.SHOULD)
                    .add(
                        new TermQuery(new Term("city", word(random, 300))),
                        BooleanClause.Occur.SHOULD)
                    .build();
        default ->
            q =
                new BooleanQuery.Builder()
                    .add(
                        new TermQuery(new Term("note", word(random, 30_000))),
                        BooleanClause.Occur.SHOULD)
                    .add(
                        new TermQuery(new Term("note", word(random, 30_000))),
                        BooleanClause.Occur.SHOULD)
                    .add(
                        new TermQuery(new Term("family", word(random, 20_000))),
                        BooleanClause.Occur.SHOULD)
                    .build();
      }
      queries.add(q);
    }
    return queries;
  }

  /**
   * Mean microseconds per query over the mix, wall and CPU, each the best of five timed passes
   * after warm-up.
   */
  private static double[] latency(IndexSearcher searcher, List<Query> queries) throws IOException {
    double best = Double.MAX_VALUE;
    double bestCpu = Double.MAX_VALUE;
    for (int pass = 0; pass < 8; pass++) {
      long t0 = System.nanoTime();
      long c0 = cpu();
      long hits = 0;
      for (Query q : queries) {
        hits += searcher.search(q, 10).totalHits.value;
      }
      if (hits < 0) {
        throw new AssertionError();
      }
      if (pass >= 3) {
        best = Math.min(best, (System.nanoTime() - t0) / 1e3 / queries.size());
        bestCpu = Math.min(bestCpu, (cpu() - c0) / 1e3 / queries.size());
      }
    }
    return new double[] {best, bestCpu};
  }

  private static void queries(int docs, Path root, byte[] key, int[] shifts) throws IOException {
    List<Query> mix = queryMix(3_000);
    try (Directory warm = new ByteBuffersDirectory()) {
      index(warm, docs / 4);
    }
    // indexing alternates plain and encrypted twice, best of each, against the shared machine
    double plainIndexing = Double.MAX_VALUE;
    double encryptedIndexing = Double.MAX_VALUE;
    double plainIndexingCpu = Double.MAX_VALUE;
    double encryptedIndexingCpu = Double.MAX_VALUE;
    for (int round = 0; round < 2; round++) {
      IOUtils.rm(root.resolve("idx-plain"), root.resolve("idx-enc"));
      try (Directory plain = new MMapDirectory(root.resolve("idx-plain"));
          Directory enc = EncryptedDirectory.open(root.resolve("idx-enc"), key)) {
        double[] p = index(plain, docs);
        double[] e = index(enc, docs);
        plainIndexing = Math.min(plainIndexing, p[0]);
        plainIndexingCpu = Math.min(plainIndexingCpu, p[1]);
        encryptedIndexing = Math.min(encryptedIndexing, e[0]);
        encryptedIndexingCpu = Math.min(encryptedIndexingCpu, e[1]);
      }
    }
    Path plainPath = root.resolve("idx-plain");
    long size = 0;
    try (Directory plain = new MMapDirectory(plainPath)) {
      for (String f : plain.listAll()) {
        size += plain.fileLength(f);
      }
      for (int shift : shifts) {
        if (shift != EncryptedFormat.DEFAULT_SEGMENT_SHIFT) {
          try (Directory enc =
              new EncryptedDirectory(
                  new NIOFSDirectory(root.resolve("idx-" + shift)),
                  key,
                  shift,
                  EncryptedDirectory.DEFAULT_CACHE_BYTES)) {
            for (String f : plain.listAll()) {
              enc.copyFrom(plain, f, f, IOContext.DEFAULT);
            }
          }
        }
      }
    }
    System.out.printf(
        Locale.US,
        "%nindexing, process CPU s: plain %.1f, encrypted %.1f%n",
        plainIndexingCpu,
        encryptedIndexingCpu);
    System.out.printf(
        Locale.US,
        "%d docs, %.1f MB index%n%-26s %10s %10s %12s %12s %10s%n",
        docs,
        size / 1e6,
        "query mix",
        "index s",
        "open ms",
        "query us",
        "cpu us",
        "cache MB");
    // as for raw files, a first unprinted pass lets the JIT see every kind of input
    for (int pass = 0; pass < 2; pass++) {
      String only = pass == 1 ? "" : null;
      report(label(only, "MMap plain"), plainIndexing, plainPath, MMapDirectory::new, mix, d -> 0L);
      report(label(only, "NIOFS plain"), Double.NaN, plainPath, NIOFSDirectory::new, mix, d -> 0L);
      for (int shift : shifts) {
        boolean main = shift == EncryptedFormat.DEFAULT_SEGMENT_SHIFT;
        Path path = root.resolve(main ? "idx-enc" : "idx-" + shift);
        report(
            label(only, "encrypted 2^" + shift + " mmap"),
            main ? encryptedIndexing : Double.NaN,
            path,
            p ->
                new EncryptedDirectory(
                    new MMapDirectory(p), key, shift, EncryptedDirectory.DEFAULT_CACHE_BYTES),
            mix,
            d -> ((EncryptedDirectory) d).cachedBytes());
        // a cache far smaller than the index: most segment switches decrypt
        if (main) {
          report(
              label(only, "encrypted 2^" + shift + " 2MB niofs"),
              Double.NaN,
              path,
              p -> new EncryptedDirectory(new NIOFSDirectory(p), key, shift, 2L << 20),
              mix,
              d -> ((EncryptedDirectory) d).cachedBytes());
        }
        report(
            label(only, "encrypted 2^" + shift + " 2MB mmap"),
            Double.NaN,
            path,
            p -> new EncryptedDirectory(new MMapDirectory(p), key, shift, 2L << 20),
            mix,
            d -> ((EncryptedDirectory) d).cachedBytes());
      }
    }
  }

  /** The label to print, or null (do not print) during the warm-up pass. */
  private static String label(String printing, String label) {
    return printing == null ? null : label;
  }

  private static void report(
      String label,
      double indexing,
      Path path,
      Opener opener,
      List<Query> mix,
      Function<Directory, Long> cached)
      throws IOException {
    long t0 = System.nanoTime();
    try (Directory dir = opener.open(path);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      double open = seconds(t0) * 1e3;
      double[] micros = latency(new IndexSearcher(reader), mix);
      if (label == null) {
        return;
      }
      System.out.printf(
          Locale.US,
          "%-26s %10.1f %10.0f %12.1f %12.1f %10.1f%n",
          label,
          indexing,
          open,
          micros[0],
          micros[1],
          cached.apply(dir) / 1e6);
    }
  }
}
