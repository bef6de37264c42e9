package dev.dualcheck.names;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Name normalisation and string comparators shared by the analyzers and the matcher. Every method
 * is pure, thread-safe and independent of the default locale.
 */
public final class Names {

  /**
   * NFKC first so full-width and compatibility forms become ordinary letters. Cyrillic goes through
   * BGN/PCGN, the English-language romanisation ("Саша" -> "Sasha", "Юлия" -> "Yuliya"; ICU's
   * default Cyrillic-Latin is ISO 9, which gives "Saša", "Ûliâ"). Marks and modifier letters (soft
   * sign, Arabic ayn) are removed after transliteration, which produces them.
   */
  private static final String FOLD_RULES =
      "NFKC; Russian-Latin/BGN; Any-Latin; NFD; [[:Nonspacing Mark:][:Lm:]] Remove; NFC;"
          + " Latin-ASCII";

  /** ICU transliterators are not documented as thread-safe, so each thread gets its own. */
  private static final ThreadLocal<Transliterator> TO_ASCII =
      ThreadLocal.withInitial(() -> Transliterator.getInstance(FOLD_RULES));

  /** Commons-codec's encoder has no mutable state once its code length is set. */
  private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

  /**
   * Family-name particles dropped from matching tokens. Mac/Mc are not here: they are part of the
   * name. A family name made only of particles (the Vietnamese "Lê", the Chinese "Lo") keeps them.
   */
  private static final Set<String> PARTICLES =
      Set.of(
          "van", "von", "vom", "der", "den", "het", "ter", "ten", "zu", "zum", "zur", "de", "del",
          "della", "dello", "degli", "dei", "di", "da", "das", "do", "dos", "du", "des", "le", "la",
          "lo", "los", "las", "y", "al", "el", "bin", "bint", "ibn", "ben", "af", "av");

  private static final double WINKLER_SCALE = 0.1;
  private static final int WINKLER_MAX_PREFIX = 4;

  private Names() {}

