package dev.dualcheck.index;

import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene index of the clinic's people (one document per client, associate, staff member and
 * declared tie) and of its case notes (one document per note version). It fetches candidates only;
 * scoring them is the checker's job. Records are stored whole in the index, which is encrypted at
 * rest, so that a check needs no trip to the store.
 */
public final class PersonIndex implements Closeable {

  private static final String SEQUENCE = "store_sequence";

  /** Double Metaphone is an eighth of note indexing; note words repeat, so codes are cached. */
  private static final int PHONETIC_CACHE_SIZE = 100_000;

  private final IndexWriter writer;
  private final SearcherManager searchers;

  /** Folded note word to its phonetic code; guarded by itself, emptied at every commit. */
  private final Map<String, String> phoneticCodes = new HashMap<>();

  private volatile boolean dirty;

  /** Answers that depend only on the reader they came from; replaced when the reader changes. */
  private volatile ReaderCache readerCache;

  private static final int READER_CACHE_SIZE = 100_000;

  /**
   * Typo variants of note words and name frequencies, per folded word: the same names come back
   * check after check, and expanding a word over the notes' vocabulary is the dearest part of one.
   */
  private record ReaderCache(
      IndexReader reader, Map<String, Term[]> typos, Map<String, NameFrequency> frequencies) {

    static <V> Map<String, V> bounded(Map<String, V> map) {
      if (map.size() > READER_CACHE_SIZE) {
        map.clear(); // a scan of many different names: start over rather than grow without end
      }
      return map;
    }
  }

  private ReaderCache cacheFor(IndexReader reader) {
    ReaderCache cache = readerCache;
    if (cache == null || cache.reader() != reader) {
      cache = new ReaderCache(reader, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
      readerCache = cache;
    }
    return cache;
  }

  private PersonIndex(IndexWriter writer) throws IOException {
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
  }

  /** Opens the index in {@code directory}, creating an empty one when there is none. */
  public static PersonIndex open(Directory directory) throws IOException {
    IndexWriterConfig config =
        new IndexWriterConfig(
            new PerFieldAnalyzerWrapper(
                new WhitespaceAnalyzer(),
                Map.of(PersonDocs.TEXT_NICKNAME, new NicknameTextAnalyzer())));
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    // fewer, larger flushed segments during an import: less flushing and merging per document
    config.setRAMBufferSizeMB(256);
    IndexWriter writer = new IndexWriter(directory, config);
    try {
      return new PersonIndex(writer);
    } catch (IOException | RuntimeException e) {
      writer.close();
      throw e;
    }
  }

  /** Adds or replaces a record: persons by kind and id, notes by note id and version. */
  public void upsert(ClinicRecord record) throws IOException {
    if (record.kind() == RecordKind.CONTACT) {
      throw new IllegalArgumentException("contacts are checked, never indexed");
    }
    Document document;
    synchronized (phoneticCodes) {
      if (phoneticCodes.size() > PHONETIC_CACHE_SIZE) {
        phoneticCodes.clear();
      }
      document =
          PersonDocs.document(
              record, token -> phoneticCodes.computeIfAbsent(token, NameKeys::phonetic));
    }
    writer.updateDocument(new Term(PersonDocs.KEY, PersonDocs.key(record)), document);
    dirty = true;
  }

  /** Commits, remembering the store's change sequence the index now reflects. */
  public void commit(long storeSequence) throws IOException {
    writer.setLiveCommitData(Map.of(SEQUENCE, Long.toString(storeSequence)).entrySet());
    writer.commit();
    synchronized (phoneticCodes) {
      phoneticCodes.clear(); // words of notes need not outlive the import that indexed them
    }
    searchers.maybeRefreshBlocking();
    dirty = false;
  }

  /**
   * Discards every change since the last commit and closes this index (Lucene's writer cannot go on
   * after a rollback); the files stay at the last commit. Open the index again to use it.
   */
  public void rollback() throws IOException {
    try {
      searchers.close();
    } finally {
      writer.rollback();
    }
  }

  /** The store sequence of the last commit, or -1 for an index never committed with one. */
  public long committedSequence() throws IOException {
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data != null) {
      for (Map.Entry<String, String> e : data) {
        if (e.getKey().equals(SEQUENCE)) {
          return Long.parseLong(e.getValue());
        }
      }
    }
    return -1;
  }

  /** Removes every document (the next commit makes it permanent). */
  public void deleteAll() throws IOException {
    writer.deleteAll();
    dirty = true;
  }

