package dev.dualcheck.api;

import java.io.IOException;

/**
 * Another process (e.g. {@code dualcheck serve} or the nightly run) has the index open for writing;
 * one writer at a time. Try again when it has finished, or send the check to serve.
 */
public final class IndexInUseException extends IOException {
  IndexInUseException(Throwable cause) {
    super(
        "the index is in use by another dualcheck process (serve or nightly?): wait for it, or"
            + " send checks to serve",
        cause);
  }
}
