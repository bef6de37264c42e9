package dev.dualcheck.api;

import java.io.IOException;

/**
 * Another process (an import, the nightly run, a scan) has the index open for writing, and this one
 * needs to write too (its index is behind the store, or it imports); one writer at a time.
 * Searching an index in step with the store needs no writer.
 */
public final class IndexInUseException extends IOException {
  IndexInUseException(Throwable cause) {
    super(
        "the index is being written by another dualcheck process (an import, the nightly run, a"
            + " scan or index --rebuild): wait for it to finish",
        cause);
  }
}
