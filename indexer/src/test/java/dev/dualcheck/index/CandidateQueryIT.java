package dev.dualcheck.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The candidate query as it runs (no kind filter where only person documents can match, skipping
 * from the first {@code max} hits) returns the same records in the same order as the plain form:
 * the blocking query under a kind filter, searched with Lucene's defaults. Names, streets and
 * postal codes come from small pools, so queries match thousands of documents with many tied scores
 * across several segments. Staff and ties come from Lucene for the first searches, then from their
 * table in memory: the same records in the same order either way.
 */
class CandidateQueryIT {
  private static final String[] GIVEN = {"Anna", "Ben", "Carla", "Dan", "Eva", "William", "Bill"};
  private static final String[] FAMILY = {"Smith", "Smyth", "Jones", "Brown", "Müller", "Nguyen"};
  private static final String[] STREET = {"Oak Street", "Elm Road", "Harbour Lane", "Mill Way"};
  private static final String[] POSTAL = {"12345", "12346", "90210"};
  private static final Set<RecordKind> PERSONS =
      EnumSet.of(RecordKind.CLIENT, RecordKind.ASSOCIATE, RecordKind.STAFF, RecordKind.TIE);
  private static final int MAX = 30;

  private static String pick(Random random, String[] pool) {
    return pool[random.nextInt(pool.length)];
  }

  private static ClinicRecord person(Random random, RecordKind kind, String id) {
    Map<String, String> fields = new HashMap<>();
    fields.put("given_name", pick(random, GIVEN));
    fields.put("family_name", pick(random, FAMILY));
    fields.put(
        "dob",
        String.format(
            "19%02d-0%d-1%d", 40 + random.nextInt(3), 1 + random.nextInt(3), random.nextInt(3)));
    fields.put("street", (1 + random.nextInt(9)) + " " + pick(random, STREET));
    fields.put("postal_code", pick(random, POSTAL));
    fields.put("phone", "+1 555 010 " + (1000 + random.nextInt(40)));
    if (kind == RecordKind.ASSOCIATE) {
      fields.put("client_id", "C" + random.nextInt(100));
    }
    return new ClinicRecord(kind, id, fields);
  }

