package dev.dualcheck.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;

/**
 * Looks up all of a query's terms at once, for one thread and one reader: a {@link TermsEnum} per
 * segment and field, kept from query to query, seeking the terms in sorted order. Left to itself,
 * each {@code TermQuery} opens a fresh {@code TermsEnum} in every segment (frames, arcs, term
 * states: the largest share of a check's allocation) and walks the terms dictionary from its root.
 * Not thread-safe: one per thread ({@link PersonIndex} keeps them per reader).
 */
final class TermSeeker {

  private final IndexReader reader;

  /** Per segment (by ordinal), the field's positioned enum, or none when the field is absent. */
  private final List<Map<String, TermsEnum>> enums;

  TermSeeker(IndexReader reader) {
    this.reader = reader;
    List<Map<String, TermsEnum>> perLeaf = new ArrayList<>();
    for (int i = 0; i < reader.leaves().size(); i++) {
      perLeaf.add(new HashMap<>());
    }
    this.enums = perLeaf;
  }

  /** True when this seeker serves {@code other}. */
  boolean serves(IndexReader other) {
    return reader == other;
  }

  /**
   * The states of {@code terms} in every segment of the reader, in the order given (with their
   * document frequencies), ready for {@code new TermQuery(term, states)}; null for a term that no
   * segment holds.
   */
  TermStates[] lookUp(List<Term> terms) throws IOException {
    int n = terms.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // by field, then term: consecutive seeks share the field's enum and the prefix it holds
    Arrays.sort(order, (a, b) -> terms.get(a).compareTo(terms.get(b)));
    TermStates[] states = new TermStates[n];
    for (LeafReaderContext leaf : reader.leaves()) {
      Map<String, TermsEnum> fields = enums.get(leaf.ord);
      for (int i : order) {
        Term term = terms.get(i);
        TermsEnum termsEnum = termsEnum(fields, leaf, term.field());
        if (termsEnum != null && termsEnum.seekExact(term.bytes())) {
          if (states[i] == null) {
            states[i] = new TermStates(reader.getContext());
          }
          states[i].register(
              termsEnum.termState(), leaf.ord, termsEnum.docFreq(), termsEnum.totalTermFreq());
        }
      }
    }
    return states;
  }

  private static TermsEnum termsEnum(
      Map<String, TermsEnum> fields, LeafReaderContext leaf, String field) throws IOException {
    TermsEnum termsEnum = fields.get(field);
    if (termsEnum == null && !fields.containsKey(field)) {
      Terms terms = leaf.reader().terms(field);
      termsEnum = terms == null ? null : terms.iterator();
      fields.put(field, termsEnum);
    }
    return termsEnum;
  }
}
