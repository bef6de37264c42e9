package dev.dualcheck.cli;

import java.io.IOException;

/** The index failed authentication or is incomplete: exit 3, and the fix is a rebuild. */
final class IndexDamagedException extends IOException {
  IndexDamagedException(String detail, Throwable cause) {
    super("index damaged (" + detail + "); run `dualcheck index --rebuild`", cause);
  }
}
