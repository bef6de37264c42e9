package dev.dualcheck.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualcheck.api.Dualcheck;
import dev.dualcheck.api.Person;
import dev.dualcheck.check.ConflictType;
import dev.dualcheck.check.Finding;
import dev.dualcheck.check.ScanResult;
import dev.dualcheck.spi.Options;
import dev.dualcheck.spi.PluginException;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.CsvFormatException;
import dev.dualcheck.store.RecordKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VcardIT {

  @TempDir Path folder;
  private Dualcheck dc;

  @BeforeEach
  void open() throws Exception {
    dc = InteropStore.create(folder);
    dc.importFile(
        InteropStore.file("bundle.json"),
        null,
        null,
        Options.of(FhirRecordSource.IDENTIFIER_SYSTEM, "urn:example:mrn,urn:example:staff"));
  }

  @AfterEach
  void close() throws IOException {
    dc.close();
  }

  @Test
  void vcard3TiesImportForTheClinicianAndAreFound() throws Exception {
    long ties =
        dc.importFile(
            InteropStore.file("ties-v3.vcf"),
            RecordKind.TIE,
            null,
            Options.of(VcardSource.STAFF_ID, "S0003"));
    assertEquals(2, ties);
    List<ClinicRecord> stored = new ArrayList<>();
    dc.store().forEach(RecordKind.TIE, stored::add);
    ClinicRecord cosima =
        stored.stream().filter(t -> t.get("given_name").equals("Cosima")).findFirst().orElseThrow();
    assertEquals("S0003", cosima.get("staff_id"));
    assertEquals("Jane", cosima.get("middle_name"));
    assertEquals("Brightwater", cosima.get("family_name"));
    assertEquals("1979-05-30", cosima.get("dob"));
    assertEquals("friend", cosima.get("relation"), "from CATEGORIES");
    assertTrue(
        cosima.id().matches("S0003-[0-9a-f]{10}"), "derived as for CSV ties: " + cosima.id());
    ClinicRecord osric =
        stored.stream().filter(t -> t.get("given_name").equals("Osric")).findFirst().orElseThrow();
    assertEquals("acquaintance", osric.get("relation"));
    assertEquals("Pellegrew Joinery", osric.get("employer"));
    assertEquals("Marlow Falls", osric.get("city"));
    assertEquals("40415", osric.get("postal_code"));

    List<Finding> findings =
        dc.check(
            Person.builder()
                .given("Cosima")
                .family("Brightwater")
                .dob("1979-05-30")
                .kind("intake")
                .build());
    assertTrue(
        findings.stream()
            .anyMatch(f -> f.type() == ConflictType.THERAPIST_TIE && f.ref().equals("S0003")),
        findings::toString);

    // the same file again changes nothing: ids are stable
    assertEquals(
        0,
        dc.importFile(
            InteropStore.file("ties-v3.vcf"),
            RecordKind.TIE,
            null,
            Options.of(VcardSource.STAFF_ID, "S0003")));
  }

  @Test
  void tiesNeedTheClinician() {
    PluginException e =
        assertThrows(
            PluginException.class,
            () ->
                dc.importFile(
                    InteropStore.file("ties-v3.vcf"), RecordKind.TIE, null, Options.none()));
    assertTrue(e.getMessage().contains("--staff"), e.getMessage());
  }

  @Test
  void vcard4ContactsScanAsAcquaintancesOfTheClinician() throws Exception {
    List<ClinicRecord> contacts =
        dc.readContacts(
            InteropStore.file("contacts-v4.vcf"), null, Options.of(VcardSource.STAFF_ID, "S0003"));
    assertEquals(3, contacts.size());
    for (ClinicRecord contact : contacts) {
      assertEquals("acquaintance", contact.get("kind"));
      assertEquals("S0003", contact.get("for_clinician"));
    }
    assertEquals("urn:uuid:7d1c0c3e-1111-4aaa-8bbb-000000000001", contacts.get(0).id());
    assertEquals("1990-06-12", contacts.get(0).get("dob"));
    assertEquals("+1-555-010-0188", contacts.get(0).get("phone"));
    assertEquals("", contacts.get(1).get("dob"), "a birthday without a year is no date of birth");
    assertEquals("card-2", contacts.get(1).id());

    ScanResult result = dc.scan(contacts, done -> {});
    assertEquals(3, result.contacts());
    assertTrue(
        result.findings().stream()
            .anyMatch(
                f ->
                    f.type() == ConflictType.IDENTITY
                        && f.ref().equals("C900102")
                        && f.contactId().equals(contacts.get(0).id())),
        result.findings()::toString);
    assertTrue(
        result.findings().stream()
            .anyMatch(f -> f.type() == ConflictType.IDENTITY && f.ref().equals("C900101")),
        "the nickname Mina finds Wilhelmina: " + result.findings());
    assertTrue(
        result.findings().stream().noneMatch(f -> f.contactId().equals("card-2")),
        result.findings()::toString);
  }

  @Test
  void cardWithoutNameIsNamedByNumber() {
    CsvFormatException e =
        assertThrows(
            CsvFormatException.class,
            () ->
                dc.readContacts(
                    InteropStore.file("bad.vcf"), null, Options.of(VcardSource.STAFF_ID, "S0003")));
    assertEquals("bad.vcf: card 2: expected a name (N or FN)", e.getMessage());
  }
}
