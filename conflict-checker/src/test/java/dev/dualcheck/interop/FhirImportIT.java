package dev.dualcheck.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualcheck.api.Dualcheck;
import dev.dualcheck.api.Person;
import dev.dualcheck.check.ConflictType;
import dev.dualcheck.check.Finding;
import dev.dualcheck.spi.Options;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.CsvFormatException;
import dev.dualcheck.store.RecordKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FhirImportIT {

  private static final Options SYSTEMS =
      Options.of(FhirRecordSource.IDENTIFIER_SYSTEM, "urn:example:mrn, urn:example:staff");

  @TempDir Path folder;
  private Dualcheck dc;

  @BeforeEach
  void open() throws IOException {
    dc = InteropStore.create(folder);
  }

  @AfterEach
  void close() throws IOException {
    dc.close();
  }

  private ClinicRecord get(RecordKind kind, String id) throws IOException {
    return dc.store().get(kind, id).orElseThrow(() -> new AssertionError("missing " + kind + id));
  }

  @Test
  void bundleMapsEveryNameUseDatesTelecomAddressAndReferences() throws Exception {
    long written = dc.importFile(InteropStore.file("bundle.json"), null, null, SYSTEMS);
    assertEquals(8, written, "1 practitioner, 2 patients, 5 related persons; no encounter");

    ClinicRecord mina = get(RecordKind.CLIENT, "C900101");
    assertEquals(
        Map.ofEntries(
            Map.entry("client_id", "C900101"),
            Map.entry("given_name", "Wilhelmina"),
            Map.entry("middle_name", "Rose"),
            Map.entry("family_name", "Okonkwo-Hart"),
            Map.entry("alias_given_names", "Mina"),
            Map.entry("former_family_names", "Brandvold;Tesch"),
            Map.entry("dob", "1984-07"),
            Map.entry("sex", "F"),
            Map.entry("phone", "+1 555 010 0142"),
            Map.entry("email", "mina.oh@mail.example"),
            Map.entry("street", "27 Quill Lane, Apt 4"),
            Map.entry("city", "Marlow Falls"),
            Map.entry("postal_code", "40412"),
            Map.entry("clinician_id", "S0003"),
            Map.entry("linked_client_ids", "C900102")),
        mina.fields());

    ClinicRecord teodor = get(RecordKind.CLIENT, "C900102");
    assertEquals("Teodor", teodor.get("given_name"));
    assertEquals("Lindqvist", teodor.get("family_name"));
    assertEquals("1990", teodor.get("dob"), "a year-only birthDate stays partial");
    assertEquals("S0003", teodor.get("clinician_id"), "a urn:uuid reference resolves");

    ClinicRecord dana = get(RecordKind.STAFF, "S0003");
    assertEquals("Whitlock", dana.get("family_name"));

    assertEquals("spouse", get(RecordKind.ASSOCIATE, "A900201").get("relation"));
    assertEquals("C900101", get(RecordKind.ASSOCIATE, "A900201").get("client_id"));
    assertEquals("parent", get(RecordKind.ASSOCIATE, "A900202").get("relation"));
    assertEquals("C900102", get(RecordKind.ASSOCIATE, "A900202").get("client_id"));
    assertEquals("friend", get(RecordKind.ASSOCIATE, "A900203").get("relation"));
    assertEquals("employer", get(RecordKind.ASSOCIATE, "A900204").get("relation"));
    assertEquals("other", get(RecordKind.ASSOCIATE, "A900205").get("relation"));
  }

  @Test
  void importedPeopleAreFoundByCheckUnderEveryName() throws Exception {
    dc.importFile(InteropStore.file("bundle.json"), null, null, SYSTEMS);

    assertIdentity(
        "C900101", Person.builder().given("Mina").family("Okonkwo-Hart").dob("1984-07-22"));
    assertIdentity(
        "C900101", Person.builder().given("Wilhelmina").family("Brandvold").dob("1984-07-22"));
    List<Finding> husband =
        dc.check(Person.builder().given("Arvid").family("Okonkwo-Hart").dob("1982-02-14").build());
    assertTrue(
        husband.stream()
            .anyMatch(f -> f.type() == ConflictType.ASSOCIATE && f.ref().equals("C900101")),
        husband::toString);
  }

  private void assertIdentity(String clientId, Person.Builder person) throws IOException {
    List<Finding> findings = dc.check(person.build());
    assertTrue(
        findings.stream()
            .anyMatch(f -> f.type() == ConflictType.IDENTITY && f.ref().equals(clientId)),
        () -> "no identity finding for " + clientId + ": " + findings);
  }

  @Test
  void ndjsonImportsWithResourceIdsAndNameUses() throws Exception {
    dc.importFile(InteropStore.file("patients.ndjson"), null, null, Options.none());

    ClinicRecord giulietta = get(RecordKind.CLIENT, "C900301");
    assertEquals("Jules", giulietta.get("alias_given_names"));
    assertEquals("1975-03-09", giulietta.get("dob"));
    ClinicRecord priya = get(RecordKind.CLIENT, "C900302");
    assertEquals("Venkataraman", priya.get("former_family_names"));
    assertEquals("1988-11", priya.get("dob"));
    assertEquals("sibling", get(RecordKind.ASSOCIATE, "A900303").get("relation"));
    assertIdentity(
        "C900301", Person.builder().given("Jules").family("Marchetti").dob("1975-03-09"));
  }

  @Test
  void kindArgumentImportsOnlyThatKind() throws Exception {
    dc.importFile(InteropStore.file("bundle.json"), RecordKind.STAFF, null, SYSTEMS);
    assertEquals(1, dc.store().count(RecordKind.STAFF));
    assertEquals(0, dc.store().count(RecordKind.CLIENT));
  }

  @Test
  void badDateNamesFileAndPointerAndImportsNothing() throws Exception {
    CsvFormatException e =
        assertThrows(
            CsvFormatException.class,
            () -> dc.importFile(InteropStore.file("bad-bundle.json"), null, null, Options.none()));
    assertEquals(
        "bad-bundle.json: /entry/2/resource/birthDate: expected a date YYYY, YYYY-MM or YYYY-MM-DD",
        e.getMessage());
    assertEquals(0, dc.store().count(RecordKind.CLIENT), "the valid patients were not written");
  }

  @Test
  void badNdjsonLineIsNamed() throws Exception {
    CsvFormatException e =
        assertThrows(
            CsvFormatException.class,
            () -> dc.importFile(InteropStore.file("bad-line.ndjson"), null, null, Options.none()));
    assertEquals(
        "bad-line.ndjson: line 2: /birthDate: expected a date YYYY, YYYY-MM or YYYY-MM-DD",
        e.getMessage());
    assertTrue(!e.getMessage().contains("19-01-2001"), "the value is not quoted");
    assertEquals(0, dc.store().count(RecordKind.CLIENT));
  }

  @Test
  void unknownPatientReferenceFailsTheWholeImport() throws Exception {
    CsvFormatException e =
        assertThrows(
            CsvFormatException.class,
            () ->
                dc.importFile(
                    InteropStore.file("bad-reference.ndjson"), null, null, Options.none()));
    assertEquals(
        "bad-reference.ndjson: associate A900502, client_id: expected the id of a client in the"
            + " store",
        e.getMessage());
    assertEquals(0, dc.store().count(RecordKind.CLIENT), "the patient before it was not written");
  }

  @Test
  void malformedJsonNamesThePlaceNotTheText(@TempDir Path tmp) throws Exception {
    Path broken = tmp.resolve("broken.json");
    java.nio.file.Files.writeString(broken, "{\"resourceType\": \"Patient\", \"id\": Hesper}");
    CsvFormatException e =
        assertThrows(
            CsvFormatException.class, () -> dc.importFile(broken, null, null, Options.none()));
    assertTrue(e.getMessage().startsWith("broken.json: column "), e.getMessage());
    assertTrue(e.getMessage().endsWith(": malformed JSON"), e.getMessage());
    assertTrue(!e.getMessage().contains("Hesper"), e.getMessage());
  }
}
