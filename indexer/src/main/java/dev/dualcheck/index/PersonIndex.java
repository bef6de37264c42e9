package dev.dualcheck.index;

import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;

/**
 * The Lucene index of the clinic's people (one document per client, associate, staff member and
 * declared tie) and of its case notes (one document per note version). It fetches candidates only;
 * scoring them is the checker's job. Records are stored whole in the index, which is encrypted at
 * rest, so that a check needs no trip to the store.
 */
public final class PersonIndex implements Closeable {

  private static final String SEQUENCE = "store_sequence";

  /**
   * The version of the document schema ({@link PersonDocs}), kept with each commit. An index of
   * another version reports no store sequence, so the next update indexes every record again (4:
   * notes name people with "O'Brien" family names under their keys; more nicknames).
   */
  private static final String SCHEMA = "schema";

  private static final String SCHEMA_VERSION = "4";

  /** The kinds indexed as person documents: every kind but notes and (never indexed) contacts. */
  private static final Set<RecordKind> PERSON_DOCUMENT_KINDS =
      EnumSet.complementOf(EnumSet.of(RecordKind.NOTE, RecordKind.CONTACT));

  private final IndexWriter writer;
  private final SearcherManager searchers;

  private volatile boolean dirty;

  /** Answers that depend only on the reader they came from; replaced when the reader changes. */
  private volatile ReaderCache readerCache;

  private static final int READER_CACHE_SIZE = 100_000;

  /**
   * Searches of the small kinds a reader serves before it gets their table: building it reads every
   * staff and tie document, worth it for a scan, not for a single check.
   */
  static final int SMALL_KIND_SEARCHES_BEFORE_TABLE = 20;

