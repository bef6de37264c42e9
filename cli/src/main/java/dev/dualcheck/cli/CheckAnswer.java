package dev.dualcheck.cli;

import dev.dualcheck.check.Finding;
import dev.dualcheck.check.ScanResult;
import dev.dualcheck.policy.Disclosed;
import dev.dualcheck.policy.Disclosure;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import dev.dualcheck.store.Store;
import dev.dualcheck.store.User;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One person checked for one user: the findings after reviewers' decisions, what that user may see
 * of them, and the audit entry. {@code check} and {@code serve} both answer through here, so the
 * same user gets the same answer from either.
 */
final class CheckAnswer {

  /** The person's fields by the names {@code check} takes (--given …) and their columns. */
  static final Map<String, String> FIELDS = fields();

  final List<Finding> findings;
  final List<Disclosed> shown;
  final ScanResult result;

  private CheckAnswer(List<Finding> findings, List<Disclosed> shown, ScanResult result) {
    this.findings = findings;
    this.shown = shown;
    this.result = result;
  }

  private static Map<String, String> fields() {
    // insertion order is the order of the fingerprint behind a check's contact id
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("kind", "kind");
    fields.put("given", "given_name");
    fields.put("middle", "middle_name");
    fields.put("family", "family_name");
    fields.put("dob", "dob");
    fields.put("phone", "phone");
    fields.put("email", "email");
    fields.put("city", "city");
    fields.put("employer", "employer");
    fields.put("referred_by", "referred_by");
    return java.util.Collections.unmodifiableMap(fields);
  }

  /**
   * The contact to check from values by {@link #FIELDS} name; {@code forClinician} is the therapist
   * asking (acquaintance checks), e.g. the user's own staff id. Its id is a keyed fingerprint of
   * the fields: the same person checked again gets the same id (so decisions stick), another person
   * another.
   */
  static ClinicRecord contact(Map<String, String> values, String forClinician, Store store) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("kind", "acquaintance");
    for (Map.Entry<String, String> field : FIELDS.entrySet()) {
      String value = values.get(field.getKey());
      if (value != null && !value.isBlank()) {
        fields.put(field.getValue(), value.strip());
      }
    }
    if (forClinician != null && !forClinician.isBlank()) {
      fields.put("for_clinician", forClinician.strip());
    }
    // in FIELDS order, so a request's field order cannot change the id
    List<String> who = new ArrayList<>(List.of("check"));
    fields.forEach(
        (column, value) -> {
          who.add(column);
          who.add(value);
        });
    String id = "Q-" + store.fingerprint(who).substring(0, 16);
    fields.put("contact_id", id);
    return new ClinicRecord(RecordKind.CONTACT, id, fields);
  }

  /** Checks the contact, applies decisions and the viewer's disclosure, and audits the check. */
  static CheckAnswer ask(Workspace workspace, User viewer, ClinicRecord contact, Clock clock)
      throws IOException {
    Store store = workspace.store;
    List<Finding> findings = workspace.dualcheck.check(contact); // decisions applied
    List<Disclosed> shown = disclosureFor(store, viewer).disclose(findings);
    long withheld = shown.stream().filter(Disclosed::withheld).count();
    store.audit(
        "check",
        "contact",
        contact.id(),
        findings.size()
            + " findings, "
            + withheld
            + " withheld"
            + (viewer.equals(store.user()) ? "" : ", answered to user " + viewer.name()));
    ScanResult result = new ScanResult("check-" + clock.millis(), clock.instant(), 1, findings);
    return new CheckAnswer(findings, shown, result);
  }

  /** The findings JSON of DESIGN.md as this user may see it. */
  String json() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Disclosure.writeJson(result, shown, bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Disclosure disclosureFor(Store store, User viewer) {
    if (viewer.equals(store.user())) {
      return Disclosure.forStore(store);
    }
    return new Disclosure(
        viewer,
        clientId -> {
          try {
            return store
                .get(RecordKind.CLIENT, clientId)
                .map(client -> client.get("clinician_id"))
                .filter(staffId -> !staffId.isBlank());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        store::findingReference);
  }
}
