package dev.dualcheck.index;

import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * The blocking keys of one reader's staff and tie documents, held in memory: tens of thousands of
 * documents against a million, so scoring them here costs a fraction of the filtered Lucene query.
 * The hits are the query's: each document scores the sum of the boosts of the blocking clauses it
 * matches (sums of multiples of 1/4, exact in float and double alike), ties go to the lower
 * document id, and a document matching no clause is no hit.
 */
final class SmallKindTable {

  /** The kinds held here. */
  static final Set<RecordKind> KINDS = Set.of(RecordKind.STAFF, RecordKind.TIE);

  /** Global document ids, ascending. */
  private final int[] docs;

  private final RecordKind[] kinds;

  /** Field and term ({@link #posting}) to the positions in {@link #docs} of the documents. */
  private final Map<String, int[]> postings;

  private SmallKindTable(int[] docs, RecordKind[] kinds, Map<String, int[]> postings) {
    this.docs = docs;
    this.kinds = kinds;
    this.postings = postings;
  }

  /** Reads every live staff and tie document of the searcher's reader and computes its keys. */
  static SmallKindTable build(IndexSearcher searcher) throws IOException {
    BooleanQuery.Builder filter = new BooleanQuery.Builder();
    for (RecordKind kind : KINDS) {
      filter.add(new TermQuery(new Term(PersonDocs.KIND, kind.singular())), Occur.SHOULD);
    }
    ConstantScoreQuery query = new ConstantScoreQuery(filter.build());
    int count = searcher.count(query);
    if (count == 0) {
      return new SmallKindTable(new int[0], new RecordKind[0], Map.of());
    }
    ScoreDoc[] hits = searcher.search(query, count).scoreDocs;
    // equal scores come in document order already; sorting makes the order explicit
    Arrays.sort(hits, (a, b) -> Integer.compare(a.doc, b.doc));
    List<ClinicRecord> records = PersonIndex.read(searcher, hits);
    int[] docs = new int[hits.length];
    RecordKind[] kinds = new RecordKind[hits.length];
    Map<String, List<Integer>> lists = new HashMap<>();
    for (int i = 0; i < hits.length; i++) {
      docs[i] = hits[i].doc;
      ClinicRecord record = records.get(i);
      kinds[i] = record.kind();
      PersonDocs.Keys keys = PersonDocs.keys(record);
      int position = i;
      PersonDocs.forEachTerm(
          keys,
          (field, term) ->
              lists.computeIfAbsent(posting(field, term), k -> new ArrayList<>()).add(position));
    }
    Map<String, int[]> postings = new HashMap<>(lists.size() * 2);
    for (Map.Entry<String, List<Integer>> e : lists.entrySet()) {
      // a term listed twice for one document (e.g. a street word repeated) counts once, as in
      // Lucene
      postings.put(
          e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).distinct().toArray());
    }
    return new SmallKindTable(docs, kinds, postings);
  }

  private static String posting(String field, String term) {
    return field + '\u0000' + term;
  }

  /** Per thread: a score per document, and the documents whose score is not zero. */
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(this::newScratch);

  private Scratch newScratch() {
    return new Scratch(new double[docs.length], new int[docs.length]);
  }

  private record Scratch(double[] scores, int[] touched) {}

  /** The {@code max} best documents of {@code wanted} kinds for the clauses, best first. */
  ScoreDoc[] top(List<PersonIndex.Clause> clauses, Collection<RecordKind> wanted, int max) {
    Scratch s = scratch.get();
    double[] scores = s.scores();
    int[] touched = s.touched();
    int n = 0;
    for (PersonIndex.Clause clause : clauses) {
      int[] positions = postings.get(posting(clause.field(), clause.term()));
      if (positions == null) {
        continue;
      }
      for (int p : positions) {
        if (scores[p] == 0) {
          touched[n++] = p;
        }
        scores[p] += clause.boost();
      }
    }
    // the best max by score, then by document id, as Lucene's collector keeps them
    Comparator<ScoreDoc> worstFirst =
        (a, b) ->
            a.score != b.score ? Float.compare(a.score, b.score) : Integer.compare(b.doc, a.doc);
    PriorityQueue<ScoreDoc> best = new PriorityQueue<>(max + 1, worstFirst);
    for (int i = 0; i < n; i++) {
      int p = touched[i];
      float score = (float) scores[p];
      scores[p] = 0;
      if (max > 0 && wanted.contains(kinds[p])) {
        if (best.size() < max) {
          best.add(new ScoreDoc(docs[p], score));
        } else if (betterThan(score, docs[p], best.peek())) {
          best.poll();
          best.add(new ScoreDoc(docs[p], score)); // only the few that get in are allocated
        }
      }
    }
    ScoreDoc[] top = new ScoreDoc[best.size()];
    for (int i = top.length - 1; i >= 0; i--) {
      top[i] = best.poll();
    }
    return top;
  }

  /**
   * True when a document of {@code score} outranks {@code worst}: higher, or as high and earlier.
   */
  private static boolean betterThan(float score, int doc, ScoreDoc worst) {
    return score != worst.score ? score > worst.score : doc < worst.doc;
  }
}
