package dev.dualcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualcheck.index.PersonIndex;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every conflict type on a small hand-made clinic (invented people). */
class ConflictCheckerIT {

  private PersonIndex index;
  private ConflictChecker checker;

  private static ClinicRecord record(RecordKind kind, String id, String... pairs) {
    Map<String, String> fields = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      fields.put(pairs[i], pairs[i + 1]);
    }
    return new ClinicRecord(kind, id, fields);
  }

  @BeforeEach
  void setUp() throws Exception {
    index = PersonIndex.open(new ByteBuffersDirectory());
    index.upsert(
        record(
            RecordKind.CLIENT,
            "C1",
            "given_name",
            "William",
            "family_name",
            "Turner",
            "dob",
            "1980-03-07",
            "phone",
            "(202) 555-0143",
            "email",
            "w.turner@example.org"));
    index.upsert(
        record(
            RecordKind.CLIENT,
            "C2",
            "given_name",
            "Zofia",
            "family_name",
            "Wójcik",
            "dob",
            "1975-11-23",
            "former_family_names",
            "Nowakowska",
            "discharge_date",
            "2019-01-01"));
    index.upsert(
        record(RecordKind.CLIENT, "C3", "given_name", "Hannah", "family_name", "Abernathy"));
    index.upsert(
        record(
            RecordKind.ASSOCIATE,
            "A1",
            "client_id",
            "C3",
            "given_name",
            "Rutger",
            "family_name",
            "van den Berg",
            "dob",
            "1969-02-14",
            "relation",
            "partner"));
    index.upsert(
        record(
            RecordKind.STAFF,
            "S1",
            "given_name",
            "Priya",
            "family_name",
            "Raghunathan",
            "dob",
            "1985-06-30",
            "email",
            "priya@clinic.example"));
    index.upsert(
        record(
            RecordKind.TIE,
            "S1-x1",
            "staff_id",
            "S1",
            "given_name",
            "Oisín",
            "family_name",
            "O'Callaghan",
            "relation",
            "neighbour"));
    index.upsert(
        record(
            RecordKind.NOTE,
            "N1",
            "client_id",
            "C3",
            "author_id",
            "S1",
            "version",
            "1",
            "text",
            "Client says her colleague Marguerite Delacroix-Fontaine at Quillfeather Press is"
                + " pressuring her."));
    index.upsert(
        record(
            RecordKind.NOTE,
            "N2",
            "client_id",
            "C2",
            "author_id",
            "S1",
            "version",
            "1",
            "text",
            "Talked about her cousin Ignatius Q. Pemberton."));
    index.upsert(
        record(
            RecordKind.NOTE,
            "N3",
            "client_id",
            "C2",
            "author_id",
            "S1",
            "version",
            "1",
            "text",
            "Her brother-in-law, Octavian Barnabas Thistlewood, moved in last month."));
    index.commit(7);
    checker = new ConflictChecker(index, MatchSettings.defaults());
  }

  @AfterEach
  void tearDown() throws Exception {
    index.close();
  }

  private Finding only(ClinicRecord contact, ConflictType type) throws Exception {
    List<Finding> findings = checker.check(contact);
    Finding found = null;
    for (Finding f : findings) {
      if (f.type() == type) {
        assertEquals(null, found, "one finding per type and ref expected: " + findings);
        found = f;
      }
    }
    assertNotNull(found, type + " not found among " + findings);
    return found;
  }

  @Test
  void indexKeepsCountsAndSequence() throws Exception {
    assertEquals(7, index.committedSequence());
    assertEquals(3, index.count(RecordKind.CLIENT));
    assertEquals(3, index.count(RecordKind.NOTE));
    index.upsert(record(RecordKind.CLIENT, "C1", "given_name", "Will", "family_name", "Turner"));
    index.upsert(
        record(RecordKind.NOTE, "N1", "client_id", "C3", "version", "2", "text", "Amended note."));
    index.commit(8);
    assertEquals(3, index.count(RecordKind.CLIENT), "a person is replaced by kind and id");
    assertEquals(4, index.count(RecordKind.NOTE), "a note version is added");
    assertEquals(8, index.committedSequence());
    index.deleteAll();
    index.commit(0);
    assertEquals(0, index.count(RecordKind.CLIENT));
  }

  @Test
  void fullNameFrequencyCountsPersonsCarryingBothNames() throws Exception {
    PersonIndex.NameFrequency both = index.fullNameFrequency("william", "turner");
    assertEquals(1, both.documents());
    assertEquals(index.nameFrequency("william", false).total(), both.total());
    assertEquals(0, index.fullNameFrequency("zofia", "turner").documents(), "each name elsewhere");
  }

  @Test
  void emptyIndexHasNoSequence() throws Exception {
    try (PersonIndex empty = PersonIndex.open(new ByteBuffersDirectory())) {
      assertEquals(-1, empty.committedSequence());
      assertEquals(
          List.of(),
          new ConflictChecker(empty, MatchSettings.defaults())
              .check(
                  record(
                      RecordKind.CONTACT, "K0", "given_name", "Anyone", "family_name", "Atall")));
    }
  }

  @Test
  void identityWithSwappedDateAndInternationalPhone() throws Exception {
    Finding f =
        only(
            record(
                RecordKind.CONTACT,
                "K1",
                "given_name",
                "WILLIAM",
                "family_name",
                "turner",
                "dob",
                "1980-07-03",
                "phone",
                "+1 202 555 0143"),
            ConflictType.IDENTITY);
    assertEquals("C1", f.ref());
    assertEquals("client", f.record());
    assertTrue(f.level().atLeast(Level.PROBABLE), f.toString());
    assertTrue(Explanation.waterfall(f).contains("swapped"));
  }

  @Test
  void identityThroughFormerFamilyNameOfDischargedClient() throws Exception {
    Finding f =
        only(
            record(
                RecordKind.CONTACT,
                "K2",
                "given_name",
                "Zofia",
                "family_name",
                "Nowakowska",
                "dob",
                "1975-11-23"),
            ConflictType.IDENTITY);
    assertEquals("C2", f.ref());
    assertTrue(f.level().atLeast(Level.PROBABLE), f.toString());
  }

  @Test
  void associateRefersToTheirClient() throws Exception {
    Finding f =
        only(
            record(
                RecordKind.CONTACT,
                "K3",
                "given_name",
                "Rutger",
                "family_name",
                "Berg",
                "dob",
                "1969-02-14"),
            ConflictType.ASSOCIATE);
    assertEquals("C3", f.ref());
    assertEquals("associate", f.record());
  }

  @Test
  void staffAndTie() throws Exception {
    Finding staff =
        only(
            record(
                RecordKind.CONTACT,
                "K4",
                "kind",
                "hire",
                "given_name",
                "Priya",
                "family_name",
                "Raghunathan",
                "email",
                "Priya+jobs@clinic.example"),
            ConflictType.STAFF);
    assertEquals("S1", staff.ref());
    Finding tie =
        only(
            record(
                RecordKind.CONTACT,
                "K5",
                "kind",
                "acquaintance",
                "given_name",
                "Oisin",
                "family_name",
                "OCallaghan",
                "for_clinician",
                "S1"),
            ConflictType.THERAPIST_TIE);
    assertEquals("S1", tie.ref());
    assertEquals("tie", tie.record());
  }

  @Test
  void noteMentionNameOnlyIsPossibleAndCorroboratedIsProbable() throws Exception {
    Finding nameOnly =
        only(
            record(
                RecordKind.CONTACT,
                "K6",
                "given_name",
                "Marguerite",
                "family_name",
                "Delacroix-Fontaine"),
            ConflictType.NOTE_MENTION);
    assertEquals("C3", nameOnly.ref());
    assertEquals("note", nameOnly.record());
    assertEquals(Level.POSSIBLE, nameOnly.level());
    Finding corroborated =
        only(
            record(
                RecordKind.CONTACT,
                "K7",
                "given_name",
                "Marguerite",
                "family_name",
                "Delacroix-Fontaine",
                "employer",
                "Quillfeather Press Ltd"),
            ConflictType.NOTE_MENTION);
    assertEquals(Level.PROBABLE, corroborated.level());
    Finding withMiddleInitial =
        only(
            record(
                RecordKind.CONTACT,
                "K8",
                "given_name",
                "Ignatius",
                "middle_name",
                "Quentin",
                "family_name",
                "Pemberton"),
            ConflictType.NOTE_MENTION);
    assertEquals("C2", withMiddleInitial.ref());
    // an initial narrows a name less than a whole middle name: namesakes share initials
    assertEquals(Level.POSSIBLE, withMiddleInitial.level());
    assertEquals("full_name_initial", withMiddleInitial.evidence().get(0).comparison());
  }

  @Test
  void noteMentionWithTheWholeMiddleNameIsProbableAndATypoStillFindsIt() throws Exception {
    Finding whole =
        only(
            record(
                RecordKind.CONTACT,
                "K9",
                "given_name",
                "Octavian",
                "middle_name",
                "Barnabas",
                "family_name",
                "Thistlewood"),
            ConflictType.NOTE_MENTION);
    assertEquals("C2", whole.ref());
    assertEquals(Level.PROBABLE, whole.level());
    assertEquals("full_name_middle", whole.evidence().get(0).comparison());
    // the intake form misspells the family name: the note's name is read and compared
    Finding typo =
        only(
            record(
                RecordKind.CONTACT, "K10", "given_name", "Octavian", "family_name", "Thistlewod"),
            ConflictType.NOTE_MENTION);
    assertEquals("C2", typo.ref());
    assertEquals(Level.POSSIBLE, typo.level());
    assertEquals("variant", typo.evidence().get(0).comparison());
  }

  @Test
  void aDeclaredTieUnderAnotherFamilyNameIsPossibleOnlyForTheClinicianWhoDeclaredIt()
      throws Exception {
    index.upsert(
        record(
            RecordKind.TIE,
            "S1-x2",
            "staff_id",
            "S1",
            "given_name",
            "Michelle",
            "family_name",
            "Parker",
            "sex",
            "F",
            "city",
            "Riverton",
            "relation",
            "gym partner"));
    // many ties declared by others: among all of them, a given name and a town say little
    for (int i = 0; i < 40; i++) {
      index.upsert(
          record(
              RecordKind.TIE,
              "S2-" + i,
              "staff_id",
              "S2",
              "given_name",
              "Tie" + (char) ('a' + i % 26) + i,
              "family_name",
              "Declared" + i));
    }
    index.commit(8);
    ClinicRecord asked =
        record(
            RecordKind.CONTACT,
            "K20",
            "kind",
            "acquaintance",
            "given_name",
            "Michelle",
            "family_name",
            "Taylor",
            "sex",
            "F",
            "city",
            "Riverton",
            "for_clinician",
            "S1");
    Finding tie = only(asked, ConflictType.THERAPIST_TIE);
    assertEquals("S1", tie.ref());
    // the family names disagree: a married name, or another Michelle
    assertEquals(Level.POSSIBLE, tie.level());
    Map<String, String> byOther = new HashMap<>(asked.fields());
    byOther.put("for_clinician", "S2");
    assertEquals(
        List.of(),
        checker.check(new ClinicRecord(RecordKind.CONTACT, "K21", byOther)),
        "another clinician asking about a Michelle in Riverton");
  }

  @Test
  void aNoteMentionWithAnotherMiddleNameIsAnotherPerson() throws Exception {
    index.upsert(
        record(
            RecordKind.NOTE,
            "N4",
            "client_id",
            "C1",
            "author_id",
            "S1",
            "version",
            "1",
            "text",
            "His manager Rebecca D. Ashcombe-Greaves criticised him in front of the team."));
    index.commit(8);
    Finding noMiddle =
        only(
            record(
                RecordKind.CONTACT,
                "K22",
                "given_name",
                "Rebecca",
                "family_name",
                "Ashcombe-Greaves"),
            ConflictType.NOTE_MENTION);
    assertEquals("C1", noMiddle.ref());
    Finding sameInitial =
        only(
            record(
                RecordKind.CONTACT,
                "K23",
                "given_name",
                "Rebecca",
                "middle_name",
                "Dawn",
                "family_name",
                "Ashcombe-Greaves"),
            ConflictType.NOTE_MENTION);
    assertEquals("C1", sameInitial.ref());
    assertEquals(
        List.of(),
        checker.check(
            record(
                RecordKind.CONTACT,
                "K24",
                "given_name",
                "Rebecca",
                "middle_name",
                "Lisa",
                "family_name",
                "Ashcombe-Greaves")));
  }

  @Test
  void aNoteNamingTheFamilyNameOfTheContactsEmailAddressIsAMention() throws Exception {
    index.upsert(
        record(
            RecordKind.NOTE,
            "N5",
            "client_id",
            "C1",
            "author_id",
            "S1",
            "version",
            "1",
            "text",
            "Argued with Sandrine Whitlock about the custody schedule."));
    index.commit(8);
    Map<String, String> contact = new HashMap<>();
    contact.put("given_name", "Sandrine");
    contact.put("family_name", "Mitchell");
    assertEquals(List.of(), checker.check(new ClinicRecord(RecordKind.CONTACT, "K25", contact)));
    contact.put("email", "Whitlock.Sandrine743@inbox.example");
    Finding f =
        only(new ClinicRecord(RecordKind.CONTACT, "K25", contact), ConflictType.NOTE_MENTION);
    assertEquals("C1", f.ref());
    assertEquals("email_name", f.evidence().get(0).comparison());
    assertEquals(Level.POSSIBLE, f.level());
  }

  @Test
  void aNoteNamingTheGivenNameTheContactsEmailAddressSpellsBetterIsAMention() throws Exception {
    index.upsert(
        record(
            RecordKind.NOTE,
            "N6",
            "client_id",
            "C1",
            "author_id",
            "S1",
            "version",
            "1",
            "text",
            "His landlord Salvo Brightwater keeps threatening to evict him."));
    index.commit(8);
    // the intake form garbles the given name; the note uses the name he goes by
    Map<String, String> contact = new HashMap<>();
    contact.put("given_name", "Salvatire");
    contact.put("family_name", "Brightwater");
    assertEquals(List.of(), checker.check(new ClinicRecord(RecordKind.CONTACT, "K26", contact)));
    contact.put("email", "salvatore.brightwater955+intake@post.example");
    Finding f =
        only(new ClinicRecord(RecordKind.CONTACT, "K26", contact), ConflictType.NOTE_MENTION);
    assertEquals("C1", f.ref());
    assertEquals(Level.POSSIBLE, f.level());
  }

  @Test
  void aChildIsNotTheSupervisorANoteNames() throws Exception {
    index.upsert(
        record(
            RecordKind.NOTE,
            "N7",
            "client_id",
            "C1",
            "author_id",
            "S1",
            "version",
            "1",
            "date",
            "2020-03-02",
            "text",
            "He describes his supervisor Ottoline Fairweather as critical and unpredictable."));
    index.commit(8);
    Map<String, String> contact = new HashMap<>();
    contact.put("given_name", "Ottoline");
    contact.put("family_name", "Fairweather");
    contact.put("dob", "1979-05-14");
    assertEquals(
        "C1",
        only(new ClinicRecord(RecordKind.CONTACT, "K27", contact), ConflictType.NOTE_MENTION)
            .ref());
    // eleven when the note was written: a namesake is the supervisor
    contact.put("dob", "2009-05-14");
    assertEquals(List.of(), checker.check(new ClinicRecord(RecordKind.CONTACT, "K27", contact)));
  }

  @Test
  void aNoteNamingSomeoneByNicknameAndAnOApostropheFamilyNameIsAMention() throws Exception {
    index.upsert(
        record(
            RecordKind.NOTE,
            "N8",
            "client_id",
            "C2",
            "author_id",
            "S1",
            "version",
            "1",
            "text",
            "She had lunch with Mick O'Shaughnessy from the office and enjoyed it."));
    index.commit(8);
    Finding f =
        only(
            record(
                RecordKind.CONTACT, "K28", "given_name", "Michael", "family_name", "O’Shaughnessy"),
            ConflictType.NOTE_MENTION);
    assertEquals("C2", f.ref());
    assertEquals("variant", f.evidence().get(0).comparison());
  }

  @Test
  void referralSourceFromFreeText() throws Exception {
    Finding f =
        only(
            record(
                RecordKind.CONTACT,
                "K9",
                "given_name",
                "Someone",
                "family_name",
                "Else",
                "referred_by",
                "Turner, William"),
            ConflictType.REFERRAL_SOURCE);
    assertEquals("C1", f.ref());
    assertTrue(Level.PROBABLE.atLeast(f.level()), "a name alone is never certain");
    Finding capitals =
        only(
            record(
                RecordKind.CONTACT,
                "K10",
                "given_name",
                "Someone",
                "family_name",
                "Else",
                "referred_by",
                "referred by TURNER William"),
            ConflictType.REFERRAL_SOURCE);
    assertEquals("C1", capitals.ref());
  }

  @Test
  void strangerAndNamesakeWithOtherDetails() throws Exception {
    assertEquals(
        List.of(),
        checker.check(
            record(
                RecordKind.CONTACT,
                "K10",
                "given_name",
                "Ethelbert",
                "family_name",
                "Quiggley",
                "dob",
                "1990-01-01")));
    List<Finding> namesake =
        checker.check(
            record(
                RecordKind.CONTACT,
                "K11",
                "given_name",
                "William",
                "family_name",
                "Turner",
                "dob",
                "1955-12-24",
                "phone",
                "(415) 555-0188"));
    for (Finding f : namesake) {
      assertTrue(Level.POSSIBLE.atLeast(f.level()), "a namesake is not probable: " + f);
    }
  }

  @Test
  void scanCountsProgressAndSortsStrongestFirst() throws Exception {
    AtomicInteger progress = new AtomicInteger();
    ScanResult result =
        checker.scan(
            List.of(
                record(
                    RecordKind.CONTACT,
                    "K1",
                    "given_name",
                    "William",
                    "family_name",
                    "Turner",
                    "dob",
                    "1980-03-07"),
                record(
                    RecordKind.CONTACT,
                    "K10",
                    "given_name",
                    "Ethelbert",
                    "family_name",
                    "Quiggley")),
            "S-1",
            Instant.parse("2026-11-28T00:00:00Z"),
            progress::set);
    assertEquals(2, progress.get());
    assertEquals(2, result.contacts());
    assertEquals("K1", result.findings().get(0).contactId());
    assertEquals(Level.CERTAIN, result.findings().get(0).level());
  }
}
