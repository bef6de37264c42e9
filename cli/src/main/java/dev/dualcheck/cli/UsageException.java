package dev.dualcheck.cli;

/** Bad usage or bad input detected by a command itself: exit 2 with the message. */
final class UsageException extends Exception {
  UsageException(String message) {
    super(message);
  }
}
