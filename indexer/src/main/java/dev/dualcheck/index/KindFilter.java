package dev.dualcheck.index;

import dev.dualcheck.store.RecordKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.FixedBitSet;

/**
 * The documents of some kinds, one bit set per segment, to keep a search's top hits to those kinds
 * in the collector rather than in the query. A kind filter in the query turns the top-level
 * disjunction, which Lucene scores with MaxScore, into a conjunction, several times slower; the
 * collector sees the same documents with the same scores, and as it raises the minimum competitive
 * score only from the hits it keeps, the top hits are the same too.
 */
final class KindFilter {

  private final List<FixedBitSet> perLeaf;

  private KindFilter(List<FixedBitSet> perLeaf) {
    this.perLeaf = perLeaf;
  }

  /** Reads the kinds' documents of every segment of {@code reader}. */
  static KindFilter build(IndexReader reader, Collection<RecordKind> kinds) throws IOException {
    List<FixedBitSet> perLeaf = new ArrayList<>(reader.leaves().size());
    for (LeafReaderContext leaf : reader.leaves()) {
      FixedBitSet docs = new FixedBitSet(leaf.reader().maxDoc());
      for (RecordKind kind : kinds) {
        Term term = new Term(PersonDocs.KIND, kind.singular());
        Terms terms = leaf.reader().terms(term.field());
        TermsEnum termsEnum = terms == null ? null : terms.iterator();
        if (termsEnum != null && termsEnum.seekExact(term.bytes())) {
          PostingsEnum postings = termsEnum.postings(null, PostingsEnum.NONE);
          for (int doc = postings.nextDoc();
              doc != DocIdSetIterator.NO_MORE_DOCS;
              doc = postings.nextDoc()) {
            docs.set(doc);
          }
        }
      }
      perLeaf.add(docs);
    }
    return new KindFilter(perLeaf);
  }

  /** The {@code max} best hits of these kinds (their total is never asked for). */
  CollectorManager<?, TopDocs> top(int max) {
    TopScoreDocCollectorManager top = new TopScoreDocCollectorManager(max, max);
    return new CollectorManager<Filtering, TopDocs>() {
      @Override
      public Filtering newCollector() {
        return new Filtering(top.newCollector());
      }

      @Override
      public TopDocs reduce(Collection<Filtering> collectors) throws IOException {
        List<TopScoreDocCollector> inner = new ArrayList<>(collectors.size());
        for (Filtering c : collectors) {
          inner.add(c.top);
        }
        return top.reduce(inner);
      }
    };
  }

  /** Passes the documents of these kinds on to the top hits collector, and no others. */
  private final class Filtering extends FilterCollector {
    private final TopScoreDocCollector top;

    Filtering(TopScoreDocCollector top) {
      super(top);
      this.top = top;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      FixedBitSet docs = perLeaf.get(context.ord);
      return new FilterLeafCollector(super.getLeafCollector(context)) {
        @Override
        public void collect(int doc) throws IOException {
          if (docs.get(doc)) {
            in.collect(doc);
          }
        }
      };
    }
  }
}
