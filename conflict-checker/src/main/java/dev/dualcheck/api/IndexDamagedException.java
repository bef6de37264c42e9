package dev.dualcheck.api;

import java.io.IOException;

/** The index failed authentication or is incomplete; the fix is a rebuild (CLI: exit 3). */
public final class IndexDamagedException extends IOException {
  IndexDamagedException(String detail, Throwable cause) {
    super("index damaged (" + detail + "); run `dualcheck index --rebuild`", cause);
  }
}
