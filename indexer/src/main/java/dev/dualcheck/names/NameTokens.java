package dev.dualcheck.names;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a name into folded tokens with their character offsets and positions, shared by {@link
 * Names} and the name tokenizer so that the two never disagree.
 */
final class NameTokens {

  /**
   * One output token. A joined token (the parts of a compound written together) starts at the
   * position of its first part and spans {@code positionLength} parts.
   */
  record Token(String term, int start, int end, int position, int positionLength, boolean joined) {}

  private record Part(String term, int start, int end, int word) {}

  private NameTokens() {}

  /**
   * Tokens of {@code text} in position order; at one position the part comes before the joined
   * forms that start there, so start offsets never go backwards.
   *
   * @param familyName drop particles (van, de, al, ...) and join a lone "O" to the next word
   */
  static List<Token> split(CharSequence text, boolean familyName) {
    List<Part> parts = parts(text);
    if (familyName) {
      parts = joinIrishO(parts);
      parts = dropParticles(parts);
    }
    List<Token> out = new ArrayList<>(parts.size() + 2);
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      out.add(new Token(part.term(), part.start(), part.end(), i, 1, false));
      int wordEnd = i;
      while (wordEnd + 1 < parts.size() && parts.get(wordEnd + 1).word() == part.word()) {
        wordEnd++;
      }
      boolean firstOfWord = i == 0 || parts.get(i - 1).word() != part.word();
      if (firstOfWord && wordEnd > i) {
        out.add(joined(parts, i, wordEnd));
      }
      if (i == 0 && distinctWords(parts) > 1) {
        out.add(joined(parts, 0, parts.size() - 1));
      }
    }
    return out;
  }

  private static int distinctWords(List<Part> parts) {
    int count = 0;
    int last = Integer.MIN_VALUE;
    for (Part part : parts) {
      if (part.word() != last) {
        count++;
        last = part.word();
      }
    }
    return count;
  }

  private static Token joined(List<Part> parts, int from, int to) {
    StringBuilder term = new StringBuilder();
    for (int k = from; k <= to; k++) {
      term.append(parts.get(k).term());
    }
    return new Token(
        term.toString(), parts.get(from).start(), parts.get(to).end(), from, to - from + 1, true);
  }

  /**
   * Words are separated by anything but letters, digits, marks, and apostrophes or hyphens between
   * two word characters. An inner apostrophe joins ("O'Brien"); an inner hyphen starts a new part
   * of the same word. A part whose transliteration contains spaces (Han, for one) becomes several
   * parts.
   */
  private static List<Part> parts(CharSequence text) {
    List<Part> parts = new ArrayList<>();
    StringBuilder raw = new StringBuilder();
    int partStart = -1;
    int partEnd = -1;
    int word = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int cp = Character.codePointAt(text, i);
      int next = i + Character.charCount(cp);
      if (isWordChar(cp)) {
        if (partStart < 0) {
          partStart = i;
        }
        raw.appendCodePoint(cp);
        partEnd = next;
      } else {
        boolean inner = partStart >= 0 && next < n && isWordChar(Character.codePointAt(text, next));
        if (inner && isApostrophe(cp)) {
          // joined: O'Brien -> obrien
        } else {
          if (partStart >= 0) {
            addFolded(parts, raw, partStart, partEnd, word);
            raw.setLength(0);
            partStart = -1;
          }
          if (!(inner && isHyphen(cp))) {
            word++;
          }
        }
      }
      i = next;
    }
    if (partStart >= 0) {
      addFolded(parts, raw, partStart, partEnd, word);
    }
    return parts;
  }

  private static void addFolded(List<Part> parts, StringBuilder raw, int start, int end, int word) {
    String folded = Names.fold(raw.toString());
    if (folded.isEmpty()) {
      return;
    }
    for (String piece : folded.split(" ")) {
      parts.add(new Part(piece, start, end, word));
    }
  }

  /** "Ó Briain" and "O Brien" are written as O'Brien too. */
  private static List<Part> joinIrishO(List<Part> parts) {
    List<Part> out = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      boolean loneO =
          part.term().equals("o")
              && i + 1 < parts.size()
              && parts.get(i + 1).word() != part.word()
              && (i == 0 || parts.get(i - 1).word() != part.word());
      if (loneO) {
        Part next = parts.get(i + 1);
        out.add(new Part("o" + next.term(), part.start(), next.end(), next.word()));
        i++;
      } else {
        out.add(part);
      }
    }
    return out;
  }

  private static List<Part> dropParticles(List<Part> parts) {
    List<Part> kept = new ArrayList<>(parts.size());
    for (Part part : parts) {
      if (!Names.isParticle(part.term())) {
        kept.add(part);
      }
    }
    return kept.isEmpty() ? parts : kept;
  }

  /** "O'Brien" -> "OBrien": an apostrophe between two word characters joins them. */
  static String removeInnerApostrophes(String word) {
    StringBuilder out = null;
    int i = 0;
    while (i < word.length()) {
      int cp = word.codePointAt(i);
      int next = i + Character.charCount(cp);
      boolean inner =
          isApostrophe(cp)
              && i > 0
              && next < word.length()
              && isWordChar(word.codePointBefore(i))
              && isWordChar(word.codePointAt(next));
      if (inner && out == null) {
        out = new StringBuilder(word.length()).append(word, 0, i);
      } else if (!inner && out != null) {
        out.appendCodePoint(cp);
      }
      i = next;
    }
    return out == null ? word : out.toString();
  }

  private static boolean isWordChar(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static boolean isApostrophe(int cp) {
    return cp == '\''
        || cp == '\u2019'
        || cp == '\u2018'
        || cp == '\u02BC'
        || cp == '`'
        || cp == '\u00B4';
  }

  private static boolean isHyphen(int cp) {
    return cp == '-' || (cp >= '\u2010' && cp <= '\u2015') || cp == '\u2212' || cp == '\u00AD';
  }
}