  /** Documents of one kind: persons, or note versions. */
  public long count(RecordKind kind) throws IOException {
    IndexSearcher searcher = acquire();
    try {
      return searcher.count(new TermQuery(new Term(PersonDocs.KIND, kind.singular())));
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * The person records most likely to be {@code person}, best first: a blocking query over folded
   * and phonetic names (given and family swapped too), nickname keys, date of birth, phone tail,
   * e-mail, postal code and street name.
   *
   * @param person a record with the contract's person columns (a contact, or a name to look up)
   * @param kinds the kinds of record to consider
   * @param max the most candidates to return
   */
  public List<ClinicRecord> candidates(ClinicRecord person, Collection<RecordKind> kinds, int max)
      throws IOException {
    PersonDocs.Keys keys = PersonDocs.keys(person);
    BooleanQuery.Builder should = new BooleanQuery.Builder();
    int clauses = 0;
    clauses += add(should, PersonDocs.FAMILY, keys.family(), 3f);
    clauses += add(should, PersonDocs.FAMILY_PHONETIC, keys.familyPhonetic(), 1.5f);
    clauses += add(should, PersonDocs.GIVEN, keys.given(), 2f);
    clauses += add(should, PersonDocs.NICK, keys.nick(), 1.5f);
    clauses += add(should, PersonDocs.GIVEN_PHONETIC, keys.givenPhonetic(), 1f);
    // swapped given and family names
    clauses += add(should, PersonDocs.GIVEN, keys.family(), 1.5f);
    clauses += add(should, PersonDocs.FAMILY, keys.given(), 1.5f);
    // swapped and misspelt ("Morozoba Naddezhda" for Nadezhda Morozova)
    clauses += add(should, PersonDocs.GIVEN_PHONETIC, keys.familyPhonetic(), 0.75f);
    clauses += add(should, PersonDocs.FAMILY_PHONETIC, keys.givenPhonetic(), 0.75f);
    clauses += add(should, PersonDocs.DOB, nonEmpty(keys.dob(), swappedDate(keys.dob())), 3f);
    // a phone or e-mail identifies better than any one name: it must outrank a common family
    // name with its phonetic code and a given name's (3 + 1.5 + 2), or the person behind a
    // misspelt name is crowded out by namesakes
    clauses += add(should, PersonDocs.PHONE, nonEmpty(keys.phone()), 7f);
    clauses += add(should, PersonDocs.EMAIL, nonEmpty(keys.email()), 7f);
    clauses += add(should, PersonDocs.POSTAL, nonEmpty(keys.postal()), 0.5f);
    clauses += add(should, PersonDocs.STREET, keys.street(), 0.75f);
    if (clauses == 0 || kinds.isEmpty()) {
      return List.of();
    }
    should.setMinimumNumberShouldMatch(1);
    BooleanQuery.Builder kindFilter = new BooleanQuery.Builder();
    for (RecordKind kind : kinds) {
      kindFilter.add(new TermQuery(new Term(PersonDocs.KIND, kind.singular())), Occur.SHOULD);
    }
    BooleanQuery query =
        new BooleanQuery.Builder()
            .add(should.build(), Occur.MUST)
            .add(kindFilter.build(), Occur.FILTER)
            .build();
    return search(query, max);
  }

  /**
   * Note versions that mention any of the name forms, as phrases (within {@code slop} positions) of
   * folded words, of their phonetic codes, or with the first word by its nickname groups.
   *
   * @param nameForms each a name as words, e.g. ["Bill", "Turner"]; forms of one word are ignored
   */
  public List<ClinicRecord> notesMentioning(
      List<List<String>> nameForms, int slop, boolean phonetic, int max) throws IOException {
    IndexSearcher searcher = acquire();
    try {
      Terms text = MultiTerms.getTerms(searcher.getIndexReader(), PersonDocs.TEXT);
      BooleanQuery.Builder should = new BooleanQuery.Builder();
      int clauses = 0;
      Map<String, Term[]> variants =
          ReaderCache.bounded(cacheFor(searcher.getIndexReader()).typos());
      for (List<String> form : nameForms) {
        List<String> folded = new ArrayList<>();
        for (String word : form) {
          folded.addAll(NameKeys.tokens(word));
        }
        if (folded.size() < 2 || clauses >= 400) {
          continue;
        }
        should.add(
            new PhraseQuery(slop, PersonDocs.TEXT, folded.toArray(new String[0])), Occur.SHOULD);
        clauses++;
        if (phonetic) {
          String[] codes = PersonDocs.phoneticText(folded).split(" ");
          should.add(
              new BoostQuery(new PhraseQuery(slop, PersonDocs.TEXT_PHONETIC, codes), 0.5f),
              Occur.SHOULD);
          clauses++;
        }
        // the first word by its nickname groups: "William Turner" finds "Bill Turner"
        for (String key : NameKeys.nicknameKeys(folded.get(0))) {
          String[] words = folded.toArray(new String[0]);
          words[0] = key;
          should.add(
              new BoostQuery(new PhraseQuery(slop, PersonDocs.TEXT_NICKNAME, words), 0.8f),
              Occur.SHOULD);
          clauses++;
        }
        // each word with its one-typo neighbours in the notes' vocabulary
        if (text != null) {
          MultiPhraseQuery.Builder fuzzy = new MultiPhraseQuery.Builder().setSlop(slop);
          for (String word : folded) {
            fuzzy.add(variants.computeIfAbsent(word, w -> typoVariants(text, w)));
          }
          should.add(new BoostQuery(fuzzy.build(), 0.3f), Occur.SHOULD);
          clauses++;
        }
      }
      if (clauses == 0) {
        return List.of();
      }
      return read(searcher, searcher.search(should.build(), max).scoreDocs);
    } finally {
      searchers.release(searcher);
    }
  }

  /** Records of one kind, at most {@code max} of them (for the small kinds: staff, ties). */
  public List<ClinicRecord> records(RecordKind kind, int max) throws IOException {
    return search(new TermQuery(new Term(PersonDocs.KIND, kind.singular())), max);
  }

  /** Associates recorded for a client. */
  public List<ClinicRecord> associatesOf(String clientId) throws IOException {
    Query query =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(PersonDocs.CLIENT, clientId)), Occur.FILTER)
            .add(
                new TermQuery(new Term(PersonDocs.KIND, RecordKind.ASSOCIATE.singular())),
                Occur.FILTER)
            .build();
    return search(query, 100);
  }

