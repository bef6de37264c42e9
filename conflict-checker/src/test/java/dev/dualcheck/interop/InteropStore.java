package dev.dualcheck.interop;

import dev.dualcheck.api.Dualcheck;
import dev.dualcheck.store.Store;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** A fresh store in a temporary folder, opened through the facade, and the test files. */
final class InteropStore {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T23:00:00Z"), ZoneOffset.UTC);

  private InteropStore() {}

  static Dualcheck create(Path folder) throws IOException {
    Store store =
        Store.create(
            folder.resolve("store"),
            "director",
            "test passphrase".toCharArray(),
            "Test Clinic",
            CLOCK);
    return Dualcheck.wrap(store, CLOCK, List.of());
  }

  static Path file(String name) {
    try {
      return Path.of(InteropStore.class.getResource("/interop/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
