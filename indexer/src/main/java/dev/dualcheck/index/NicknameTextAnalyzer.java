package dev.dualcheck.index;

import dev.dualcheck.names.Nicknames;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Pre-folded note text with each word replaced by its nickname group keys, stacked at the word's
 * position: "bill turner" is indexed as "william turner", so a phrase query for the contact's
 * canonical given name and family name finds "Bill Turner", "Will Turner" and "William Turner".
 */
final class NicknameTextAnalyzer extends Analyzer {

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    WhitespaceTokenizer tokenizer = new WhitespaceTokenizer();
    return new TokenStreamComponents(tokenizer, new GroupFilter(tokenizer));
  }

  private static final class GroupFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment =
        addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> stacked = new ArrayDeque<>();

    GroupFilter(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!stacked.isEmpty()) {
        term.setEmpty().append(stacked.pop());
        increment.setPositionIncrement(0);
        return true;
      }
      if (!input.incrementToken()) {
        return false;
      }
      stacked.addAll(Nicknames.groups(term.toString()));
      term.setEmpty().append(stacked.pop());
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      stacked.clear();
    }
  }
}