  /** The word and note words one edit away, at most twenty; short words stand alone. */
  private static Term[] typoVariants(Terms text, String word) {
    List<Term> terms = new ArrayList<>();
    terms.add(new Term(PersonDocs.TEXT, word));
    if (word.length() < 5) {
      return terms.toArray(new Term[0]);
    }
    try {
      // one edit: a two-edit automaton costs more to build than the rest of the check
      FuzzyTermsEnum e = new FuzzyTermsEnum(text, new Term(PersonDocs.TEXT, word), 1, 0, true);
      BytesRef term;
      while ((term = e.next()) != null && terms.size() < 20) {
        String t = term.utf8ToString();
        if (!t.equals(word)) {
          terms.add(new Term(PersonDocs.TEXT, t));
        }
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return terms.toArray(new Term[0]);
  }

  /**
   * How common a folded given or family name token is among indexed persons, as a fraction in [0,
   * 1]; used to weigh agreement on a common name less than on a rare one.
   */
  public NameFrequency nameFrequency(String foldedToken, boolean family) throws IOException {
    IndexSearcher searcher = acquire();
    try {
      IndexReader reader = searcher.getIndexReader();
      String field = family ? PersonDocs.FAMILY : PersonDocs.GIVEN;
      Map<String, NameFrequency> frequencies = ReaderCache.bounded(cacheFor(reader).frequencies());
      String key = field + ' ' + foldedToken;
      NameFrequency known = frequencies.get(key);
      if (known != null) {
        return known;
      }
      int df = reader.docFreq(new Term(field, foldedToken));
      int persons = reader.docFreq(new Term(PersonDocs.PERSON, "1"));
      NameFrequency frequency = new NameFrequency(df, persons);
      frequencies.put(key, frequency);
      return frequency;
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * A name's document frequency among all documents of the index.
   *
   * @param documents how many documents carry the name
   * @param total all person documents
   */
  public record NameFrequency(int documents, int total) {}

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
    } finally {
      writer.close();
    }
  }

  private List<ClinicRecord> search(Query query, int max) throws IOException {
    IndexSearcher searcher = acquire();
    try {
      return read(searcher, searcher.search(query, max).scoreDocs);
    } finally {
      searchers.release(searcher);
    }
  }

  private static List<ClinicRecord> read(IndexSearcher searcher, ScoreDoc[] hits)
      throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    List<ClinicRecord> records = new ArrayList<>(hits.length);
    for (ScoreDoc hit : hits) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
      BinaryDocValues values = leaf.reader().getBinaryDocValues(PersonDocs.RECORD);
      if (values == null || !values.advanceExact(hit.doc - leaf.docBase)) {
        throw new IOException("index document without its record");
      }
      records.add(RecordCodec.decode(values.binaryValue()));
    }
    return records;
  }

  private IndexSearcher acquire() throws IOException {
    if (dirty) {
      dirty = false;
      searchers.maybeRefreshBlocking();
    }
    return searchers.acquire();
  }

  private static int add(
      BooleanQuery.Builder builder, String field, Set<String> values, float boost) {
    int n = 0;
    for (String v : values) {
      if (!v.isEmpty()) {
        builder.add(
            new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field, v))), boost),
            Occur.SHOULD);
        n++;
      }
    }
    return n;
  }

  private static Set<String> nonEmpty(String... values) {
    Set<String> set = new java.util.LinkedHashSet<>();
    for (String v : values) {
      if (v != null && !v.isEmpty()) {
        set.add(v);
      }
    }
    return set;
  }

  /** 1980-03-07 as 1980-07-03: day and month are often swapped between conventions. */
  private static String swappedDate(String iso) {
    if (iso.length() != 10) {
      return "";
    }
    String month = iso.substring(5, 7);
    String day = iso.substring(8, 10);
    if (day.equals(month) || day.compareTo("12") > 0) {
      return "";
    }
    return iso.substring(0, 5) + day + "-" + month;
  }
}
