package dev.dualcheck.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Runs dualcheck commands in-process, as a user would from a shell, and keeps what they print. */
final class Cli {

  static final String PASSPHRASE = "correct horse battery staple";

  final Map<String, String> env = new HashMap<>();
  final Clock clock = Clock.fixed(Instant.parse("2026-11-27T23:00:00Z"), ZoneOffset.UTC);

  Cli(Path store) {
    env.put("DUALCHECK_STORE", store.toString());
    env.put("DUALCHECK_PASSPHRASE", PASSPHRASE);
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.run(
            args,
            env,
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new ByteArrayInputStream(new byte[0]),
            clock);
    return new Result(status, out.toString(), err.toString());
  }

  record Result(int status, String out, String err) {
    @Override
    public String toString() {
      return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
