package dev.dualcheck.cli;

import dev.dualcheck.index.EncryptedDirectory;
import dev.dualcheck.index.PersonIndex;
import dev.dualcheck.store.Purpose;
import dev.dualcheck.store.RecordKind;
import dev.dualcheck.store.Store;
import dev.dualcheck.store.StoreAccessException;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;

/** An unlocked store and its encrypted index, kept in step with each other. */
final class Workspace implements AutoCloseable {

  final Store store;
  private PersonIndex index;

  private Workspace(Store store) {
    this.store = store;
  }

  /** Unlocks the store with the key file or passphrase the options name. */
  static Workspace open(Main main, StoreOptions options)
      throws UsageException, IOException, StoreAccessException {
    Path directory = options.storeDirectory(main.env);
    if (!Store.exists(directory)) {
      throw new UsageException(
          "no store at "
              + directory
              + ": create one with `dualcheck init --store "
              + directory
              + "`");
    }
    Store store;
    if (options.keyFile != null) {
      store = Store.openWithKeyFile(directory, options.keyFile, main.clock);
    } else {
      char[] passphrase = options.passphrase(main.env, "Passphrase: ");
      try {
        store = Store.open(directory, passphrase, main.clock);
      } finally {
        Arrays.fill(passphrase, '\0');
      }
    }
    return new Workspace(store);
  }

  static Workspace of(Store store) {
    return new Workspace(store);
  }

  /** The index, brought up to date with the store's changes since its last commit. */
  PersonIndex index() throws IOException {
    if (index == null) {
      index = openIndex();
      update();
    }
    return index;
  }

  /** Indexes every store change the index has not seen yet; returns how many records. */
  long update() throws IOException {
    if (index == null) {
      index = openIndex();
    }
    PersonIndex current = index;
    long sequence = store.changeSequence();
    long seen = current.committedSequence();
    if (seen == sequence) {
      return 0;
    }
    long[] count = {0};
    try {
      store.forEachChangedSince(
          seen,
          record -> {
            try {
              current.upsert(record);
              count[0]++;
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    current.commit(sequence);
    return count[0];
  }

  /** Throws the index away and builds it again from the store; returns how many records. */
  long rebuild() throws IOException {
    if (index != null) {
      index.close();
      index = null;
    }
    deleteRecursively(indexFolder());
    index = openIndex();
    return update();
  }

  private PersonIndex openIndex() throws IOException {
    Path folder = indexFolder();
    if (!Files.isDirectory(folder)) {
      // ciphertext only, but owner-only like the rest of the store
      Files.createDirectories(
          folder,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    byte[] key = store.purposeKey(Purpose.INDEX);
    try {
      return PersonIndex.open(EncryptedDirectory.open(folder, key));
    } catch (CorruptIndexException
        | IndexFormatTooOldException
        | IndexFormatTooNewException
        | NoSuchFileException
        | EOFException e) {
      throw new IndexDamagedException(e.getClass().getSimpleName(), e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * Authenticates every index file, then compares per-kind document counts with the store; throws
   * {@link IndexDamagedException} (exit 3, naming {@code index --rebuild}) on any difference.
   * Returns the counts, e.g. "client 300, note 1200".
   */
  String verifyIndex() throws IOException {
    if (index != null) {
      index.close();
      index = null;
    }
    byte[] key = store.purposeKey(Purpose.INDEX);
    try (EncryptedDirectory directory = EncryptedDirectory.open(indexFolder(), key)) {
      directory.verifyAll();
    } catch (CorruptIndexException | NoSuchFileException | EOFException e) {
      throw new IndexDamagedException(e.getClass().getSimpleName(), e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    index = openIndex();
    update(); // an index merely behind the store (a crash before its commit) is caught up, not
    // damaged
    StringBuilder counts = new StringBuilder();
    for (RecordKind kind : RecordKind.values()) {
      if (kind == RecordKind.CONTACT) {
        continue;
      }
      long inIndex = index.count(kind);
      long inStore = store.countVersions(kind);
      if (inIndex != inStore) {
        throw new IndexDamagedException(kind.singular() + " documents missing or extra", null);
      }
      counts
          .append(counts.length() == 0 ? "" : ", ")
          .append(kind.singular())
          .append(' ')
          .append(inIndex);
    }
    return counts.toString();
  }

  Path indexFolder() {
    return store.directory().resolve("index");
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (index != null) {
        index.close();
      }
    } finally {
      store.close();
    }
  }
}
