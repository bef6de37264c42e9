package dev.dualcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FHIR and vCard files through the command line, as clinic IT and a therapist would use them. */
class InteropCliIT {

  private static final String BUNDLE =
      """
      {"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Practitioner", "id": "S0003",
          "name": [{"family": "Whitlock", "given": ["Dana"]}]}},
        {"resource": {"resourceType": "Patient", "id": "C000201",
          "name": [{"use": "official", "family": "Okonkwo-Hart", "given": ["Wilhelmina"]},
                   {"use": "nickname", "given": ["Mina"]},
                   {"use": "maiden", "family": "Brandvold"}],
          "birthDate": "1984-07", "generalPractitioner": [{"reference": "Practitioner/S0003"}]}},
        {"resource": {"resourceType": "RelatedPerson", "id": "A000301",
          "patient": {"reference": "Patient/C000201"},
          "relationship": [{"coding": [{"code": "WIFE"}]}],
          "name": [{"family": "Okonkwo-Hart", "given": ["Arvid"]}]}}
      ]}
      """;

  private static final String TIES =
      "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Brightwater;Cosima;;;\r\nFN:Cosima Brightwater\r\n"
          + "BDAY:1979-05-30\r\nCATEGORIES:Friends\r\nEND:VCARD\r\n";

  private static final String PHONE =
      "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Mina Brandvold\r\nN:Brandvold;Mina;;;\r\n"
          + "BDAY:1984-07-22\r\nEND:VCARD\r\n"
          + "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Rosalind Ashgrove\r\nN:Ashgrove;Rosalind;;;\r\n"
          + "END:VCARD\r\n";

  @TempDir Path folder;
  private Cli cli;

  @BeforeEach
  void init() {
    cli = new Cli(folder.resolve("store"));
    assertEquals(0, cli.run("init", "--clinic", "Test Clinic").status());
  }

  @Test
  void fhirBundleImportsAndIsFoundByCheck() throws Exception {
    Path bundle = folder.resolve("export.json");
    Files.writeString(bundle, BUNDLE, StandardCharsets.UTF_8);
    Cli.Result imported = cli.run("import", bundle.toString());
    assertEquals(0, imported.status(), imported::toString);
    assertEquals("imported 3 records from " + bundle + "\n", imported.out());

    Cli.Result check =
        cli.run("check", "--given", "Mina", "--family", "Brandvold", "--dob", "1984-07-22");
    assertEquals(1, check.status(), check::toString);
    assertTrue(check.out().contains("C000201"), check::toString);
  }

  @Test
  void fhirErrorNamesThePointerAndExitsTwo() throws Exception {
    Path bundle = folder.resolve("export.json");
    Files.writeString(bundle, BUNDLE.replace("\"1984-07\"", "\"84-07\""), StandardCharsets.UTF_8);
    Cli.Result result = cli.run("import", bundle.toString());
    assertEquals(2, result.status(), result::toString);
    assertEquals(
        "error: export.json: /entry/1/resource/birthDate: expected a date YYYY, YYYY-MM or"
            + " YYYY-MM-DD\n",
        result.err());
  }

  @Test
  void vcardTiesAndPhoneContactsScan() throws Exception {
    Path bundle = folder.resolve("export.json");
    Files.writeString(bundle, BUNDLE, StandardCharsets.UTF_8);
    assertEquals(0, cli.run("import", bundle.toString()).status());
    Path ties = folder.resolve("ties.vcf");
    Files.writeString(ties, TIES, StandardCharsets.UTF_8);
    Cli.Result imported = cli.run("import", "ties", ties.toString(), "--staff", "S0003");
    assertEquals(0, imported.status(), imported::toString);
    assertEquals("imported 1 ties from " + ties + "\n", imported.out());
    Cli.Result tie =
        cli.run("check", "--given", "Cosima", "--family", "Brightwater", "--kind", "intake");
    assertEquals(1, tie.status(), tie::toString);
    assertTrue(tie.out().contains("S0003"), tie::toString);

    Cli.Result noStaff = cli.run("import", "ties", ties.toString());
    assertEquals(2, noStaff.status(), noStaff::toString);
    assertTrue(noStaff.err().contains("--staff STAFF_ID"), noStaff::toString);

    Path phone = folder.resolve("contacts.vcf");
    Files.writeString(phone, PHONE, StandardCharsets.UTF_8);
    Path json = folder.resolve("findings.json");
    Cli.Result scan =
        cli.run("scan", phone.toString(), "--for", "S0003", "--json", json.toString());
    assertEquals(1, scan.status(), scan::toString);
    assertTrue(scan.out().startsWith("scanned 2 contacts: "), scan::toString);
    String findings = Files.readString(json, StandardCharsets.UTF_8);
    assertTrue(findings.contains("\"ref\" : \"C000201\""), findings);
  }

  @Test
  void aTherapistScansTheirPhoneContactsAndOnlyTheirOwn() throws Exception {
    Path bundle = folder.resolve("export.json");
    Files.writeString(bundle, BUNDLE, StandardCharsets.UTF_8);
    assertEquals(0, cli.run("import", bundle.toString()).status());
    cli.env.put("DUALCHECK_NEW_PASSPHRASE", "dana's own passphrase");
    Cli.Result added = cli.run("user", "add", "dana", "--role", "clinician", "--staff-id", "S0003");
    assertEquals(0, added.status(), added::toString);
    Cli dana = new Cli(folder.resolve("store"));
    dana.env.put("DUALCHECK_PASSPHRASE", "dana's own passphrase");
    Path phone = folder.resolve("contacts.vcf");
    Files.writeString(phone, PHONE, StandardCharsets.UTF_8);

    Cli.Result own = dana.run("scan", phone.toString(), "--for", "S0003");
    assertEquals(1, own.status(), own::toString);
    assertTrue(own.out().contains("client C000201"), "her own client, in full: " + own);

    Cli.Result other = dana.run("scan", phone.toString(), "--for", "S0004");
    assertEquals(3, other.status(), other::toString);
    Cli.Result report =
        dana.run("scan", phone.toString(), "--report", folder.resolve("r.pdf").toString());
    assertEquals(3, report.status(), report::toString);
    assertEquals(
        "error: access denied: clinician may not scan other than their own acquaintances,"
            + " without --report\n",
        report.err());
    Cli.Result byDefault = dana.run("scan", phone.toString());
    assertEquals(1, byDefault.status(), "--for defaults to her own id: " + byDefault);
  }
}
