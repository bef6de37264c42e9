package dev.dualcheck.index;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * A Lucene {@link Directory} whose files are encrypted and authenticated on the delegate: a
 * segmented AES-256-GCM stream per file (see {@link EncryptedFormat}), so reads stay random access
 * and any tampering, truncation, extension or reordering surfaces as a {@link
 * CorruptIndexException} naming the file, never as wrong bytes. Decrypted segments are kept in a
 * bounded heap cache shared by all readers of this directory.
 */
public final class EncryptedDirectory extends FilterDirectory {
  /** The smallest default cache: the hot part of a small clinic's index. */
  static final long DEFAULT_CACHE_BYTES = 64L << 20;

  /** System property: the segment cache size in MiB, overriding {@link #defaultCacheBytes()}. */
  static final String CACHE_PROPERTY = "dualcheck.index.cacheMiB";

  private final byte[] indexKey;
  private final int segmentShift;
  private final SegmentCache cache;
  private final SecureRandom random = new SecureRandom();

  /** Names of the files with an open output. */
  private final Set<String> writing = ConcurrentHashMap.newKeySet();

  /**
   * Every file written through this directory is encrypted and authenticated with a key derived
   * from indexKey (32 bytes; the store's INDEX purpose key). The key is copied, so the caller may
   * wipe its own; closing this directory closes the delegate and wipes the copy.
   */
  public EncryptedDirectory(Directory delegate, byte[] indexKey) {
    this(delegate, indexKey, EncryptedFormat.DEFAULT_SEGMENT_SHIFT, defaultCacheBytes());
  }

  /**
   * The segment cache size: {@code -Ddualcheck.index.cacheMiB=N} if given, else a quarter of the
   * maximum heap and at least 64 MiB. A full-size index (3.5 GB) is far larger than any cache, so
   * the cache grows with the heap it is given: every miss decrypts a segment again.
   */
  static long defaultCacheBytes() {
    String configured = System.getProperty(CACHE_PROPERTY);
    if (configured != null) {
      try {
        long mib = Long.parseLong(configured.strip());
        if (mib > 0) {
          return mib << 20;
        }
      } catch (NumberFormatException e) {
        // fall through to the message below
      }
      throw new IllegalArgumentException(
          CACHE_PROPERTY + " must be a positive number of MiB, not " + configured);
    }
    return Math.max(DEFAULT_CACHE_BYTES, Runtime.getRuntime().maxMemory() / 4);
  }

  EncryptedDirectory(Directory delegate, byte[] indexKey, int segmentShift, long cacheBytes) {
    super(delegate);
    if (indexKey == null || indexKey.length != EncryptedFormat.KEY_BYTES) {
      throw new IllegalArgumentException("index key must be 32 bytes");
    }
    if (segmentShift < EncryptedFormat.MIN_SEGMENT_SHIFT
        || segmentShift > EncryptedFormat.MAX_SEGMENT_SHIFT) {
      throw new IllegalArgumentException("segment shift out of range: " + segmentShift);
    }
    this.indexKey = indexKey.clone();
    this.segmentShift = segmentShift;
    this.cache = new SegmentCache(cacheBytes);
  }

  /**
   * An encrypted directory over the files in {@code folder}. Only ciphertext is memory-mapped (a
   * segment-cache miss then costs no read system call); decrypted bytes live on the heap.
   */
  public static EncryptedDirectory open(Path folder, byte[] indexKey) throws IOException {
    Directory plain = new MMapDirectory(folder);
    try {
      return new EncryptedDirectory(plain, indexKey);
    } catch (RuntimeException e) {
      IOUtils.closeWhileHandlingException(plain);
      throw e;
    }
  }

  @Override
  public IndexOutput createOutput(String name, IOContext context) throws IOException {
    // registered before the file appears, so no reader sees it unfinished
    if (!writing.add(name)) {
      throw new FileAlreadyExistsException(name);
    }
    IndexOutput out;
    try {
      out = in.createOutput(name, context);
    } catch (IOException | RuntimeException e) {
      writing.remove(name);
      throw e;
    }
    return encrypting(out);
  }

