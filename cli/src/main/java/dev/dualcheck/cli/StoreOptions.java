package dev.dualcheck.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the store is and how to unlock it: shared by every command that opens a store. */
final class StoreOptions {

  @Option(
      names = "--store",
      paramLabel = "DIR",
      description = "The store folder (default: $DUALCHECK_STORE).")
  Path store;

  @Option(
      names = "--passphrase-file",
      paramLabel = "FILE",
      description =
          "Read the passphrase from the first line of FILE (default: $DUALCHECK_PASSPHRASE, else a prompt).")
  Path passphraseFile;

  @Option(
      names = "--key-file",
      paramLabel = "FILE",
      description = "Unlock with the machine key file instead of a passphrase (unattended runs).")
  Path keyFile;

  Path storeDirectory(Map<String, String> env) throws UsageException {
    if (store != null) {
      return store;
    }
    String fromEnv = env.get("DUALCHECK_STORE");
    if (fromEnv == null || fromEnv.isBlank()) {
      throw new UsageException("no store given: use --store DIR or set DUALCHECK_STORE");
    }
    return Path.of(fromEnv);
  }

  /** The passphrase from the file, the environment or the terminal, in that order. */
  char[] passphrase(Map<String, String> env, String prompt) throws UsageException, IOException {
    if (passphraseFile != null) {
      return firstLine(passphraseFile);
    }
    String fromEnv = env.get("DUALCHECK_PASSPHRASE");
    if (fromEnv != null) {
      return fromEnv.toCharArray();
    }
    Console console = System.console();
    if (console == null) {
      throw new UsageException(
          "no passphrase: set DUALCHECK_PASSPHRASE, use --passphrase-file, or run in a terminal");
    }
    char[] entered = console.readPassword("%s", prompt);
    if (entered == null || entered.length == 0) {
      throw new UsageException("no passphrase entered");
    }
    return entered;
  }

  /** A new passphrase (for init): asked twice at a prompt, so a typo cannot lock the store. */
  char[] newPassphrase(Map<String, String> env) throws UsageException, IOException {
    if (passphraseFile != null || env.get("DUALCHECK_PASSPHRASE") != null) {
      return passphrase(env, "");
    }
    char[] first = passphrase(env, "New passphrase: ");
    char[] second = passphrase(env, "Repeat passphrase: ");
    try {
      if (!Arrays.equals(first, second)) {
        Arrays.fill(first, '\0');
        throw new UsageException("the two passphrases differ");
      }
      return first;
    } finally {
      Arrays.fill(second, '\0');
    }
  }

  static char[] firstLine(Path file) throws UsageException, IOException {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("passphrase file not found: " + file);
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = reader.readLine();
      if (line == null || line.isEmpty()) {
        throw new UsageException("passphrase file is empty: " + file);
      }
      return line.toCharArray();
    }
  }
}
