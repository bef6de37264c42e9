package dev.dualcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 end to end: a director and two clinicians; each sees what they may; the director
 * resolves; the audit log records it all and notices any change made behind its back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GovernanceIT {

  private static final String CONSULT =
      "  possible conflict \u2014 consult the clinical director \\(reference (R-[A-Z2-9]{10})\\)\n";

  @TempDir static Path temp;
  Path store;
  Cli director;
  Cli ada;
  Cli bo;
  Cli auditor;
  String remembered;

  @BeforeAll
  void clinicWithADirectorTwoCliniciansAndAnAuditor() throws Exception {
    store = temp.resolve("store");
    write(
        "staff.csv",
        "staff_id,role,given_name,family_name",
        "S1,clinician,Ada,Quillfeather",
        "S2,clinician,Bo,Fennimore");
    write(
        "clients.csv",
        "client_id,given_name,family_name,dob,phone,clinician_id",
        "C1,Wilhelmina,Trevanion,1970-03-04,,S1",
        "C2,Octavia,Pemberton,1981-06-07,+44 20 7946 0011,S2");
    write(
        "ties.csv",
        "staff_id,relation,given_name,family_name,dob",
        "S1,neighbour,Rosalind,Achterberg,1966-09-10");
    write(
        "contacts.csv",
        "contact_id,kind,given_name,family_name,dob",
        "K1,intake,Octavia,Pemberton,1981-06-07",
        "K2,intake,Wilhelmina,Trevanion,1970-03-04");
    director = new Cli(store);
    ok(director.run("init", "--user", "dora", "--clinic", "Test Clinic"));
    for (String kind : List.of("staff", "clients", "ties")) {
      ok(director.run("import", kind, temp.resolve(kind + ".csv").toString()));
    }
    ada = user("ada", "clinician", "S1");
    bo = user("bo", "clinician", "S2");
    auditor = user("avi", "auditor", null);
  }

  private Cli user(String name, String role, String staffId) {
    director.env.put("DUALCHECK_NEW_PASSPHRASE", "passphrase of " + name);
    Cli.Result added =
        staffId == null
            ? director.run("user", "add", name, "--role", role)
            : director.run("user", "add", name, "--role", role, "--staff-id", staffId);
    assertEquals("added user " + name + " (" + role + ")\n", added.out(), added::toString);
    director.env.remove("DUALCHECK_NEW_PASSPHRASE");
    Cli cli = new Cli(store);
    cli.env.put("DUALCHECK_PASSPHRASE", "passphrase of " + name);
    return cli;
  }

  // ---------------------------------------------------------------- disclosure

  @Test
  @Order(1)
  void clinicianSeesOwnClientInFull() {
    Cli.Result result =
        ada.run("check", "--given", "Wilhelmina", "--family", "Trevanion", "--dob", "1970-03-04");
    assertEquals(1, result.status(), result::toString);
    assertTrue(
        result
            .out()
            .matches(
                "1 possible conflict:\n"
                    + "  F-[0-9a-f]{16}  identity        (certain |probable) [01]\\.\\d\\d  client C1"
                    + " \\(Wilhelmina Trevanion\\)\n"),
        result::toString);
  }

  @Test
  @Order(1)
  void clinicianSeesOnlyAReferenceForAnotherClinicianClient() throws Exception {
    Cli.Result result =
        ada.run("check", "--given", "Octavia", "--family", "Pemberton", "--dob", "1981-06-07");
    assertEquals(1, result.status(), result::toString);
    Matcher text = Pattern.compile("1 possible conflict:\n" + CONSULT).matcher(result.out());
    assertTrue(text.matches(), result::toString);
    String reference = text.group(1);

    Cli.Result json =
        ada.run(
            "check",
            "--given",
            "Octavia",
            "--family",
            "Pemberton",
            "--dob",
            "1981-06-07",
            "--json");
    assertEquals(1, json.status(), json::toString);
    JsonNode finding = new ObjectMapper().readTree(json.out()).get("findings").get(0);
    assertEquals(reference, finding.get("reference").asText());
    assertEquals(List.of("reference", "withheld", "message"), fieldNames(finding));
    String everything = json.out() + json.err() + result.out() + result.err();
    for (String hidden : List.of("C2", "S2")) {
      assertFalse(containsWord(everything, hidden), hidden + " in\n" + json);
    }
    // no finding id either: it is an unkeyed hash of ids a clinician could enumerate
    for (String hidden : List.of("Octavia", "Pemberton", "identity", "F-", "1981", "client")) {
      assertFalse(everything.contains(hidden), hidden + " in\n" + json);
    }

    // the director finds the finding by the reference the clinician was given
    Cli.Result shown = director.run("findings", "show", reference);
    assertEquals(0, shown.status(), shown::toString);
    assertTrue(shown.out().contains("identity"), shown::toString);
    assertTrue(shown.out().contains("client C2 (Octavia Pemberton)"), shown::toString);
    assertTrue(shown.out().endsWith("no decision yet\n"), shown::toString);
  }

  @Test
  @Order(1)
  void clinicianSeesOwnTieInFull() {
    Cli.Result result =
        ada.run("check", "--given", "Rosalind", "--family", "Achterberg", "--dob", "1966-09-10");
    assertEquals(1, result.status(), result::toString);
    assertTrue(
        result
            .out()
            .matches(
                "1 possible conflict:\n"
                    + "  F-[0-9a-f]{16}  therapist_tie   (certain |probable) [01]\\.\\d\\d  tie S1"
                    + " \\(Rosalind Achterberg\\)\n"),
        result::toString);
    // the other clinician's view of the same person: a reference only
    Cli.Result other =
        bo.run("check", "--given", "Rosalind", "--family", "Achterberg", "--dob", "1966-09-10");
    assertTrue(
        Pattern.compile("1 possible conflict:\n" + CONSULT).matcher(other.out()).matches(),
        other::toString);
  }

  @Test
  @Order(1)
  void strangerIsNoConflictForAnyone() {
    for (Cli cli : List.of(ada, director)) {
      Cli.Result result =
          cli.run("check", "--given", "Zebulon", "--family", "Xanthopoulos", "--dob", "1990-01-01");
      assertEquals(0, result.status(), result::toString);
      assertEquals("no conflict found\n", result.out());
    }
  }

  @Test
  @Order(1)
  void directorSeesEverythingInFull() {
    Cli.Result result =
        director.run("check", "--given", "Octavia", "--family", "Pemberton", "--dob", "1981-06-07");
    assertEquals(1, result.status(), result::toString);
    assertTrue(
        result
            .out()
            .matches(
                "1 possible conflict:\n"
                    + "  F-[0-9a-f]{16}  identity        (certain |probable) [01]\\.\\d\\d  client C2"
                    + " \\(Octavia Pemberton\\)\n"),
        result::toString);
  }

  // ---------------------------------------------------------------- access

  @Test
  @Order(2)
  void eachRoleIsDeniedWhatItMayNotDo() {
    String csv = temp.resolve("clients.csv").toString();
    denied(ada, "clinician may not import", "import", "clients", csv);
    // a clinician may scan their own acquaintances (see InteropIT), never a clinic batch report
    denied(
        ada,
        "clinician may not scan other than their own acquaintances, without --report",
        "scan",
        temp.resolve("contacts.csv").toString(),
        "--report",
        temp.resolve("denied.pdf").toString());
    denied(
        ada,
        "clinician may not resolve findings",
        "resolve",
        "R-AAAAAAAAAA",
        "--decision",
        "cleared",
        "--note",
        "x");
    denied(ada, "clinician may not look up findings", "findings", "show", "R-AAAAAAAAAA");
    denied(ada, "clinician may not add users", "user", "add", "eve", "--role", "director");
    denied(ada, "clinician may not list users", "user", "list");
    denied(ada, "clinician may not rotate keys", "keys", "rotate");
    denied(ada, "clinician may not rebuild the index", "index", "--rebuild");
    denied(ada, "clinician may not read the audit log", "audit", "show");
    denied(ada, "clinician may not verify the audit log", "audit", "verify");
    denied(
        ada,
        "clinician may not list notes for another clinician's client",
        "note",
        "list",
        "--client",
        "C2");
    denied(
        ada,
        "clinician may not list notes for another clinician's client",
        "note",
        "list",
        "--client",
        "C404");
    denied(
        ada, "clinician may not check as another clinician", "check", "--given", "A", "--as", "S2");
    denied(auditor, "auditor may not check", "check", "--given", "Octavia");
    denied(auditor, "auditor may not list notes", "note", "list", "--client", "C1");
    denied(auditor, "auditor may not read notes", "note", "show", "N-0000000000000000");
    denied(auditor, "auditor may not import", "import", "clients", csv);
    denied(auditor, "auditor may not scan", "scan", temp.resolve("contacts.csv").toString());
    denied(
        auditor,
        "auditor may not resolve findings",
        "resolve",
        "R-AAAAAAAAAA",
        "--decision",
        "cleared",
        "--note",
        "x");
    Cli.Result audit = auditor.run("audit", "verify");
    assertEquals(0, audit.status(), audit::toString);
  }

  private static void denied(Cli cli, String message, String... args) {
    Cli.Result result = cli.run(args);
    assertEquals(3, result.status(), result::toString);
    assertEquals("error: access denied: " + message + "\n", result.err(), result::toString);
    assertEquals("", result.out());
  }

  // ---------------------------------------------------------------- notes

  @Test
  @Order(3)
  void notesForOwnClientsAndAmendments() throws Exception {
    Path text = temp.resolve("note.txt");
    Files.writeString(text, "Talked about the garden.\n");
    Cli.Result added =
        ada.run("note", "add", "--client", "C1", "--date", "2026-11-20", "--file", text.toString());
    assertEquals(0, added.status(), added::toString);
    String noteId = added.out().strip().substring("added note ".length());
    Files.writeString(text, "Talked about the garden and the allotment.\n");
    ok(ada.run("note", "amend", noteId, "--file", text.toString()));
    Cli.Result shown = ada.run("note", "show", noteId);
    assertEquals(
        "note "
            + noteId
            + " about client C1, session 2026-11-20, written by S1 on 2026-11-27T23:00:00Z\n"
            + "amended on 2026-11-27T23:00:00Z by S1 (version 2)\n\n"
            + "Talked about the garden and the allotment.\n",
        shown.out(),
        shown::toString);
    Cli.Result listed = ada.run("note", "list", "--client", "C1");
    assertEquals(noteId + "  2026-11-20  v2  S1\n", listed.out(), listed::toString);
    denied(
        bo, "clinician may not read notes for another clinician's client", "note", "show", noteId);
    denied(
        bo,
        "clinician may not amend notes for another clinician's client",
        "note",
        "amend",
        noteId,
        "--file",
        text.toString());
    Cli.Result verified = director.run("index", "--verify");
    assertEquals(0, verified.status(), verified::toString);
    assertTrue(
        verified.out().startsWith("index intact: every file authenticates; client 2, "),
        verified::toString);
    assertTrue(verified.out().contains("note 2"), verified::toString);
  }

  // ---------------------------------------------------------------- resolutions

  @Test
  @Order(4)
  void notSamePersonIsSuppressedUntilTheRecordChanges() throws Exception {
    Path json = temp.resolve("findings.json");
    Cli.Result first =
        director.run("scan", temp.resolve("contacts.csv").toString(), "--json", json.toString());
    assertEquals(1, first.status(), first::toString);
    String k1 = findingOf(json, "K1", "C2");
    String k2 = findingOf(json, "K2", "C1");
    remembered = k1;

    Cli.Result resolved =
        director.run(
            "resolve",
            k1,
            "--decision",
            "not_same_person",
            "--note",
            "different middle name per intake call");
    assertEquals(0, resolved.status(), resolved::toString);
    assertTrue(
        resolved.out().matches("resolved " + k1 + " \\(R-[A-Z2-9]{10}\\) as not_same_person\n"),
        resolved::toString);
    ok(
        director.run(
            "resolve", k2, "--decision", "cleared", "--note", "seen years ago, no current tie"));

    Cli.Result second =
        director.run("scan", temp.resolve("contacts.csv").toString(), "--json", json.toString());
    assertEquals(1, second.status(), second::toString);
    assertEquals(null, findingOrNull(json, "K1", "C2"), "suppressed");
    JsonNode cleared = byId(json, k2);
    assertEquals("cleared", cleared.get("resolution").get("decision").asText());
    assertEquals("dora", cleared.get("resolution").get("by").asText());

    // the client's record changes: the decision no longer covers it
    write(
        "clients2.csv",
        "client_id,given_name,family_name,dob,phone,clinician_id",
        "C2,Octavia,Pemberton,1981-06-07,+44 20 7946 0099,S2");
    ok(director.run("import", "clients", temp.resolve("clients2.csv").toString()));
    ok(director.run("scan", temp.resolve("contacts.csv").toString(), "--json", json.toString()));
    JsonNode back = byId(json, k1);
    assertTrue(back.get("resolution").isNull(), back::toString);

    Cli.Result history = director.run("resolve", "--history", k1);
    assertTrue(
        history
            .out()
            .matches(
                "decisions, oldest first:\n  2026-11-27T23:00:00Z  not_same_person by dora: different"
                    + " middle name per intake call\n"),
        history::toString);
  }

  // ---------------------------------------------------------------- audit

  @Test
  @Order(5)
  void usersPassphrasesAndKeys() throws Exception {
    Cli.Result users = director.run("user", "list");
    assertEquals(
        "dora  director\nada  clinician  S1\nbo  clinician  S2\navi  auditor\n",
        users.out(),
        users::toString);

    bo.env.put("DUALCHECK_NEW_PASSPHRASE", "bo's new passphrase");
    Cli.Result changed = bo.run("passwd");
    assertEquals("changed the passphrase of bo\n", changed.out(), changed::toString);
    bo.env.remove("DUALCHECK_NEW_PASSPHRASE");
    Cli.Result oldOne = bo.run("note", "list", "--client", "C2");
    assertEquals(3, oldOne.status(), oldOne::toString);
    assertEquals("error: wrong passphrase\n", oldOne.err());
    bo.env.put("DUALCHECK_PASSPHRASE", "bo's new passphrase");
    Cli.Result none = bo.run("note", "list", "--client", "C2");
    assertEquals("no notes\n", none.out(), none::toString);

    // the machine key unlocks as a director
    Path machineKey = temp.resolve("machine.key");
    ok(director.run("keys", "add-machine", "--out", machineKey.toString()));
    Cli machine = new Cli(store);
    machine.env.remove("DUALCHECK_PASSPHRASE");
    Cli.Result asMachine = machine.run("user", "list", "--key-file", machineKey.toString());
    assertEquals(0, asMachine.status(), asMachine::toString);

    ok(director.run("user", "remove", "bo"));
    Cli.Result gone = bo.run("note", "list", "--client", "C2");
    assertEquals("error: wrong passphrase\n", gone.err(), gone::toString);

    Cli.Result rotated = director.run("keys", "rotate");
    assertEquals(0, rotated.status(), rotated::toString);
    assertTrue(
        rotated.out().endsWith("rotated to key version 2; the index was rebuilt\n"),
        rotated::toString);
    assertTrue(rotated.out().startsWith("re-encrypted 0 of "), rotated::toString);
    // decisions, remembered findings and the audit chain survive the rotation
    Cli.Result history = director.run("findings", "show", remembered);
    assertTrue(history.out().contains("not_same_person by dora"), history::toString);
    Cli.Result verified = auditor.run("audit", "verify");
    assertEquals(0, verified.status(), verified::toString);
    Cli.Result index = director.run("index", "--verify");
    assertEquals(0, index.status(), index::toString);
  }

  @Test
  @Order(6)
  void auditLogRecordsAndNoticesAChange() throws Exception {
    Cli wrong = new Cli(store);
    wrong.env.put("DUALCHECK_PASSPHRASE", "not a passphrase");
    // (a failed unlock leaves a pending note, folded in at the next unlock)
    Cli.Result refused = wrong.run("audit", "show");
    assertEquals(3, refused.status(), refused::toString);
    assertEquals("error: wrong passphrase\n", refused.err());

    Cli.Result shown = auditor.run("audit", "show");
    assertEquals(0, shown.status(), shown::toString);
    String log = shown.out();
    for (String action :
        List.of(
            "init",
            "import",
            "user.add",
            "check",
            "denied",
            "note.add",
            "note.amend",
            "note.read",
            "scan",
            "resolve",
            "unlock.failed",
            "passwd",
            "user.remove",
            "keys.rotate",
            "keys.add-machine",
            "finding.read")) {
      assertTrue(log.contains("  " + action), action + " missing in\n" + log);
    }
    for (String hidden : List.of("Octavia", "Pemberton", "C2", "K1", "garden", "1981")) {
      assertFalse(containsWord(log, hidden), hidden + " in the audit log\n" + log);
    }
    Cli.Result verified = auditor.run("audit", "verify");
    assertEquals(0, verified.status(), verified::toString);
    assertTrue(
        verified
            .out()
            .matches("audit chain intact: \\d+ entries, head signed at 2026-11-27T23:00:00Z\n"),
        verified::toString);

    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + store.resolve("store.db"));
        Statement st = db.createStatement()) {
      st.executeUpdate("DELETE FROM audit WHERE entry = 17");
    }
    Cli.Result broken = director.run("audit", "verify");
    assertEquals(1, broken.status(), broken::toString);
    assertEquals("audit chain broken at entry 17: missing (the next entry is 18)\n", broken.out());
  }

  @Test
  @Order(7)
  void damagedIndexIsReportedWithTheFix() throws Exception {
    Path largest;
    try (java.util.stream.Stream<Path> files = Files.list(store.resolve("index"))) {
      largest =
          files
              .filter(f -> !f.getFileName().toString().equals("write.lock"))
              .max(java.util.Comparator.comparingLong(f -> f.toFile().length()))
              .orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(largest);
    bytes[bytes.length / 2] ^= 1;
    Files.write(largest, bytes);
    Cli.Result result = director.run("index", "--verify");
    assertEquals(3, result.status(), result::toString);
    assertTrue(result.err().contains("run `dualcheck index --rebuild`"), result::toString);
    ok(director.run("index", "--rebuild"));
    Cli.Result repaired = director.run("index", "--verify");
    assertEquals(0, repaired.status(), repaired::toString);
  }

  // ---------------------------------------------------------------- helpers

  /** As a word: a reference's random letters may well contain "C2". */
  private static boolean containsWord(String text, String word) {
    return Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(word) + "(?![A-Za-z0-9])")
        .matcher(text)
        .find();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String findingOf(Path json, String contact, String ref) throws Exception {
    String id = findingOrNull(json, contact, ref);
    assertTrue(id != null, contact + " -> " + ref + " in " + Files.readString(json));
    return id;
  }

  private static String findingOrNull(Path json, String contact, String ref) throws Exception {
    for (JsonNode f : new ObjectMapper().readTree(json.toFile()).get("findings")) {
      if (f.path("contact_id").asText().equals(contact) && f.path("ref").asText().equals(ref)) {
        return f.get("id").asText();
      }
    }
    return null;
  }

  private static JsonNode byId(Path json, String id) throws Exception {
    for (JsonNode f : new ObjectMapper().readTree(json.toFile()).get("findings")) {
      if (f.path("id").asText().equals(id)) {
        return f;
      }
    }
    throw new AssertionError(id + " not in " + Files.readString(json));
  }

  private static void ok(Cli.Result result) {
    assertTrue(result.status() == 0 || result.status() == 1, result::toString);
  }

  private static void write(String name, String... lines) throws Exception {
    Files.writeString(temp.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }
}
