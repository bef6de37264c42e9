package dev.dualcheck.store;

import java.io.IOException;

/** Another process holds the store's writer lock. */
public class StoreInUseException extends IOException {
  public StoreInUseException() {
    super("store is in use by another dualcheck command");
  }
}
