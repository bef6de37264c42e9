package dev.dualcheck.names;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Replaces each term by zero or more terms. Replacements are either stacked at the token's position
 * (phonetic codes, nickname keys) or follow one another (a token whose folding contains spaces); a
 * term with no replacement is dropped and its position increment carried forward, so phrase
 * positions stay right.
 */
abstract class ExpandingFilter extends TokenFilter {

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);
  private final boolean stacked;

  private List<String> pending = List.of();
  private int nextPending;
  private State pendingState;
  private int skippedPositions;

  ExpandingFilter(TokenStream input, boolean stacked) {
    super(input);
    this.stacked = stacked;
  }

  /** Replacement terms for one term, in output order; empty to drop it. */
  abstract List<String> expand(String term);

  @Override
  public final boolean incrementToken() throws IOException {
    if (nextPending < pending.size()) {
      restoreState(pendingState);
      termAtt.setEmpty().append(pending.get(nextPending++));
      posIncAtt.setPositionIncrement(stacked ? 0 : 1);
      return true;
    }
    while (input.incrementToken()) {
      List<String> replacements = expand(termAtt.toString());
      if (replacements.isEmpty()) {
        skippedPositions += posIncAtt.getPositionIncrement();
        continue;
      }
      posIncAtt.setPositionIncrement(posIncAtt.getPositionIncrement() + skippedPositions);
      skippedPositions = 0;
      termAtt.setEmpty().append(replacements.get(0));
      if (replacements.size() > 1) {
        pending = replacements;
        nextPending = 1;
        pendingState = captureState();
      } else {
        pending = List.of();
        nextPending = 0;
      }
      return true;
    }
    return false;
  }

  @Override
  public void end() throws IOException {
    super.end();
    posIncAtt.setPositionIncrement(posIncAtt.getPositionIncrement() + skippedPositions);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending = List.of();
    nextPending = 0;
    pendingState = null;
    skippedPositions = 0;
  }
}
