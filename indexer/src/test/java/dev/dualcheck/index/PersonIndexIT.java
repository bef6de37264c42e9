package dev.dualcheck.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonIndexIT {

  private static ClinicRecord record(RecordKind kind, String id, String... pairs) {
    Map<String, String> fields = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      fields.put(pairs[i], pairs[i + 1]);
    }
    return new ClinicRecord(kind, id, fields);
  }

  private static List<String> ids(List<ClinicRecord> records) {
    return records.stream().map(ClinicRecord::id).toList();
  }

  @Test
  void sequenceSurvivesReopening(@TempDir Path dir) throws Exception {
    try (Directory d = FSDirectory.open(dir);
        PersonIndex index = PersonIndex.open(d)) {
      assertEquals(-1, index.committedSequence());
      index.upsert(record(RecordKind.CLIENT, "C1", "given_name", "Ada", "family_name", "Byron"));
      index.commit(42);
    }
    try (Directory d = FSDirectory.open(dir);
        PersonIndex index = PersonIndex.open(d)) {
      assertEquals(42, index.committedSequence());
      assertEquals(1, index.count(RecordKind.CLIENT));
    }
  }

  @Test
  void anIndexOfAnotherSchemaAsksForEveryRecordAgain(@TempDir Path dir) throws Exception {
    // as an older dualcheck committed it: a store sequence and no schema version
    try (Directory d = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(d, new IndexWriterConfig())) {
      writer.setLiveCommitData(Map.of("store_sequence", "42").entrySet());
      writer.commit();
    }
    try (Directory d = FSDirectory.open(dir);
        PersonIndex index = PersonIndex.open(d)) {
      assertEquals(-1, index.committedSequence());
      index.commit(43);
    }
    try (Directory d = FSDirectory.open(dir);
        PersonIndex index = PersonIndex.open(d)) {
      assertEquals(43, index.committedSequence());
    }
  }

  @Test
  void anEmailAddressSpellingTheNameFindsAGarbledNameAmongNamesakes() throws Exception {
    try (PersonIndex index = PersonIndex.open(new ByteBuffersDirectory())) {
      // more Marys than the budget, all ahead of Mary Adams in document order
      for (int i = 0; i < 12; i++) {
        index.upsert(
            record(RecordKind.CLIENT, "C" + i, "given_name", "Mary", "family_name", "Other" + i));
      }
      index.upsert(record(RecordKind.CLIENT, "CA", "given_name", "Mary", "family_name", "Adams"));
      index.commit(1);
      Set<RecordKind> clients = EnumSet.of(RecordKind.CLIENT);
      ClinicRecord garbled =
          record(RecordKind.CONTACT, "K", "given_name", "Mary", "family_name", "Abams");
      assertFalse(ids(index.candidates(garbled, clients, 5)).contains("CA"), "the name alone");
      ClinicRecord withEmail =
          record(
              RecordKind.CONTACT,
              "K",
              "given_name",
              "Mary",
              "family_name",
              "Abams",
              "email",
              "Adams.Mary448+intake@Inbox.example");
      assertEquals("CA", index.candidates(withEmail, clients, 5).get(0).id());
      // the address as initial and family name
      ClinicRecord initial =
          record(
              RecordKind.CONTACT,
              "K",
              "given_name",
              "Mary",
              "family_name",
              "Abams",
              "email",
              "madams@inbox.example");
      assertEquals("CA", index.candidates(initial, clients, 5).get(0).id());
    }
  }

  @Test
  void aScannersConfusionsUndoneFindTheNameMeantAmongNamesakes() throws Exception {
    try (PersonIndex index = PersonIndex.open(new ByteBuffersDirectory())) {
      // more Valentins than the budget, all ahead of Carlos Valentin in document order
      for (int i = 0; i < 12; i++) {
        index.upsert(
            record(
                RecordKind.CLIENT, "C" + i, "given_name", "Other" + i, "family_name", "Valentin"));
      }
      index.upsert(
          record(RecordKind.CLIENT, "CV", "given_name", "Carlos", "family_name", "Valentin"));
      index.commit(1);
      Set<RecordKind> clients = EnumSet.of(RecordKind.CLIENT);
      assertEquals(
          "CV",
          index
              .candidates(
                  record(
                      RecordKind.CONTACT, "K", "given_name", "Car1os", "family_name", "Valentin"),
                  clients,
                  5)
              .get(0)
              .id());
    }
    assertEquals(
        Set.of("carlos", "jabkowska"),
        PersonIndex.unconfused(Set.of("car1os", "jabkovvska", "fernandez")));
  }

  @Test
  void emailNameWordsAreTheLocalPartsLongerWords() {
    assertEquals(
        List.of("adams", "mary"),
        List.copyOf(PersonIndex.emailNameWords("Adams.Mary448+tag@inbox.example")));
    assertEquals(List.of("jcnk"), List.copyOf(PersonIndex.emailNameWords("j.cnk_jcnk@x.org")));
    assertEquals(List.of(), List.copyOf(PersonIndex.emailNameWords("not an address")));
  }

  @Test
  void candidatesByNameVariantsPhoneAndKind() throws Exception {
    try (PersonIndex index = PersonIndex.open(new ByteBuffersDirectory())) {
      index.upsert(
          record(RecordKind.CLIENT, "C1", "given_name", "William", "family_name", "Müller"));
      index.upsert(
          record(
              RecordKind.CLIENT,
              "C2",
              "given_name",
              "Zed",
              "family_name",
              "Quist",
              "phone",
              "+1 202 555 0143"));
      index.upsert(
          record(RecordKind.STAFF, "S1", "given_name", "Rutger", "family_name", "van den Berg"));
      index.upsert(
          record(
              RecordKind.CLIENT,
              "C3",
              "given_name",
              "Ana",
              "family_name",
              "Smith",
              "former_family_names",
              "Okonkwo"));
      index.commit(1);
      var all = EnumSet.of(RecordKind.CLIENT, RecordKind.STAFF);
      // nickname and transcription
      assertEquals(
          "C1",
          index
              .candidates(
                  record(RecordKind.CONTACT, "K", "given_name", "Bill", "family_name", "Mueller"),
                  all,
                  5)
              .get(0)
              .id());
      // swapped names
      assertEquals(
          "C1",
          index
              .candidates(
                  record(RecordKind.CONTACT, "K", "given_name", "Muller", "family_name", "William"),
                  all,
                  5)
              .get(0)
              .id());
      // the phone alone, written another way
      assertEquals(
          List.of("C2"),
          ids(
              index.candidates(
                  record(RecordKind.CONTACT, "K", "given_name", "X", "phone", "(202) 555-0143"),
                  all,
                  5)));
      // particles dropped, kind filtered
      assertEquals(
          List.of("S1"),
          ids(
              index.candidates(
                  record(RecordKind.CONTACT, "K", "given_name", "Rutger", "family_name", "Berg"),
                  EnumSet.of(RecordKind.STAFF),
                  5)));
      assertEquals(
          List.of(),
          index.candidates(
              record(RecordKind.CONTACT, "K", "given_name", "Rutger", "family_name", "Berg"),
              EnumSet.of(RecordKind.TIE),
              5));
      // former family name
      assertTrue(
          ids(index.candidates(
                  record(RecordKind.CONTACT, "K", "given_name", "Ana", "family_name", "Okonkwo"),
                  all,
                  5))
              .contains("C3"));
      // the stored record comes back whole
      ClinicRecord back =
          index
              .candidates(
                  record(RecordKind.CONTACT, "K", "given_name", "Zed", "family_name", "Quist"),
                  all,
                  1)
              .get(0);
      assertEquals("+1 202 555 0143", back.get("phone"));
    }
  }

  @Test
  void aPhoneOutranksNamesakesOfACommonFamilyName() throws Exception {
    try (PersonIndex index = PersonIndex.open(new ByteBuffersDirectory())) {
      for (int i = 0; i < 40; i++) {
        index.upsert(
            record(RecordKind.CLIENT, "C" + i, "given_name", "Name" + i, "family_name", "Alvarez"));
      }
      // recorded under another family name, and the contact misspells the given name
      index.upsert(
          record(
              RecordKind.ASSOCIATE,
              "A1",
              "given_name",
              "Laura",
              "family_name",
              "Mendoza",
              "phone",
              "+1 555 219 6445"));
      index.commit(1);
      List<String> found =
          ids(
              index.candidates(
                  record(
                      RecordKind.CONTACT,
                      "K",
                      "given_name",
                      "Lsura",
                      "family_name",
                      "Álvarez",
                      "phone",
                      "555-219-6445"),
                  EnumSet.of(RecordKind.CLIENT, RecordKind.ASSOCIATE),
                  10));
      assertEquals("A1", found.get(0), found.toString());
    }
  }

  @Test
  void notesByPhraseTypoNicknameAndVersion() throws Exception {
    try (PersonIndex index = PersonIndex.open(new ByteBuffersDirectory())) {
      index.upsert(
          record(
              RecordKind.NOTE,
              "N1",
              "client_id",
              "C1",
              "version",
              "1",
              "text",
              "She met Bill J. Turner at the bakery."));
      index.upsert(
          record(
              RecordKind.NOTE,
              "N2",
              "client_id",
              "C2",
              "version",
              "1",
              "text",
              "Turner and Bill were mentioned separately, far apart in this long sentence."));
      index.upsert(
          record(
              RecordKind.NOTE,
              "N1",
              "client_id",
              "C1",
              "version",
              "2",
              "text",
              "Amended: she met Wiliam Turner."));
      index.commit(1);
      // version 1 as spelled; version 2's "Wiliam" by the nickname group Bill shares with it
      assertEquals(List.of("N1", "N1"), ids(mentioning(index, "bill", "turner")));
      assertEquals(List.of("N1", "N1"), ids(mentioning(index, "william", "turner")));
      // a typo in the family name: by its sound and by its ends
      assertEquals(List.of("N1", "N1"), ids(mentioning(index, "william", "turnre")));
      assertEquals(List.of(), mentioning(index, "agnes", "turner"));
      assertEquals(List.of(), index.notesMentioning(List.of(List.of("turner")), Set.of(), 1, 10));
      assertEquals(3, index.count(RecordKind.NOTE));
      // every version of a client's notes
      assertEquals(List.of("N1", "N1"), ids(index.ownedBy(RecordKind.NOTE, "C1")));
      assertEquals(List.of("N2"), ids(index.ownedBy(RecordKind.NOTE, "C2")));
      assertEquals(List.of(), index.ownedBy(RecordKind.NOTE, "C9"));
    }
  }

  private static List<ClinicRecord> mentioning(PersonIndex index, String given, String family)
      throws IOException {
    return index.notesMentioning(
        List.of(List.of(given, family)), NoteNames.keys(given, List.of(family)), 1, 10);
  }

  @Test
  void eachGroupOfKindsHasItsOwnBudgetAndARecordComesOnce() throws Exception {
    try (PersonIndex index = PersonIndex.open(new ByteBuffersDirectory())) {
      for (int i = 0; i < 10; i++) {
        index.upsert(
            record(RecordKind.CLIENT, "C" + i, "given_name", "Ada", "family_name", "Byron"));
      }
      index.upsert(record(RecordKind.STAFF, "S1", "given_name", "Ada", "family_name", "Byron"));
      index.commit(1);
      ClinicRecord ada =
          record(RecordKind.CONTACT, "K1", "given_name", "Ada", "family_name", "Byron");
      Set<RecordKind> all =
          EnumSet.of(RecordKind.CLIENT, RecordKind.ASSOCIATE, RecordKind.STAFF, RecordKind.TIE);
      Set<RecordKind> staff = EnumSet.of(RecordKind.STAFF, RecordKind.TIE);
      // ten equal clients fill a budget of five; the staff member, indexed last, is left out
      assertFalse(ids(index.candidates(ada, all, 5)).contains("S1"));
      List<String> grouped = ids(index.candidates(ada, List.of(all, staff), 5));
      assertEquals(6, grouped.size(), grouped::toString);
      assertEquals("S1", grouped.get(5));
      // a group's hits come in its place, and a record found by two groups comes once
      assertEquals(List.of("S1", "C0", "C1"), ids(index.candidates(ada, List.of(staff, all), 2)));
      assertEquals(List.of("S1"), ids(index.candidates(ada, List.of(staff, staff), 2)));
    }
  }

  @Test
  void contactsAreNotIndexed() throws Exception {
    try (PersonIndex index = PersonIndex.open(new ByteBuffersDirectory())) {
      assertThrows(
          IllegalArgumentException.class,
          () -> index.upsert(record(RecordKind.CONTACT, "K1", "given_name", "A")));
    }
  }
}
