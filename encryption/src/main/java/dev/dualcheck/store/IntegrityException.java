package dev.dualcheck.store;

import java.io.IOException;

/** Something in the store was changed outside dualcheck; the message never holds PHI. */
public class IntegrityException extends IOException {
  public IntegrityException(String message) {
    super(message);
  }

  static IntegrityException record(long row) {
    return new IntegrityException("store integrity check failed: record " + row);
  }
}