  /**
   * Lower-case (Locale.ROOT), Unicode-folded, transliterated to Latin ASCII: "Dvořák" -> "dvorak",
   * "Straße" -> "strasse", "Иванов" -> "ivanov". Anything other than a letter or digit becomes a
   * space; whitespace is collapsed and trimmed.
   */
  public static String fold(String s) {
    Objects.requireNonNull(s, "s");
    String ascii = isAscii(s) ? s : TO_ASCII.get().transliterate(s);
    StringBuilder out = new StringBuilder(ascii.length());
    boolean pendingSpace = false;
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (pendingSpace && out.length() > 0) {
          out.append(' ');
        }
        pendingSpace = false;
        out.append(c);
      } else {
        pendingSpace = true;
      }
    }
    return out.toString();
  }

  /**
   * Alternative spellings under German and Scandinavian transcription conventions: "Müller" ->
   * {"muller", "mueller"}, "Mueller" -> {"mueller", "muller"}, "Ågård" -> {"agard", "aagaard",
   * ...}. Always contains {@code fold(s)}.
   */
  public static Set<String> spellings(String s) {
    String folded = fold(s);
    Set<String> out = new LinkedHashSet<>();
    out.add(folded);
    String transcribed = fold(transcribeUmlauts(s));
    out.add(transcribed);
    out.addAll(collapseDigraphs(folded));
    out.addAll(collapseDigraphs(transcribed));
    return Collections.unmodifiableSet(out);
  }

  /**
   * Tokens of a family name for matching: folded, particles dropped, each part of a compound plus
   * the joined form; an apostrophe joins ("O'Brien" -> [obrien]): "van den Berg" -> [berg],
   * "García-López" -> [garcia, lopez, garcialopez].
   */
  public static List<String> familyTokens(String familyName) {
    return terms(NameTokens.split(familyName, true));
  }

  /** Tokens of a given or middle name: folded, split on space and hyphen, plus the joined form. */
  public static List<String> givenTokens(String givenName) {
    return terms(NameTokens.split(givenName, false));
  }

  /** Double Metaphone primary code of one folded token; empty for empty input. */
  public static String phonetic(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isEmpty()) {
      return "";
    }
    String code = METAPHONE.doubleMetaphone(token);
    return code == null ? "" : code;
  }

  /** Double Metaphone alternate code, or the primary when there is no alternate. */
  static String phoneticAlternate(String token) {
    if (token.isEmpty()) {
      return "";
    }
    String code = METAPHONE.doubleMetaphone(token, true);
    return code == null ? "" : code;
  }

  /**
   * Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, prefix of at most 4, Winkler's boost only
   * above a Jaro score of 0.7). Two empty strings are identical (1.0).
   */
  public static double jaroWinkler(String a, String b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    double jaro = jaro(a, b);
    if (jaro <= 0.7) {
      return jaro;
    }
    int prefix = 0;
    int limit = Math.min(WINKLER_MAX_PREFIX, Math.min(a.length(), b.length()));
    while (prefix < limit && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    return jaro + prefix * WINKLER_SCALE * (1.0 - jaro);
  }

  private static double jaro(String a, String b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1.0;
    }
    if (a.isEmpty() || b.isEmpty()) {
      return 0.0;
    }
    int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
    boolean[] aMatched = new boolean[a.length()];
    boolean[] bMatched = new boolean[b.length()];
    int matches = 0;
    for (int i = 0; i < a.length(); i++) {
      int from = Math.max(0, i - window);
      int to = Math.min(b.length() - 1, i + window);
      for (int j = from; j <= to; j++) {
        if (!bMatched[j] && a.charAt(i) == b.charAt(j)) {
          aMatched[i] = true;
          bMatched[j] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0.0;
    }
    int outOfOrder = 0;
    int j = 0;
    for (int i = 0; i < a.length(); i++) {
      if (aMatched[i]) {
        while (!bMatched[j]) {
          j++;
        }
        if (a.charAt(i) != b.charAt(j)) {
          outOfOrder++;
        }
        j++;
      }
    }
    double m = matches;
    double transpositions = outOfOrder / 2.0;
    return (m / a.length() + m / b.length() + (m - transpositions) / m) / 3.0;
  }

  /**
   * Damerau-Levenshtein distance in its optimal-string-alignment form: insertions, deletions,
   * substitutions and transpositions of adjacent characters, no substring edited twice.
   */
  public static int editDistance(String a, String b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    int n = a.length();
    int m = b.length();
    int[] twoBack = new int[m + 1];
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      current[0] = i;
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, twoBack[j - 2] + 1);
        }
        current[j] = best;
      }
      int[] recycled = twoBack;
      twoBack = previous;
      previous = current;
      current = recycled;
    }
    return previous[m];
  }

  static boolean isParticle(String foldedToken) {
    return PARTICLES.contains(foldedToken);
  }

  private static List<String> terms(List<NameTokens.Token> tokens) {
    Set<String> unique = new LinkedHashSet<>();
    for (NameTokens.Token token : tokens) {
      if (!token.joined()) {
        unique.add(token.term());
      }
    }
    for (NameTokens.Token token : tokens) {
      if (token.joined()) {
        unique.add(token.term());
      }
    }
    return Collections.unmodifiableList(new ArrayList<>(unique));
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** German umlauts and Scandinavian letters in their two-letter transcription. */
  private static String transcribeUmlauts(String s) {
    StringBuilder out = new StringBuilder(s.length() + 4);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case 'ä', 'Ä' -> out.append("ae");
        case 'ö', 'Ö', 'ø', 'Ø' -> out.append("oe");
        case 'ü', 'Ü' -> out.append("ue");
        case 'å', 'Å' -> out.append("aa");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Every combination of collapsing "ae", "oe", "ue" (not after g or q, as in Miguel, Jacques) and
   * "aa" to one vowel; at most four places, so at most 16 variants.
   */
  private static List<String> collapseDigraphs(String folded) {
    List<Integer> places = new ArrayList<>();
    for (int i = 0; i + 1 < folded.length() && places.size() < 4; i++) {
      char first = folded.charAt(i);
      char second = folded.charAt(i + 1);
      boolean umlaut =
          (second == 'e' && (first == 'a' || first == 'o' || first == 'u'))
              && !(first == 'u'
                  && i > 0
                  && (folded.charAt(i - 1) == 'g' || folded.charAt(i - 1) == 'q'));
      if (umlaut || (first == 'a' && second == 'a')) {
        places.add(i);
        i++;
      }
    }
    List<String> out = new ArrayList<>();
    for (int mask = 1; mask < (1 << places.size()); mask++) {
      StringBuilder variant = new StringBuilder(folded.length());
      int next = 0;
      for (int k = 0; k < places.size(); k++) {
        if ((mask & (1 << k)) != 0) {
          int at = places.get(k);
          variant.append(folded, next, at + 1);
          next = at + 2;
        }
      }
      variant.append(folded, next, folded.length());
      out.add(variant.toString());
    }
    return out;
  }
}
