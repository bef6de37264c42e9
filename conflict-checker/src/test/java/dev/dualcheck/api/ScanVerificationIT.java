package dev.dualcheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualcheck.check.ScanResult;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan reports nothing unless every index file authenticated: damage where no check reads is
 * found as surely as damage where one does.
 */
class ScanVerificationIT {
  private static final char[] PASSPHRASE = "scan verification passphrase".toCharArray();
  private static final int CLIENTS = 2_000;

  @TempDir Path folder;
  private Path storeFolder;

  @BeforeEach
  void storeWithClients() throws Exception {
    storeFolder = folder.resolve("store");
    Store.create(storeFolder, "director", PASSPHRASE.clone(), "Test", Clock.systemUTC()).close();
    try (Dualcheck dc = Dualcheck.open(storeFolder, PASSPHRASE.clone())) {
      dc.importFile(
          clients(folder.resolve("clients.csv")), RecordKind.CLIENT, null, Options.none());
    }
  }

  @Test
  void anIntactIndexIsScanned() throws Exception {
    try (Dualcheck dc = Dualcheck.open(storeFolder, PASSPHRASE.clone())) {
      ScanResult result = dc.scan(contacts(), done -> {});
      assertEquals(3, result.contacts());
      assertFalse(result.findings().isEmpty(), "the clients among the contacts are found");
    }
  }

  @Test
  void damageNoCheckReadsStillStopsTheScan() throws Exception {
    flipAByteInTheMiddleOfTheLargestIndexFile();
    try (Dualcheck dc = Dualcheck.open(storeFolder, PASSPHRASE.clone())) {
      // no contacts: the checks read nothing, so only the verification can find the damage
      IndexDamagedException e =
          assertThrows(IndexDamagedException.class, () -> dc.scan(List.of(), done -> {}));
      assertTrue(e.getMessage().contains("run `dualcheck index --rebuild`"), e::getMessage);
    }
  }

  @Test
  void damageIsReportedInsteadOfFindings() throws Exception {
    flipAByteInTheMiddleOfTheLargestIndexFile();
    try (Dualcheck dc = Dualcheck.open(storeFolder, PASSPHRASE.clone())) {
      assertThrows(IndexDamagedException.class, () -> dc.scan(contacts(), done -> {}));
      // the scan's threads are gone and its files closed: a rebuild can delete them at once
      assertEquals(CLIENTS, dc.rebuildIndex());
      assertFalse(dc.scan(contacts(), done -> {}).findings().isEmpty());
    }
  }

  private void flipAByteInTheMiddleOfTheLargestIndexFile() throws IOException {
    Path largest;
    try (Stream<Path> files = Files.list(storeFolder.resolve("index"))) {
      largest =
          files
              .filter(f -> !f.getFileName().toString().equals("write.lock"))
              .max(Comparator.comparingLong(f -> f.toFile().length()))
              .orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(largest);
    bytes[bytes.length / 2] ^= 1;
    Files.write(largest, bytes);
  }

  /** Two of the clients and one stranger, all obviously synthetic. */
  private static List<ClinicRecord> contacts() {
    List<ClinicRecord> contacts = new ArrayList<>();
    contacts.add(contact("K1", "Testa17", "Probe17"));
    contacts.add(contact("K2", "Testa1234", "Probe1234"));
    contacts.add(contact("K3", "Nobody", "Elsewhere"));
    return contacts;
  }

  private static ClinicRecord contact(String id, String given, String family) {
    return new ClinicRecord(
        RecordKind.CONTACT,
        id,
        Map.of(
            "contact_id", id,
            "kind", "intake",
            "given_name", given,
            "family_name", family,
            "dob", "1980-01-01"));
  }

  private static Path clients(Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("client_id,given_name,family_name,dob\n");
      for (int i = 1; i <= CLIENTS; i++) {
        out.write(String.format(Locale.ROOT, "C%06d,Testa%d,Probe%d,1980-01-01%n", i, i, i));
      }
    }
    return file;
  }
}
