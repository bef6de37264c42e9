package dev.dualcheck.cli;

import dev.dualcheck.api.Dualcheck;
import dev.dualcheck.index.PersonIndex;
import dev.dualcheck.store.Store;
import dev.dualcheck.store.StoreAccessException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * An unlocked store for one command: how the command line unlocks it (options, environment,
 * prompt); everything else — the index kept in step, plugins, checks — is the embedding facade's.
 */
final class Workspace implements AutoCloseable {

  final Store store;
  final Dualcheck dualcheck;

  private Workspace(Dualcheck dualcheck) {
    this.dualcheck = dualcheck;
    this.store = dualcheck.store();
  }

  /** Unlocks the store with the key file or passphrase the options name. */
  static Workspace open(Main main, StoreOptions options)
      throws UsageException, IOException, StoreAccessException {
    return open(main, options, List.of());
  }

  /** As {@link #open(Main, StoreOptions)}, loading extra plugin jars too. */
  static Workspace open(Main main, StoreOptions options, Collection<Path> pluginJars)
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
    return new Workspace(Dualcheck.wrap(store, main.clock, pluginJars));
  }

  static Workspace of(Store store) throws IOException {
    return new Workspace(Dualcheck.wrap(store, Clock.systemUTC(), List.of()));
  }

  static Workspace of(Store store, Main main, Collection<Path> pluginJars) throws IOException {
    return new Workspace(Dualcheck.wrap(store, main.clock, pluginJars));
  }

  /** The index, brought up to date with the store's changes since its last commit. */
  PersonIndex index() throws IOException {
    return dualcheck.index();
  }

  /** Indexes every store change the index has not seen yet; returns how many records. */
  long update() throws IOException {
    return dualcheck.updateIndex();
  }

  /** Throws the index away and builds it again from the store; returns how many records. */
  long rebuild() throws IOException {
    return dualcheck.rebuildIndex();
  }

  /**
   * Authenticates every index file and compares per-kind counts with the store; returns the counts,
   * e.g. "client 300, note 1200" (see {@link Dualcheck#verifyIndex()}).
   */
  String verifyIndex() throws IOException {
    return dualcheck.verifyIndex();
  }

  Path indexFolder() {
    return dualcheck.indexFolder();
  }

  @Override
  public void close() throws IOException {
    dualcheck.close();
  }
}