  @Override
  public IndexOutput createTempOutput(String prefix, String suffix, IOContext context)
      throws IOException {
    IndexOutput out = in.createTempOutput(prefix, suffix, context);
    writing.add(out.getName());
    return encrypting(out);
  }

  private IndexOutput encrypting(IndexOutput out) throws IOException {
    String name = out.getName();
    try {
      return new EncryptedIndexOutput(
          out,
          indexKey,
          EncryptedFormat.segmentShift(name, segmentShift),
          random,
          () -> writing.remove(name));
    } catch (IOException | RuntimeException e) {
      writing.remove(name);
      IOUtils.closeWhileHandlingException(out);
      throw e;
    }
  }

  /**
   * Opens a finished file. A file still being written cannot be authenticated yet (its last segment
   * is missing), so it is refused as FSDirectory refuses files it cannot access.
   */
  @Override
  public IndexInput openInput(String name, IOContext context) throws IOException {
    if (writing.contains(name)) {
      throw new AccessDeniedException(name, null, "still open for writing");
    }
    return new EncryptedIndexInput(openFile(name, context));
  }

  private EncryptedFile openFile(String name, IOContext context) throws IOException {
    IndexInput ciphertext = in.openInput(name, context);
    try {
      return EncryptedFile.open(name, ciphertext, indexKey, cache, context);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(ciphertext);
      throw e;
    }
  }

  /**
   * The plaintext length, computed from the ciphertext length and the segment size of the header.
   */
  @Override
  public long fileLength(String name) throws IOException {
    long ciphertextLength = in.fileLength(name);
    int shift;
    try (IndexInput ciphertext = in.openInput(name, IOContext.READONCE)) {
      shift = EncryptedFormat.segmentShift(EncryptedFile.header(name, ciphertext));
    }
    long length = EncryptedFormat.plaintextLength(ciphertextLength, shift);
    if (length < 0) {
      throw new CorruptIndexException(
          "ciphertext length " + ciphertextLength + " is not a valid encrypted file length", name);
    }
    return length;
  }

  /**
   * Authenticates every file completely; throws CorruptIndexException naming a file that failed.
   * The write lock, which the delegate's lock factory creates empty, is not a data file. Files are
   * verified on as many threads as there are cores, largest first: every scan verifies the whole
   * index before its checks start, and at full size that took 1.2 s on one core.
   */
  public void verifyAll() throws IOException {
    List<String> names = new ArrayList<>();
    Map<String, Long> lengths = new HashMap<>();
    for (String name : listAll()) {
      if (!name.equals(IndexWriter.WRITE_LOCK_NAME)) {
        names.add(name);
        lengths.put(name, in.fileLength(name));
      }
    }
    names.sort(Comparator.comparing(lengths::get, Comparator.reverseOrder()));
    int threads = Math.min(names.size(), Runtime.getRuntime().availableProcessors());
    if (threads <= 1) {
      for (String name : names) {
        verify(name);
      }
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "dualcheck-verify");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<?>> verified = new ArrayList<>(names.size());
      for (String name : names) {
        verified.add(pool.submit(() -> verify(name), null));
      }
      for (Future<?> file : verified) {
        file.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while verifying the index");
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    } finally {
      // after a failure, the others stop at their next segment: none outlives this call, so the
      // caller may close or rebuild the index at once
      pool.shutdownNow();
      awaitStopped(pool);
    }
  }

  private static void awaitStopped(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void verify(String name) {
    try {
      EncryptedFile file = openFile(name, IOContext.READONCE);
      try {
        file.verify();
      } finally {
        file.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The IOException or unchecked throwable a verifying thread failed with, to rethrow as it was.
   */
  private static IOException unwrap(Throwable failure) {
    if (failure instanceof UncheckedIOException unchecked) {
      return unchecked.getCause();
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new IOException(failure);
  }

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      cache.clear();
      Arrays.fill(indexKey, (byte) 0);
    }
  }

  /** Bytes of decrypted segments currently cached, for tests and measurements. */
  long cachedBytes() {
    return cache.bytes();
  }
}
