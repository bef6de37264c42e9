package dev.dualcheck.names;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * Emits the tokens of {@link NameTokens#split}: a name field is short, so the whole value is read
 * at once and split by the same code that {@link Names#familyTokens} uses.
 */
final class NameTokenizer extends Tokenizer {

  private final boolean familyName;
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute posLenAtt = addAttribute(PositionLengthAttribute.class);
  private final char[] buffer = new char[1024];

  private List<NameTokens.Token> tokens;
  private int next;
  private int lastPosition;
  private int finalOffset;

  NameTokenizer(boolean familyName) {
    this.familyName = familyName;
  }

  @Override
  public boolean incrementToken() throws IOException {
    clearAttributes();
    readAll();
    if (next >= tokens.size()) {
      return false;
    }
    NameTokens.Token token = tokens.get(next++);
    termAtt.append(token.term());
    offsetAtt.setOffset(correctOffset(token.start()), correctOffset(token.end()));
    posIncAtt.setPositionIncrement(token.position() - lastPosition);
    posLenAtt.setPositionLength(token.positionLength());
    lastPosition = token.position();
    return true;
  }

  @Override
  public void end() throws IOException {
    super.end();
    // no reading here: after a failed read the input must not be touched again
    offsetAtt.setOffset(finalOffset, finalOffset);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    tokens = null;
    next = 0;
    lastPosition = -1;
    finalOffset = 0;
  }

  private void readAll() throws IOException {
    if (tokens != null) {
      return;
    }
    StringBuilder text = new StringBuilder();
    for (int read = input.read(buffer); read != -1; read = input.read(buffer)) {
      text.append(buffer, 0, read);
    }
    tokens = NameTokens.split(text, familyName);
    finalOffset = correctOffset(text.length());
  }
}
