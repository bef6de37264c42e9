package dev.dualcheck.cli;

/** Exit statuses of every command (DESIGN.md, Command line). Anything else is a bug. */
final class Exit {
  /** Success, and nothing found. */
  static final int OK = 0;

  /** Findings present, or a verification failed. */
  static final int FOUND = 1;

  /** Bad usage or bad input (with file, line and column). */
  static final int USAGE = 2;

  /** Wrong passphrase, access denied or tampering detected. */
  static final int DENIED = 3;

  /** An unexpected failure: a bug. */
  static final int INTERNAL = 70;

  private Exit() {}
}
