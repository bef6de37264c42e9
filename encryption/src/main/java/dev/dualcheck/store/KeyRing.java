package dev.dualcheck.store;

/** The store's purpose keys, by master key version, for the tables kept beside the records. */
interface KeyRing {
  /** The key for the label under the master key version, or null if that version is gone. */
  byte[] key(int version, String label);

  int currentVersion();

  byte[] storeId();
}
