package dev.dualcheck.store;

/** Wrong passphrase or key file, or a role that may not do this; the CLI exits 3. */
public class StoreAccessException extends Exception {
  public StoreAccessException(String message) {
    super(message);
  }
}
