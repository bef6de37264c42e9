package dev.dualcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker on a generated clinic (seed 1: 2,000 clients, 500 contacts) against its truth. */
class GeneratedClinicIT {

  @TempDir static Path dir;
  private static GeneratedClinicIndex clinic;
  private static List<Finding> findings;
  private static Evaluation evaluation;

  @BeforeAll
  static void checkAll() throws Exception {
    clinic = GeneratedClinicIndex.generate(1, 2000, 500, dir);
    findings = clinic.checkAll(new ConflictChecker(clinic.index, MatchSettings.defaults()));
    evaluation = Evaluation.of(clinic.truth, findings, clinic.contacts.size());
  }

  @AfterAll
  static void close() throws Exception {
    clinic.close();
  }

  @Test
  void plantedConflictsOfEveryTypeAreFoundWithTheirRef() {
    for (ConflictType type : ConflictType.values()) {
      assertTrue(
          evaluation.byType.get(type).planted > 0, "the generator plants " + type.jsonName());
    }
    String table = evaluation.table();
    assertTrue(evaluation.recall(ConflictType.IDENTITY) >= 0.95, table);
    assertTrue(evaluation.recall(ConflictType.ASSOCIATE) >= 0.93, table);
    assertTrue(evaluation.recall(ConflictType.STAFF) >= 0.95, table);
    assertTrue(evaluation.recall(ConflictType.THERAPIST_TIE) >= 0.9, table);
    assertTrue(evaluation.recall(ConflictType.REFERRAL_SOURCE) >= 0.9, table);
    assertTrue(evaluation.recall(ConflictType.NOTE_MENTION) >= 0.85, table);
    assertTrue(evaluation.strongRecall(ConflictType.IDENTITY) >= 0.9, table);
    assertTrue(evaluation.strongRecall(ConflictType.STAFF) >= 0.9, table);
  }

  @Test
  void probableFindingsAreRight() {
    String table = evaluation.table();
    for (ConflictType type : ConflictType.values()) {
      assertTrue(evaluation.strongPrecision(type) >= 0.95, type + "\n" + table);
    }
  }

  @Test
  void strangersAndNamesakesStayMostlyClean() {
    Set<String> inTruth = new HashSet<>();
    for (GeneratedClinicIndex.Truth t : clinic.truth) {
      inTruth.add(t.contactId());
    }
    int strangers = 0;
    Set<String> flagged = new HashSet<>();
    for (var contact : clinic.contacts) {
      if (!inTruth.contains(contact.id())) {
        strangers++;
      }
    }
    int probable = 0;
    for (Finding f : findings) {
      if (!inTruth.contains(f.contactId())) {
        flagged.add(f.contactId());
        if (f.level().atLeast(Level.PROBABLE)) {
          probable++;
        }
      }
    }
    // one planted namesake shares full name, middle name and e-mail local part with a client
    assertTrue(probable <= strangers / 100, probable + " strangers or namesakes probable or more");
    assertTrue(strangers > 100, "the generator plants strangers");
    assertTrue(
        flagged.size() <= strangers * 0.08,
        flagged.size() + " of " + strangers + " strangers flagged");
    assertTrue(evaluation.extraPerContact() <= 0.1, evaluation.table());
  }

  @Test
  void findingsAreStableAcrossRuns() throws Exception {
    List<Finding> again =
        clinic.checkAll(new ConflictChecker(clinic.index, MatchSettings.defaults()));
    assertEquals(
        findings.stream().map(Finding::id).toList(), again.stream().map(Finding::id).toList());
  }
}