  /**
   * Name frequencies, per folded name: the same names come back check after check. Documents per
   * kind. The staff and tie table, once enough checks asked for them ({@link
   * #SMALL_KIND_SEARCHES_BEFORE_TABLE}). The documents of the kinds searched for.
   */
  private record ReaderCache(
      IndexReader reader,
      Map<String, NameFrequency> frequencies,
      Map<RecordKind, Long> counts,
      AtomicInteger smallKindSearches,
      AtomicReference<SmallKindTable> smallKinds,
      Map<Set<RecordKind>, KindFilter> kindFilters) {

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
      cache =
          new ReaderCache(
              reader,
              new ConcurrentHashMap<>(),
              new ConcurrentHashMap<>(),
              new AtomicInteger(),
              new AtomicReference<>(),
              new ConcurrentHashMap<>());
      readerCache = cache;
    }
    return cache;
  }

  private PersonIndex(IndexWriter writer, SearcherManager searchers) {
    this.writer = writer;
    this.searchers = searchers;
  }

  /** Opens the index in {@code directory}, creating an empty one when there is none. */
  public static PersonIndex open(Directory directory) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    // fewer, larger flushed segments during an import: less flushing and merging per document
    config.setRAMBufferSizeMB(256);
    IndexWriter writer = new IndexWriter(directory, config);
    try {
      return new PersonIndex(writer, new SearcherManager(writer, null));
    } catch (IOException | RuntimeException e) {
      writer.close();
      throw e;
    }
  }

  /**
   * Opens the committed index in {@code directory} for searching only: no writer, so no lock, and
   * any number of processes may search while one writes. Each search sees the latest commit.
   *
   * @throws org.apache.lucene.index.IndexNotFoundException when nothing was ever committed there
   */
  public static PersonIndex openReadOnly(Directory directory) throws IOException {
    return new PersonIndex(null, new SearcherManager(directory, null));
  }

  /** True when this index was opened for searching only ({@link #openReadOnly}). */
  public boolean readOnly() {
    return writer == null;
  }

  private IndexWriter writer() {
    if (writer == null) {
      throw new IllegalStateException("the index was opened for searching only");
    }
    return writer;
  }

  /** Adds or replaces a record: persons by kind and id, notes by note id and version. */
  public void upsert(ClinicRecord record) throws IOException {
    if (record.kind() == RecordKind.CONTACT) {
      throw new IllegalArgumentException("contacts are checked, never indexed");
    }
    // names' sound codes come from NameKeys' cache: names in notes repeat, Double Metaphone is dear
    writer()
        .updateDocument(
            new Term(PersonDocs.KEY, PersonDocs.key(record)), PersonDocs.document(record));
    dirty = true;
  }

  /** Commits, remembering the store's change sequence the index now reflects. */
  public void commit(long storeSequence) throws IOException {
    writer()
        .setLiveCommitData(
            Map.of(SEQUENCE, Long.toString(storeSequence), SCHEMA, SCHEMA_VERSION).entrySet());
    writer.commit();
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
      writer().rollback();
    }
  }

  /**
   * The store sequence of the last commit, or -1 for an index never committed with one or built
   * with another document schema (its documents are then all indexed again, replacing the old).
   */
  public long committedSequence() throws IOException {
    Map<String, String> committed = new HashMap<>();
    if (writer == null) {
      IndexSearcher searcher = acquire();
      try {
        committed.putAll(
            ((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData());
      } finally {
        searchers.release(searcher);
      }
    } else {
      Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
      if (data != null) {
        for (Map.Entry<String, String> e : data) {
          committed.put(e.getKey(), e.getValue());
        }
      }
    }
    String sequence = committed.get(SEQUENCE);
    if (sequence == null || !SCHEMA_VERSION.equals(committed.get(SCHEMA))) {
      return -1;
    }
    return Long.parseLong(sequence);
  }

  /** Removes every document (the next commit makes it permanent). */
  public void deleteAll() throws IOException {
    writer().deleteAll();
    dirty = true;
  }

  /**
   * Documents of one kind: persons, or note versions. Counted once per reader: with deleted
   * documents Lucene counts by walking the kind's postings, and a check asks several times.
   */
  public long count(RecordKind kind) throws IOException {
    IndexSearcher searcher = acquire();
    try {
      Map<RecordKind, Long> counts = cacheFor(searcher.getIndexReader()).counts();
      Long known = counts.get(kind);
      if (known != null) {
        return known;
      }
      long count = searcher.count(new TermQuery(new Term(PersonDocs.KIND, kind.singular())));
      counts.put(kind, count);
      return count;
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
    return candidates(person, List.of(kinds), max);
  }

  /**
   * The candidates of several groups of kinds, each group with its own budget of {@code max}, so
   * that a few staff are not crowded out by thousands of clients; a record two groups find comes
   * once, in the place of its first group.
   */
  public List<ClinicRecord> candidates(
      ClinicRecord person, List<? extends Collection<RecordKind>> groups, int max)
      throws IOException {
    List<Clause> clauses = blockingClauses(person);
    if (clauses.isEmpty()) {
      return List.of();
    }
    Map<String, ClinicRecord> found = new LinkedHashMap<>();
    IndexSearcher searcher = acquire();
    try {
      Query blocking = null; // the terms are looked up once, for the first group Lucene serves
      for (Collection<RecordKind> kinds : groups) {
        if (kinds.isEmpty()) {
          continue;
        }
        ScoreDoc[] hits = null;
        if (SmallKindTable.KINDS.containsAll(kinds)) {
          SmallKindTable table = smallKindTable(searcher);
          if (table != null) {
            hits = table.top(clauses, kinds, max);
          }
        }
        if (hits == null) {
          if (blocking == null) {
            blocking = withTermStates(searcher, blockingQuery(clauses));
          }
          hits =
              blocking instanceof MatchNoDocsQuery
                  ? new ScoreDoc[0]
                  : top(searcher, blocking, kinds, max);
        }
        for (ClinicRecord record : read(searcher, hits)) {
          found.putIfAbsent(PersonDocs.key(record), record);
        }
      }
    } finally {
      searchers.release(searcher);
    }
    return List.copyOf(found.values());
  }

  /**
   * The searcher's staff and tie table, built by the first search after enough have asked for it;
   * null before then, and while another thread builds it (that search goes to Lucene instead).
   */
  private SmallKindTable smallKindTable(IndexSearcher searcher) throws IOException {
    ReaderCache cache = cacheFor(searcher.getIndexReader());
    SmallKindTable table = cache.smallKinds().get();
    if (table != null
        || cache.smallKindSearches().incrementAndGet() != SMALL_KIND_SEARCHES_BEFORE_TABLE) {
      return table;
    }
    table = SmallKindTable.build(searcher);
    cache.smallKinds().set(table);
    return table;
  }

  /** One blocking key as a SHOULD clause: documents with {@code term} in {@code field} score it. */
  record Clause(String field, String term, float boost) {}

  /**
   * The clauses of the blocking query, one per blocking key of {@code person}: the Lucene query and
   * the staff and tie table score the same list.
   */
  static List<Clause> blockingClauses(ClinicRecord person) {
    PersonDocs.Keys keys = PersonDocs.keys(person);
    List<Clause> clauses = new ArrayList<>();
    add(clauses, PersonDocs.FAMILY, keys.family(), 3f);
    add(clauses, PersonDocs.FAMILY_PHONETIC, keys.familyPhonetic(), 1.5f);
    add(clauses, PersonDocs.GIVEN, keys.given(), 2f);
    add(clauses, PersonDocs.NICK, keys.nick(), 1.5f);
    add(clauses, PersonDocs.GIVEN_PHONETIC, keys.givenPhonetic(), 1f);
    // swapped given and family names
    add(clauses, PersonDocs.GIVEN, keys.family(), 1.5f);
    add(clauses, PersonDocs.FAMILY, keys.given(), 1.5f);
    // swapped and misspelt ("Morozoba Naddezhda" for Nadezhda Morozova)
    add(clauses, PersonDocs.GIVEN_PHONETIC, keys.familyPhonetic(), 0.75f);
    add(clauses, PersonDocs.FAMILY_PHONETIC, keys.givenPhonetic(), 0.75f);
    // a scanned or hand-written form's confusions undone ("Car1os", "Jabkovvska"): the
    // spelling meant, which is what other records of the person are indexed under
    Set<String> givenMeant = unconfused(keys.given());
    Set<String> familyMeant = unconfused(keys.family());
    add(clauses, PersonDocs.GIVEN, givenMeant, 2f);
    add(clauses, PersonDocs.FAMILY, familyMeant, 3f);
    add(clauses, PersonDocs.FAMILY_PHONETIC, phonetic(familyMeant), 1.5f);
    add(clauses, PersonDocs.DOB, nonEmpty(keys.dob(), swappedDate(keys.dob())), 3f);
    // a phone or e-mail identifies better than any one name: it must outrank a common family
    // name with its phonetic code and a given name's (3 + 1.5 + 2), or the person behind a
    // misspelt name is crowded out by namesakes
    add(clauses, PersonDocs.PHONE, nonEmpty(keys.phone()), 7f);
    add(clauses, PersonDocs.EMAIL, nonEmpty(keys.email()), 7f);
    add(clauses, PersonDocs.POSTAL, nonEmpty(keys.postal()), 0.5f);
    add(clauses, PersonDocs.STREET, keys.street(), 0.75f);
    // a name the person's own e-mail address spells otherwise than the name fields ("Magalena
    // Jabkovvska" at magdalena.jankowska498@…, "Mary Abams" at adams.mary448@…): the address
    // was typed apart from the name, so its words find the record when a garbled name and a
    // common given name would leave it outside the top candidates
    Set<String> spelled = emailNameWords(person.get("email"));
    List<String> given = NameKeys.tokens(person.get("given_name"));
    for (String word : List.copyOf(spelled)) {
      // "jperez" is J. Perez when the given name starts with j, however garbled ("Juna Péez")
      if (!given.isEmpty()
          && word.charAt(0) == given.get(0).charAt(0)
          && word.length() > EMAIL_NAME_WORD_LENGTH) {
        spelled.add(word.substring(1));
      }
    }
    spelled.removeAll(keys.given());
    spelled.removeAll(keys.family());
    add(clauses, PersonDocs.FAMILY, spelled, 1.5f);
    add(clauses, PersonDocs.GIVEN, spelled, 1f);
    return clauses;
  }

  /**
   * The tokens that read differently with the letter shapes scanners and hurried hands confuse
   * undone (1 for l, 0 for o, vv for w), as read; tokens without them are left out. Not rn for m
   * (as the scorer does): Fernández and Bernard would each cost a query key for nothing.
   */
  static Set<String> unconfused(Set<String> tokens) {
    Set<String> meant = new LinkedHashSet<>();
    for (String t : tokens) {
      String u = t.replace('1', 'l').replace('0', 'o').replace("vv", "w");
      if (!u.equals(t) && !tokens.contains(u)) {
        meant.add(u);
      }
    }
    return meant;
  }

  private static Set<String> phonetic(Set<String> tokens) {
    Set<String> codes = new LinkedHashSet<>();
    for (String t : tokens) {
      String code = NameKeys.phonetic(t);
      if (!code.isEmpty()) {
        codes.add(code);
      }
    }
    return codes;
  }

  /**
   * The letters-only words of an e-mail address's local part (before any {@code +tag}), folded, of
   * {@value #EMAIL_NAME_WORD_LENGTH} letters or more: words that may be the owner's names.
   */
  static Set<String> emailNameWords(String email) {
    Set<String> words = new LinkedHashSet<>();
    int at = email.lastIndexOf('@');
    if (at <= 0) {
      return words;
    }
    String local = email.substring(0, at);
    int plus = local.indexOf('+');
    if (plus > 0) {
      local = local.substring(0, plus);
    }
    for (String word : NameKeys.fold(local).split("[^a-z]+")) {
      if (word.length() >= EMAIL_NAME_WORD_LENGTH) {
        words.add(word);
      }
    }
    return words;
  }

  /** Shorter words of an address are initials and fragments ("jd", "mo"), not names. */
  private static final int EMAIL_NAME_WORD_LENGTH = 4;

  /**
   * One SHOULD clause per blocking key of {@code person}, or null when it has none: the plain form
   * of the candidate query, which tests compare the one that runs with.
   */
  static BooleanQuery blockingQuery(ClinicRecord person) {
    List<Clause> clauses = blockingClauses(person);
    return clauses.isEmpty() ? null : blockingQuery(clauses);
  }

  private static BooleanQuery blockingQuery(List<Clause> clauses) {
    BooleanQuery.Builder should = new BooleanQuery.Builder();
    for (Clause c : clauses) {
      should.add(
          new BoostQuery(
              new ConstantScoreQuery(new TermQuery(new Term(c.field(), c.term()))), c.boost()),
          Occur.SHOULD);
    }
    return should.setMinimumNumberShouldMatch(1).build();
  }

  /**
   * {@code plain} for {@code searcher}: the terms of its constant-score term clauses looked up at
   * once ({@link TermSeeker}), and such a SHOULD clause left out when its term is in no segment, as
   * it could match nothing and add to no score. {@link MatchNoDocsQuery} when no clause is left.
   */
  private Query withTermStates(IndexSearcher searcher, BooleanQuery plain) throws IOException {
    List<Term> terms = new ArrayList<>(plain.clauses().size());
    for (BooleanClause clause : plain.clauses()) {
      TermQuery term = constantTermQuery(clause);
      if (term != null) {
        terms.add(term.getTerm());
      }
    }
    TermStates[] states = seeker(searcher).lookUp(terms);
    BooleanQuery.Builder prepared =
        new BooleanQuery.Builder().setMinimumNumberShouldMatch(plain.getMinimumNumberShouldMatch());
    int next = 0;
    boolean any = false;
    for (BooleanClause clause : plain.clauses()) {
      TermQuery term = constantTermQuery(clause);
      if (term == null) {
        prepared.add(clause);
        any = true;
      } else if (states[next] != null) {
        float boost = ((BoostQuery) clause.getQuery()).getBoost();
        prepared.add(
            new BoostQuery(
                new ConstantScoreQuery(new TermQuery(term.getTerm(), states[next])), boost),
            Occur.SHOULD);
        any = true;
      }
      next += term == null ? 0 : 1;
    }
    return any ? prepared.build() : new MatchNoDocsQuery();
  }

  /** The term query of a SHOULD clause of the form boost(constant(term)), else null. */
  private static TermQuery constantTermQuery(BooleanClause clause) {
    if (clause.getOccur() == Occur.SHOULD
        && clause.getQuery() instanceof BoostQuery boost
        && boost.getQuery() instanceof ConstantScoreQuery constant
        && constant.getQuery() instanceof TermQuery term) {
      return term;
    }
    return null;
  }

  /**
   * The {@code max} best hits of {@code blocking} of {@code kinds}. Only person documents have the
   * blocking fields; fewer kinds are kept to by the collector ({@link KindFilter}), so that the
   * query stays a top-level disjunction, which Lucene scores with MaxScore.
   */
  private ScoreDoc[] top(
      IndexSearcher searcher, Query blocking, Collection<RecordKind> kinds, int max)
      throws IOException {
    if (kinds.containsAll(PERSON_DOCUMENT_KINDS)) {
      return top(searcher, blocking, max);
    }
    Map<Set<RecordKind>, KindFilter> filters = cacheFor(searcher.getIndexReader()).kindFilters();
    Set<RecordKind> key = Set.copyOf(kinds);
    KindFilter filter = filters.get(key);
    if (filter == null) {
      filter = KindFilter.build(searcher.getIndexReader(), key);
      filters.put(key, filter);
    }
    return searcher.search(blocking, filter.top(max)).scoreDocs;
  }

  /**
   * The {@code max} best hits. Their total is never asked for, so Lucene may skip documents that
   * cannot enter the top {@code max} as soon as it has {@code max} hits rather than after the
   * default 1,000: the same hits, as scores are sums of constant boosts and ties go to the lower
   * document id either way.
   */
  private static ScoreDoc[] top(IndexSearcher searcher, Query query, int max) throws IOException {
    TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(max, max));
    return top.scoreDocs;
  }

  /**
   * Note versions that may mention a person: those containing one of {@code phrases} (folded words
   * within {@code slop} positions, however the note capitalises them), or naming someone under one
   * of {@code mentionKeys} ({@link NoteNames#keys}); those matching more, and more exact, keys
   * first.
   *
   * @param phrases names as folded words, e.g. ["bill", "turner"]; phrases of one word are ignored
   */
  public List<ClinicRecord> notesMentioning(
      List<List<String>> phrases, Set<String> mentionKeys, int slop, int max) throws IOException {
    BooleanQuery plain = notesQuery(phrases, mentionKeys, slop);
    if (plain == null) {
      return List.of();
    }
    IndexSearcher searcher = acquire();
    try {
      Query query = withTermStates(searcher, plain);
      return query instanceof MatchNoDocsQuery
          ? List.of()
          : read(searcher, top(searcher, query, max));
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * The note query of {@link #notesMentioning}, or null when it has no clause: the plain form,
   * which tests compare the one that runs with.
   */
  static BooleanQuery notesQuery(List<List<String>> phrases, Set<String> mentionKeys, int slop) {
    BooleanQuery.Builder should = new BooleanQuery.Builder();
    int clauses = 0;
    for (List<String> phrase : phrases) {
      if (phrase.size() >= 2 && clauses < MAX_NOTE_CLAUSES) {
        should.add(
            new BoostQuery(
                new ConstantScoreQuery(
                    new PhraseQuery(slop, PersonDocs.TEXT, phrase.toArray(new String[0]))),
                10f),
            Occur.SHOULD);
        clauses++;
      }
    }
    for (String key : mentionKeys) {
      if (clauses < MAX_NOTE_CLAUSES) {
        should.add(
            new BoostQuery(
                new ConstantScoreQuery(new TermQuery(new Term(PersonDocs.MENTION, key))),
                mentionKeyWeight(key)),
            Occur.SHOULD);
        clauses++;
      }
    }
    return clauses == 0 ? null : should.build();
  }

  private static final int MAX_NOTE_CLAUSES = 512;

  /**
   * A mention key's weight: higher the closer its given and family parts are to the spelling ("g"
   * spelled, "n" nickname, "p" sound, "i" initial; "f" spelled, "q" sound, "x"/"y" ends).
   */
  private static float mentionKeyWeight(String key) {
    float given =
        switch (key.charAt(0)) {
          case 'g' -> 3f;
          case 'n' -> 2f;
          default -> 0.5f;
        };
    int bar = key.indexOf('|');
    float family =
        switch (bar < 0 || bar + 1 >= key.length() ? ' ' : key.charAt(bar + 1)) {
          case 'f' -> 3f;
          case 'q' -> 1.5f;
          default -> 1f;
        };
    return given * family;
  }

  /** Records of one kind, at most {@code max} of them (for the small kinds: staff, ties). */
  public List<ClinicRecord> records(RecordKind kind, int max) throws IOException {
    return search(new TermQuery(new Term(PersonDocs.KIND, kind.singular())), max);
  }

  /**
   * The records of a kind that belong to an owner: a client's associates or notes (every version),
   * a clinician's declared ties. The store holds records encrypted with nothing to find them by
   * owner, so this is how they are found without decrypting every record of the kind.
   */
  public List<ClinicRecord> ownedBy(RecordKind kind, String ownerId) throws IOException {
    String ownerField =
        switch (kind) {
          case NOTE, ASSOCIATE -> PersonDocs.CLIENT;
          case TIE -> PersonDocs.STAFF;
          default -> throw new IllegalArgumentException("no owner: " + kind);
        };
    IndexSearcher searcher = acquire();
    try {
      Query query =
          conjunction(
              searcher, new Term(ownerField, ownerId), new Term(PersonDocs.KIND, kind.singular()));
      return query == null ? List.of() : read(searcher, all(searcher, query));
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Every document {@code query} matches, in document order, in one pass (counting them first to
   * size a top-hits search ran the query twice).
   */
  private static ScoreDoc[] all(IndexSearcher searcher, Query query) throws IOException {
    return searcher.search(
        query,
        new CollectorManager<AllDocs, ScoreDoc[]>() {
          @Override
          public AllDocs newCollector() {
            return new AllDocs();
          }

          @Override
          public ScoreDoc[] reduce(Collection<AllDocs> collectors) {
            List<ScoreDoc> hits = new ArrayList<>();
            for (AllDocs c : collectors) {
              hits.addAll(c.hits);
            }
            hits.sort((a, b) -> Integer.compare(a.doc, b.doc));
            return hits.toArray(new ScoreDoc[0]);
          }
        });
  }

  /** Collects every document, unscored. */
  private static final class AllDocs extends SimpleCollector {
    final List<ScoreDoc> hits = new ArrayList<>();
    private int docBase;

    @Override
    protected void doSetNextReader(LeafReaderContext context) {
      docBase = context.docBase;
    }

    @Override
    public void collect(int doc) {
      hits.add(new ScoreDoc(docBase + doc, 0f));
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  /** Documents with both terms, or null when one of them is in no segment. */
  private Query conjunction(IndexSearcher searcher, Term a, Term b) throws IOException {
    TermStates[] states = seeker(searcher).lookUp(List.of(a, b));
    if (states[0] == null || states[1] == null) {
      return null;
    }
    return new BooleanQuery.Builder()
        .add(new TermQuery(a, states[0]), Occur.FILTER)
        .add(new TermQuery(b, states[1]), Occur.FILTER)
        .build();
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
   * How many persons carry both a folded given name token and a folded family name token: names are
   * not independent ("Minh" goes with "Nguyen" far more often than the two frequencies multiplied
   * say), so a common full name is told by its own count.
   */
  public NameFrequency fullNameFrequency(String foldedGiven, String foldedFamily)
      throws IOException {
    IndexSearcher searcher = acquire();
    try {
      IndexReader reader = searcher.getIndexReader();
      Map<String, NameFrequency> frequencies = ReaderCache.bounded(cacheFor(reader).frequencies());
      String key =
          PersonDocs.GIVEN + '+' + PersonDocs.FAMILY + ' ' + foldedGiven + ' ' + foldedFamily;
      NameFrequency known = frequencies.get(key);
      if (known != null) {
        return known;
      }
      Query both =
          conjunction(
              searcher,
              new Term(PersonDocs.GIVEN, foldedGiven),
              new Term(PersonDocs.FAMILY, foldedFamily));
      int persons = reader.docFreq(new Term(PersonDocs.PERSON, "1"));
      NameFrequency frequency = new NameFrequency(both == null ? 0 : searcher.count(both), persons);
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
      if (writer != null) {
        writer.close();
      }
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

  /**
   * The records of {@code hits}, in their order. They are read in document order, so that one doc
   * values iterator per segment serves all of that segment's hits.
   */
  static List<ClinicRecord> read(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Integer[] order = new Integer[hits.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(hits[a].doc, hits[b].doc));
    ClinicRecord[] records = new ClinicRecord[hits.length];
    LeafReaderContext leaf = null;
    BinaryDocValues values = null;
    int previous = -1;
    for (int i : order) {
      int doc = hits[i].doc;
      if (previous >= 0 && hits[previous].doc == doc) {
        records[i] = records[previous]; // an iterator cannot go back to the same document
        continue;
      }
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        values = leaf.reader().getBinaryDocValues(PersonDocs.RECORD);
      }
      if (values == null || !values.advanceExact(doc - leaf.docBase)) {
        throw new IOException("index document without its record");
      }
      records[i] = RecordCodec.decode(values.binaryValue());
      previous = i;
    }
    return new ArrayList<>(Arrays.asList(records));
  }

  /** Per thread, the term seeker of the reader it last searched. */
  private final ThreadLocal<TermSeeker> seekers = new ThreadLocal<>();

  private TermSeeker seeker(IndexSearcher searcher) {
    TermSeeker seeker = seekers.get();
    if (seeker == null || !seeker.serves(searcher.getIndexReader())) {
      seeker = new TermSeeker(searcher.getIndexReader());
      seekers.set(seeker);
    }
    return seeker;
  }

  private IndexSearcher acquire() throws IOException {
    if (dirty) {
      dirty = false;
      searchers.maybeRefreshBlocking();
    } else if (writer == null && System.nanoTime() - lastRefresh > REFRESH_INTERVAL_NANOS) {
      // another process may have committed since; a look at the latest commit point reads and
      // decrypts the segments file, so not for every one of a check's searches
      lastRefresh = System.nanoTime();
      searchers.maybeRefresh();
    }
    return searchers.acquire();
  }

  /** How often an index opened for searching only looks for another process's commits. */
  private static final long REFRESH_INTERVAL_NANOS = 1_000_000_000L;

  private volatile long lastRefresh = System.nanoTime();

  private static void add(List<Clause> clauses, String field, Set<String> values, float boost) {
    for (String v : values) {
      if (!v.isEmpty()) {
        clauses.add(new Clause(field, v, boost));
      }
    }
  }

  private static Set<String> nonEmpty(String... values) {
    Set<String> set = new LinkedHashSet<>();
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
