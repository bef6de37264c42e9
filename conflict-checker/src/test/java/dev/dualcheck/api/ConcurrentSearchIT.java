package dev.dualcheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualcheck.check.Finding;
import dev.dualcheck.spi.Options;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import dev.dualcheck.store.Store;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks search the committed index without its writer's lock, beside a process that writes. */
class ConcurrentSearchIT {
  private static final char[] PASSPHRASE = "concurrent search passphrase".toCharArray();

  @TempDir Path folder;

  @Test
  void aCheckSearchesWhileAnotherHoldsTheWriterAndSeesItsLaterCommits() throws Exception {
    Path storeFolder = folder.resolve("store");
    Store.create(storeFolder, "director", PASSPHRASE.clone(), "Test", Clock.systemUTC()).close();
    try (Dualcheck importer = Dualcheck.open(storeFolder, PASSPHRASE.clone())) {
      importer.importFile(
          clients(folder.resolve("first.csv"), 1, 50), RecordKind.CLIENT, null, Options.none());
      // the importer keeps its index open for writing, as serve or a long nightly run would
      try (Dualcheck therapist = Dualcheck.open(storeFolder, PASSPHRASE.clone())) {
        assertTrue(therapist.index().readOnly());
        assertEquals("C000007", identity(therapist.check(contact(7))));

        importer.importFile(
            clients(folder.resolve("later.csv"), 51, 10), RecordKind.CLIENT, null, Options.none());
        // a search looks for newer commits at most once a second
        String later = identity(therapist.check(contact(55)));
        for (int tries = 0; tries < 50 && !later.equals("C000055"); tries++) {
          Thread.sleep(100);
          later = identity(therapist.check(contact(55)));
        }
        assertEquals("C000055", later, "a later commit is seen");
      }
    }
    try (Dualcheck next = Dualcheck.open(storeFolder, PASSPHRASE.clone())) {
      assertTrue(next.index().readOnly(), "an index in step is opened for searching only");
    }
  }

  @Test
  void anIndexBehindTheStoreIsOpenedForWritingAndCaughtUp() throws Exception {
    Path storeFolder = folder.resolve("store");
    Store.create(storeFolder, "director", PASSPHRASE.clone(), "Test", Clock.systemUTC()).close();
    try (Dualcheck dc = Dualcheck.open(storeFolder, PASSPHRASE.clone())) {
      dc.importFile(
          clients(folder.resolve("a.csv"), 1, 5), RecordKind.CLIENT, null, Options.none());
    }
    try (Store store = Store.open(storeFolder, PASSPHRASE.clone(), Clock.systemUTC())) {
      store.importCsv(RecordKind.CLIENT, clients(folder.resolve("b.csv"), 6, 5), record -> {});
    }
    try (Dualcheck dc = Dualcheck.open(storeFolder, PASSPHRASE.clone())) {
      assertFalse(dc.index().readOnly());
      assertEquals("C000009", identity(dc.check(contact(9))));
    }
  }

  private static String identity(List<Finding> findings) {
    return findings.stream()
        .filter(f -> f.type().jsonName().equals("identity"))
        .map(Finding::ref)
        .findFirst()
        .orElse("none");
  }

  private static ClinicRecord contact(int i) {
    return new ClinicRecord(
        RecordKind.CONTACT,
        "K1",
        Map.of("given_name", "Testa" + i, "family_name", "Probe" + i, "dob", "1980-01-01"));
  }

  private static Path clients(Path file, int first, int count) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("client_id,given_name,family_name,dob\n");
      for (int i = first; i < first + count; i++) {
        out.write(String.format(Locale.ROOT, "C%06d,Testa%d,Probe%d,1980-01-01%n", i, i, i));
      }
    }
    return file;
  }
}
