package dev.dualcheck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine.Option;

/** A passphrase being set (user add, passwd): never the one that unlocked the store. */
final class NewPassphrase {

  @Option(
      names = "--new-passphrase-file",
      paramLabel = "FILE",
      description =
          "Read the new passphrase from the first line of FILE (default: $DUALCHECK_NEW_PASSPHRASE, else a prompt asked twice).")
  Path file;

  char[] read(Map<String, String> env) throws UsageException, IOException {
    if (file != null) {
      return StoreOptions.firstLine(file);
    }
    String fromEnv = env.get("DUALCHECK_NEW_PASSPHRASE");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv.toCharArray();
    }
    java.io.Console console = System.console();
    if (console == null) {
      throw new UsageException(
          "no new passphrase: set DUALCHECK_NEW_PASSPHRASE, use --new-passphrase-file, or run in a"
              + " terminal");
    }
    char[] first = console.readPassword("New passphrase: ");
    char[] second = console.readPassword("Repeat new passphrase: ");
    try {
      if (first == null || first.length == 0) {
        throw new UsageException("no passphrase entered");
      }
      if (!Arrays.equals(first, second)) {
        Arrays.fill(first, '\0');
        throw new UsageException("the two passphrases differ");
      }
      return first;
    } finally {
      if (second != null) {
        Arrays.fill(second, '\0');
      }
    }
  }
}
