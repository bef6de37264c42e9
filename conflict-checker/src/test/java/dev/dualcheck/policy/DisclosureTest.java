package dev.dualcheck.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualcheck.check.ConflictType;
import dev.dualcheck.check.Evidence;
import dev.dualcheck.check.Finding;
import dev.dualcheck.check.Level;
import dev.dualcheck.check.ScanResult;
import dev.dualcheck.store.Role;
import dev.dualcheck.store.User;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisclosureTest {

  private static final Map<String, String> CLINICIAN_OF = Map.of("C1", "S1", "C2", "S2");

  private static final Finding OWN_CLIENT =
      finding("F-0000000000000001", ConflictType.IDENTITY, "C1", "client", "Ann Own");
  private static final Finding OTHER_CLIENT =
      finding("F-0000000000000002", ConflictType.NOTE_MENTION, "C2", "note", null);
  private static final Finding OWN_TIE =
      finding("F-0000000000000003", ConflictType.THERAPIST_TIE, "S1", "tie", "Ben Tie");
  private static final Finding COLLEAGUE =
      finding("F-0000000000000004", ConflictType.STAFF, "S2", "staff", "Cy Staff");
  private static final List<Finding> ALL = List.of(OWN_CLIENT, OTHER_CLIENT, OWN_TIE, COLLEAGUE);

  @Test
  void clinicianSeesOwnClientAndOwnTieOnly() {
    String text = text(new User("cara", Role.CLINICIAN, "S1"));
    assertEquals(
        "4 possible conflicts:\n"
            + "  F-0000000000000001  identity        probable 0.97  client C1 (Ann Own)\n"
            + "  possible conflict \u2014 consult the clinical director (reference R-REF2)\n"
            + "  F-0000000000000003  therapist_tie   probable 0.97  tie S1 (Ben Tie)\n"
            + "  possible conflict \u2014 consult the clinical director (reference R-REF4)\n",
        text);
  }

  @Test
  void directorSeesEverything() {
    String text = text(new User("dora", Role.DIRECTOR, null));
    assertTrue(text.contains("note_mention    probable 0.97  note C2\n"), text);
    assertTrue(text.contains("staff           probable 0.97  staff S2 (Cy Staff)"), text);
    assertFalse(text.contains("consult"), text);
  }

  @Test
  void auditorAndClinicianWithoutStaffIdSeeNothing() {
    for (User user :
        List.of(new User("avi", Role.AUDITOR, null), new User("cal", Role.CLINICIAN, null))) {
      Disclosure disclosure = disclosure(user);
      assertTrue(disclosure.disclose(ALL).stream().allMatch(Disclosed::withheld), user::name);
    }
  }

  @Test
  void withheldJsonCarriesOnlyTheReference() throws Exception {
    Disclosure disclosure = disclosure(new User("cara", Role.CLINICIAN, "S1"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Disclosure.writeJson(
        new ScanResult("check-1", Instant.parse("2026-11-27T23:00:00Z"), 1, ALL),
        disclosure.disclose(ALL),
        out);
    String json = out.toString(StandardCharsets.UTF_8);
    assertTrue(json.contains("\"ref\" : \"C1\""), json);
    assertTrue(json.contains("\"reference\" : \"R-REF2\""), json);
    for (String hidden : List.of("C2", "S2", "Cy", "note_mention", "\"staff\"", "000002\",")) {
      assertFalse(json.contains(hidden), hidden + " in " + json);
    }
  }

  private static String text(User user) {
    StringWriter out = new StringWriter();
    PrintWriter writer = new PrintWriter(out);
    Disclosure.printText(disclosure(user).disclose(ALL), false, writer);
    writer.flush();
    return out.toString().replace(System.lineSeparator(), "\n");
  }

  private static Disclosure disclosure(User user) {
    return new Disclosure(
        user,
        client -> Optional.ofNullable(CLINICIAN_OF.get(client)),
        id -> "R-REF" + id.charAt(id.length() - 1));
  }

  private static Finding finding(
      String id, ConflictType type, String ref, String record, String name) {
    return new Finding(
        id,
        "K1",
        type,
        Level.PROBABLE,
        0.97,
        ref,
        record,
        List.of(new Evidence("given_name", "exact", 3.0, "Zed", "Zed")),
        null,
        "Zed Contact",
        name);
  }
}
