package dev.dualcheck.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dualcheck.check.Evidence;
import dev.dualcheck.check.Finding;
import dev.dualcheck.check.MatchedRecords;
import dev.dualcheck.check.Resolution;
import dev.dualcheck.check.ScanResult;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.Decision;
import dev.dualcheck.store.RecordKind;
import dev.dualcheck.store.Store;
import dev.dualcheck.store.StoredFinding;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies reviewers' decisions to fresh findings: each finding is remembered (so it can be looked
 * up and resolved by id or reference), shows its latest decision, and a {@code not_same_person}
 * decision hides it for as long as the matching fields of both the contact and the record are what
 * they were when the decision was made (compared by keyed fingerprints).
 */
public final class Reviews {

  /** Contact columns that say who the person is, not why they are checked. */
  private static final Set<String> NOT_MATCHED = Set.of("contact_id", "kind", "for_clinician");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * The records of a kind that an owner has now: a client's notes or associates, a clinician's
   * ties.
   */
  public interface OwnedRecords {
    List<ClinicRecord> of(RecordKind kind, String ownerId) throws IOException;
  }

  private final Store store;
  private final OwnedRecords owned;

  /** Records looked up once per owner for one batch of findings. */
  private final Map<String, List<ClinicRecord>> byOwner = new HashMap<>();

  /**
   * @param owned how to find an owner's records without reading every record of the kind (the index
   *     files them by owner)
   */
  public Reviews(Store store, OwnedRecords owned) {
    this.store = store;
    this.owned = owned;
  }

  /** The findings of one contact, with decisions applied; suppressed ones are left out. */
  public List<Finding> apply(ClinicRecord contact, List<Finding> findings) throws IOException {
    return apply(Map.of(contact.id(), contact), findings, store.clock().instant());
  }

  /** A scan's findings with decisions applied; suppressed ones are left out. */
  public ScanResult apply(List<ClinicRecord> contacts, ScanResult result) throws IOException {
    Map<String, ClinicRecord> byId = new HashMap<>();
    for (ClinicRecord contact : contacts) {
      byId.put(contact.id(), contact);
    }
    return new ScanResult(
        result.scanId(),
        result.created(),
        result.contacts(),
        apply(byId, result.findings(), result.created()));
  }

  private List<Finding> apply(
      Map<String, ClinicRecord> contacts, List<Finding> findings, Instant seen) throws IOException {
    Map<String, Decision> latest = store.latestDecisions();
    byOwner.clear();
    List<Finding> kept = new ArrayList<>();
    List<StoredFinding> remembered = new ArrayList<>();
    for (Finding finding : findings) {
      ClinicRecord contact = contacts.get(finding.contactId());
      String contactPrint = contact == null ? "" : fingerprint(contact, NOT_MATCHED);
      String recordPrint = recordFingerprint(finding);
      Decision decision = latest.get(finding.id());
      Finding shown = finding;
      if (decision != null) {
        boolean unchanged =
            decision.contactFingerprint().equals(contactPrint)
                && decision.recordFingerprint().equals(recordPrint);
        if (decision.decision().equals("not_same_person")) {
          if (unchanged) {
            continue;
          }
        } else {
          shown =
              finding.withResolution(
                  new Resolution(
                      decision.decision(), decision.note(), decision.by(), decision.at()));
        }
      }
      kept.add(shown);
      remembered.add(
          new StoredFinding(
              finding.id(),
              store.findingReference(finding.id()),
              contactPrint,
              recordPrint,
              details(finding),
              seen));
    }
    store.rememberFindings(remembered);
    return kept;
  }

  /** The fingerprint of the record a finding matched; "absent" once it is gone. */
  private String recordFingerprint(Finding finding) throws IOException {
    Optional<ClinicRecord> record =
        switch (finding.record()) {
          case "client" -> store.get(RecordKind.CLIENT, finding.ref());
          case "staff" -> store.get(RecordKind.STAFF, finding.ref());
          case "associate" -> owned(RecordKind.ASSOCIATE, finding);
          case "tie" -> owned(RecordKind.TIE, finding);
          case "note" -> owned(RecordKind.NOTE, finding);
          default -> Optional.empty();
        };
    return record.isEmpty() ? "absent" : fingerprint(record.get(), Set.of("version", "created_at"));
  }

  private Optional<ClinicRecord> owned(RecordKind kind, Finding finding) throws IOException {
    String key = kind.name() + '\n' + finding.ref();
    List<ClinicRecord> records = byOwner.get(key);
    if (records == null) {
      records = owned.of(kind, finding.ref());
      byOwner.put(key, records);
    }
    for (ClinicRecord record : records) {
      if (MatchedRecords.isMatchOf(finding, record)) {
        return Optional.of(record);
      }
    }
    return Optional.empty();
  }

  private String fingerprint(ClinicRecord record, Set<String> skipped) {
    List<String> values = new ArrayList<>();
    values.add(record.kind().name());
    values.add(record.id());
    for (Map.Entry<String, String> field : new TreeMap<>(record.fields()).entrySet()) {
      if (!skipped.contains(field.getKey())) {
        values.add(field.getKey());
        values.add(field.getValue());
      }
    }
    return store.fingerprint(values);
  }

  /** The finding as a director sees it, names and compared values included (sealed at rest). */
  static String details(Finding f) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", f.id());
    node.put("contact_id", f.contactId());
    node.put("type", f.type().jsonName());
    node.put("level", f.level().jsonName());
    node.put("score", f.score());
    node.put("ref", f.ref());
    node.put("record", f.record());
    node.put("contact_name", f.contactName());
    node.put("record_name", f.recordName());
    ArrayNode evidence = node.putArray("evidence");
    for (Evidence e : f.evidence()) {
      ObjectNode ev = evidence.addObject();
      ev.put("field", e.field());
      ev.put("comparison", e.comparison());
      ev.put("weight", e.weight());
      ev.put("contact_value", e.contactValue());
      ev.put("record_value", e.recordValue());
    }
    return node.toString();
  }
}