  @Test
  void sameCandidatesInTheSameOrderAsTheFilteredQuery(@TempDir Path dir) throws Exception {
    Random random = new Random(20261128);
    RecordKind[] kinds = {
      RecordKind.CLIENT, RecordKind.ASSOCIATE, RecordKind.STAFF, RecordKind.TIE
    };
    try (Directory directory = FSDirectory.open(dir);
        PersonIndex index = PersonIndex.open(directory)) {
      for (int i = 0; i < 6000; i++) {
        index.upsert(person(random, kinds[i % kinds.length], "P" + i));
        if (i % 3 == 0) {
          index.upsert(
              new ClinicRecord(
                  RecordKind.NOTE,
                  "N" + i,
                  Map.of("client_id", "P" + i, "text", "Saw Anna Smith at 12345 Oak Street.")));
        }
        if (i % 500 == 250) {
          // replaced: the old version is a deleted document the table must not see
          index.upsert(person(random, kinds[i % kinds.length], "P" + (i - 2)));
        }
        if (i % 1000 == 999) {
          index.commit(i); // a new segment each time
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertTrue(reader.leaves().size() > 1, "several segments");
        IndexSearcher searcher = new IndexSearcher(reader);
        int beyondDefaultThreshold = 0;
        for (int probe = 0; probe < 200; probe++) {
          ClinicRecord contact = person(random, RecordKind.CONTACT, "K" + probe);
          for (Set<RecordKind> wanted :
              List.of(
                  PERSONS,
                  EnumSet.of(RecordKind.CLIENT),
                  EnumSet.of(RecordKind.STAFF, RecordKind.TIE),
                  EnumSet.of(RecordKind.TIE))) {
            Query reference = filtered(PersonIndex.blockingQuery(contact), wanted);
            if (searcher.count(reference) > 1000) {
              beyondDefaultThreshold++;
            }
            List<ClinicRecord> expected =
                PersonIndex.read(searcher, searcher.search(reference, MAX).scoreDocs);
            assertEquals(
                ids(expected), ids(index.candidates(contact, wanted, MAX)), "probe " + probe);
          }
        }
        assertTrue(beyondDefaultThreshold > 100, "queries that let Lucene skip documents");
        assertTrue(
            2 * 200 > 2 * PersonIndex.SMALL_KIND_SEARCHES_BEFORE_TABLE,
            "staff and ties from Lucene first, then from their table");
      }
    }
  }

  /**
   * The note query as it runs (terms looked up at once, keys in no segment left out, skipping from
   * the first {@code max} hits) returns the same notes in the same order as its plain form searched
   * with Lucene's defaults.
   */
  @Test
  void sameNotesInTheSameOrderAsThePlainQuery(@TempDir Path dir) throws Exception {
    Random random = new Random(20261129);
    try (Directory directory = FSDirectory.open(dir);
        PersonIndex index = PersonIndex.open(directory)) {
      for (int i = 0; i < 3000; i++) {
        String text =
            switch (i % 3) {
              case 0 -> "Saw " + pick(random, GIVEN) + " " + pick(random, FAMILY) + " today.";
              case 1 -> pick(random, GIVEN) + " M. " + pick(random, FAMILY) + " called again.";
              default -> "Talked about " + pick(random, GIVEN) + " and " + pick(random, FAMILY);
            };
        index.upsert(
            new ClinicRecord(RecordKind.NOTE, "N" + i, Map.of("client_id", "C" + i, "text", text)));
        if (i % 700 == 350) {
          // replaced: the old version is a deleted document
          index.upsert(
              new ClinicRecord(
                  RecordKind.NOTE,
                  "N" + (i - 1),
                  Map.of("client_id", "C" + i, "text", "Nothing to report.")));
        }
        if (i % 1000 == 999) {
          index.commit(i);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertTrue(reader.leaves().size() > 1, "several segments");
        IndexSearcher searcher = new IndexSearcher(reader);
        int found = 0;
        for (String given : GIVEN) {
          for (String family : FAMILY) {
            String g = NameKeys.fold(given);
            String f = NameKeys.fold(family);
            Set<String> keys = new LinkedHashSet<>(NoteNames.keys(g, List.of(f)));
            keys.add("gnobody|fnowhere"); // in no segment: left out, changing nothing
            List<ClinicRecord> actual = List.of();
            // without the phrase, the keys alone order the notes
            for (List<List<String>> phrases :
                List.of(List.of(List.of(g, f)), List.<List<String>>of())) {
              for (int max : new int[] {10, 400}) { // 400: every note found
                List<ClinicRecord> expected =
                    PersonIndex.read(
                        searcher,
                        searcher.search(PersonIndex.notesQuery(phrases, keys, 1), max).scoreDocs);
                actual = index.notesMentioning(phrases, keys, 1, max);
                assertEquals(
                    ids(expected), ids(actual), given + " " + family + " " + phrases + " " + max);
              }
            }
            found += actual.size();
          }
        }
        assertTrue(found > 0, "notes found");
        assertEquals(
            List.of(),
            index.notesMentioning(List.of(List.of("nobody", "nowhere")), Set.of("gnobody"), 1, MAX),
            "nothing found for names in no note");
      }
    }
  }

  private static Query filtered(BooleanQuery blocking, Set<RecordKind> kinds) {
    BooleanQuery.Builder filter = new BooleanQuery.Builder();
    for (RecordKind kind : kinds) {
      filter.add(new TermQuery(new Term(PersonDocs.KIND, kind.singular())), Occur.SHOULD);
    }
    return new BooleanQuery.Builder()
        .add(blocking, Occur.MUST)
        .add(filter.build(), Occur.FILTER)
        .build();
  }

  private static List<String> ids(List<ClinicRecord> records) {
    return records.stream().map(r -> r.kind().singular() + ":" + r.id()).toList();
  }
}
