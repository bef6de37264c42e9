package dev.dualcheck.policy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dualcheck.check.ConflictType;
import dev.dualcheck.check.Explanation;
import dev.dualcheck.check.Finding;
import dev.dualcheck.check.FindingsJson;
import dev.dualcheck.check.ScanResult;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import dev.dualcheck.store.Role;
import dev.dualcheck.store.Store;
import dev.dualcheck.store.User;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Minimum necessary (DESIGN.md, Disclosure): a director sees every finding with its evidence; a
 * clinician sees the details of findings about their own clients and their own declared ties, and
 * for anything else only a line telling them to consult the clinical director, with a reference the
 * director can look up; an auditor never sees a person's details.
 */
public final class Disclosure {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private final User viewer;
  private final Function<String, Optional<String>> clinicianOfClient;
  private final Function<String, String> reference;
  private final Map<String, Optional<String>> clinicians = new HashMap<>();

  /**
   * @param viewer who is asking
   * @param clinicianOfClient the staff id of a client's clinician, empty if none or no such client
   * @param reference the finding's reference ({@code R-…}) from its id
   */
  public Disclosure(
      User viewer,
      Function<String, Optional<String>> clinicianOfClient,
      Function<String, String> reference) {
    this.viewer = Objects.requireNonNull(viewer, "viewer");
    this.clinicianOfClient = clinicianOfClient;
    this.reference = reference;
  }

  /** The disclosure for whoever unlocked the store, with clients' clinicians read from it. */
  public static Disclosure forStore(Store store) {
    return new Disclosure(
        store.user(),
        clientId -> {
          try {
            return store
                .get(RecordKind.CLIENT, clientId)
                .map((ClinicRecord client) -> client.get("clinician_id"))
                .filter(staffId -> !staffId.isBlank());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        store::findingReference);
  }

  /** What the viewer may see of each finding, in the same order. */
  public List<Disclosed> disclose(List<Finding> findings) {
    List<Disclosed> shown = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      String ref = reference.apply(finding.id());
      shown.add(new Disclosed(maySee(finding) ? finding : null, ref));
    }
    return shown;
  }

  /** True when the viewer may see the finding's details. */
  public boolean maySee(Finding finding) {
    if (viewer.role() == Role.DIRECTOR) {
      return true;
    }
    String staffId = viewer.staffId();
    if (viewer.role() != Role.CLINICIAN || staffId == null || staffId.isBlank()) {
      return false;
    }
    ConflictType type = finding.type();
    if (type == ConflictType.THERAPIST_TIE) {
      return staffId.equals(finding.ref());
    }
    if (type == ConflictType.STAFF) {
      return false;
    }
    Optional<String> clinician =
        clinicians.computeIfAbsent(finding.ref(), clinicianOfClient::apply);
    return clinician.isPresent() && clinician.get().equals(staffId);
  }

  /** "possible conflict — consult the clinical director (reference R-…)". */
  public static String withheldMessage(String reference) {
    return "possible conflict \u2014 consult the clinical director (reference " + reference + ")";
  }

  /**
   * Prints the findings for a terminal: one line per finding shown in full (with the per-field
   * weights when explain is set), the consult line for each one withheld.
   */
  public static void printText(List<Disclosed> findings, boolean explain, PrintWriter out) {
    if (findings.isEmpty()) {
      out.println("no conflict found");
      return;
    }
    out.println(
        findings.size() + (findings.size() == 1 ? " possible conflict:" : " possible conflicts:"));
    for (Disclosed shown : findings) {
      if (shown.withheld()) {
        out.println("  " + shown.withheldMessage());
        continue;
      }
      Finding finding = shown.finding();
      out.println(
          String.format(
              Locale.ROOT,
              "  %s  %-15s %-8s %.2f  %s %s%s%s",
              finding.id(),
              finding.type().jsonName(),
              finding.level().jsonName(),
              finding.score(),
              finding.record(),
              finding.ref(),
              finding.recordName() == null ? "" : " (" + finding.recordName() + ")",
              finding.resolution() == null
                  ? ""
                  : "  ["
                      + finding.resolution().decision()
                      + " by "
                      + finding.resolution().by()
                      + "]"));
      if (explain) {
        for (String line : Explanation.waterfall(finding).split("\n")) {
          out.println("      " + line);
        }
      }
    }
  }

  /**
   * The findings JSON of DESIGN.md, with a {@code reference} on every finding; a withheld finding
   * is only {@code {"reference": "R-…", "withheld": true, "message": "possible conflict — …"}}.
   */
  public static void writeJson(ScanResult result, List<Disclosed> findings, OutputStream out)
      throws IOException {
    List<Finding> visible = new ArrayList<>();
    for (Disclosed shown : findings) {
      if (!shown.withheld()) {
        visible.add(shown.finding());
      }
    }
    ByteArrayOutputStream full = new ByteArrayOutputStream();
    FindingsJson.write(
        new ScanResult(result.scanId(), result.created(), result.contacts(), visible), full);
    ObjectNode root = (ObjectNode) MAPPER.readTree(full.toByteArray());
    JsonNode written = root.get("findings");
    ArrayNode merged = MAPPER.createArrayNode();
    int next = 0;
    for (Disclosed shown : findings) {
      if (shown.withheld()) {
        ObjectNode node = merged.addObject();
        node.put("reference", shown.reference());
        node.put("withheld", true);
        node.put("message", shown.withheldMessage());
      } else {
        ObjectNode node = (ObjectNode) written.get(next++);
        node.put("reference", shown.reference());
        merged.add(node);
      }
    }
    root.set("findings", merged);
    MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, root);
  }
}
