package dev.dualcheck.store;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What the store's parts share with it: the open database, the store's directory (for the writer
 * lock), the live master keys and its transactions. Implemented only by {@link Store}.
 */
interface StoreState extends KeyRing {
  Connection db();

  Path dir();

  /** The master key of a version as held by the store (not a copy): never keep or wipe it. */
  byte[] masterKey(int version);

  /** Runs work in one SQLite transaction; the caller holds the writer lock. */
  void transaction(Work work) throws IOException;

  @FunctionalInterface
  interface Work {
    void run() throws SQLException, IOException, GeneralSecurityException;
  }
}
