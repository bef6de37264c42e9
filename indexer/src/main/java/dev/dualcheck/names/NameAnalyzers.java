package dev.dualcheck.names;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Lucene analyzers for person-name fields and case-note text. Each call returns a new analyzer;
 * analyzers are thread-safe. Tokens are exactly those of {@link Names}, so a query built from
 * {@code Names.familyTokens} or {@code Names.phonetic} finds what these analyzers indexed.
 */
public final class NameAnalyzers {

  private NameAnalyzers() {}

  /**
   * Person-name fields: the tokens of {@link Names#familyTokens} (folded, particles dropped, each
   * part of a compound and, stacked on its first part, the joined form).
   */
  public static Analyzer folded() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new NameTokenizer(true));
      }
    };
  }

  /**
   * The tokens of {@link #folded()} replaced by their Double Metaphone primary code and, stacked at
   * the same position when it differs, the alternate code.
   */
  public static Analyzer phonetic() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new NameTokenizer(true);
        return new TokenStreamComponents(tokenizer, new PhoneticFilter(tokenizer));
      }
    };
  }

  /**
   * Given names replaced by their nickname group keys ({@link Nicknames#groups}), stacked at the
   * token's position. Particles are not dropped here: "Al" and "Ben" are given names.
   */
  public static Analyzer nicknameCanonical() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new NameTokenizer(false);
        return new TokenStreamComponents(tokenizer, new NicknameFilter(tokenizer));
      }
    };
  }

  /**
   * Case-note text: Unicode word breaks, then each word folded as {@link Names#fold} does (an inner
   * apostrophe joins, as in names), positions kept for phrase search.
   */
  public static Analyzer noteText() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        return new TokenStreamComponents(tokenizer, new FoldFilter(tokenizer));
      }
    };
  }

  /** The tokens of {@link #noteText()} replaced by their phonetic codes at the same positions. */
  public static Analyzer noteTextPhonetic() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        return new TokenStreamComponents(tokenizer, new PhoneticFilter(new FoldFilter(tokenizer)));
      }
    };
  }

  /** "O'Brien's" is O'Brien: the standard tokenizer keeps a trailing 's with its word. */
  private static String stripPossessive(String term) {
    int n = term.length();
    if (n > 2 && (term.charAt(n - 1) == 's' || term.charAt(n - 1) == 'S')) {
      char apostrophe = term.charAt(n - 2);
      if (apostrophe == '\'' || apostrophe == '\u2019' || apostrophe == '\u02BC') {
        return term.substring(0, n - 2);
      }
    }
    return term;
  }

  /** Folds one word of running text; a word whose folding has spaces becomes several tokens. */
  private static final class FoldFilter extends ExpandingFilter {
    FoldFilter(TokenStream input) {
      super(input, false);
    }

    @Override
    List<String> expand(String term) {
      String folded = Names.fold(NameTokens.removeInnerApostrophes(stripPossessive(term)));
      return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
    }
  }

  /**
   * Primary Double Metaphone code, then the alternate when it differs; digits alone are dropped.
   */
  private static final class PhoneticFilter extends ExpandingFilter {
    PhoneticFilter(TokenStream input) {
      super(input, true);
    }

    @Override
    List<String> expand(String term) {
      String primary = Names.phonetic(term);
      if (primary.isEmpty()) {
        return List.of();
      }
      String alternate = Names.phoneticAlternate(term);
      return alternate.isEmpty() || alternate.equals(primary)
          ? List.of(primary)
          : List.of(primary, alternate);
    }
  }

  /** Nickname group keys in sorted order. */
  private static final class NicknameFilter extends ExpandingFilter {
    NicknameFilter(TokenStream input) {
      super(input, true);
    }

    @Override
    List<String> expand(String term) {
      return new ArrayList<>(Nicknames.groups(term));
    }
  }
}
