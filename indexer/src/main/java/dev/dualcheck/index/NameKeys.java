package dev.dualcheck.index;

import dev.dualcheck.names.Names;
import dev.dualcheck.names.Nicknames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Name keys shared by the index and the checker, so that what is indexed and what is asked for are
 * always computed the same way. Folding, family tokens, phonetic codes and nicknames come from
 * {@link Names} and {@link Nicknames}; this class adds the forms the matcher compares.
 */
public final class NameKeys {

  /** Family-name particles, as {@link Names#familyTokens} drops them. */
  private static final Set<String> PARTICLES =
      Set.of(
          "van", "von", "vom", "der", "den", "het", "ter", "ten", "zu", "zum", "zur", "de", "del",
          "della", "dello", "degli", "dei", "di", "da", "das", "do", "dos", "du", "des", "le", "la",
          "lo", "los", "las", "y", "al", "el", "bin", "bint", "ibn", "ben", "af", "av");

  private NameKeys() {}

  /** Lower-case Latin ASCII, non-letters as single spaces (see {@link Names#fold}). */
  public static String fold(String text) {
    return text == null || text.isEmpty() ? "" : Names.fold(text);
  }

  /**
   * Folded tokens of a name or text. The ICU transliterator costs about a microsecond a character,
   * so a text is folded word by word (white space ends every word and every transliteration rule's
   * context alike): only the words that are not ASCII pay for it, not a whole case note.
   */
  public static List<String> tokens(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    if (isAscii(text)) {
      return split(Names.fold(text));
    }
    List<String> tokens = new ArrayList<>();
    int start = 0;
    int asciiFrom = 0;
    boolean wordAscii = true;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (!Character.isWhitespace(c)) {
        wordAscii &= c < 0x80;
        continue;
      }
      if (!wordAscii) {
        // the ASCII words before this one in one fold, then this word alone
        tokens.addAll(split(Names.fold(text.substring(asciiFrom, start))));
        tokens.addAll(foldedWord(text.substring(start, i)));
        asciiFrom = i;
      }
      start = i + 1;
      wordAscii = true;
    }
    tokens.addAll(split(Names.fold(text.substring(asciiFrom))));
    return List.copyOf(tokens);
  }

  /**
   * Non-ASCII words folded before: they are mostly names, which come back in note after note and
   * candidate after candidate, and the transliterator is most of what folding them costs.
   */
  private static final Map<String, List<String>> FOLDED_WORDS = new ConcurrentHashMap<>();

  /**
   * Sound codes and transcribed spellings of name tokens: names repeat, note after note being
   * indexed and candidate after candidate being compared (computing them again was a third of the
   * scorer's name comparisons at full size, and Double Metaphone an eighth of note indexing).
   */
  private static final Map<String, String> PHONETIC_CODES = new ConcurrentHashMap<>();

  private static final Map<String, Set<String>> SPELLINGS = new ConcurrentHashMap<>();

  private static final int CACHE_SIZE = 50_000;

  private static List<String> foldedWord(String word) {
    return cached(FOLDED_WORDS, word, w -> split(Names.fold(w)));
  }

  /** {@code compute(key)}, remembered in {@code cache} (names are few; other text is not kept). */
  private static <V> V cached(Map<String, V> cache, String key, Function<String, V> compute) {
    V known = cache.get(key);
    if (known != null) {
      return known;
    }
    if (cache.size() >= CACHE_SIZE) {
      cache.clear(); // many different words: start over rather than grow without end
    }
    V value = compute.apply(key);
    cache.put(key, value);
    return value;
  }

  private static List<String> split(String folded) {
    return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** True for a particle such as "van", "de", "al". */
  public static boolean isParticle(String token) {
    return PARTICLES.contains(token);
  }

  /**
   * The family name's core: tokens without particles, or all tokens when nothing else is left ("van
   * den Berg" gives [berg]; "Le" alone stays [le]).
   */
  public static List<String> core(List<String> tokens) {
    List<String> core = new ArrayList<>(tokens.size());
    for (String t : tokens) {
      if (!isParticle(t)) {
        core.add(t);
      }
    }
    return core.isEmpty() ? tokens : core;
  }

  /**
   * Every form a family name may be filed under: {@link Names#familyTokens} (each part of the core
   * and the core joined) and all tokens joined ("Al-Sayed" gives sayed and alsayed; "O'Brien" gives
   * obrien).
   */
  public static Set<String> familyForms(String family) {
    Set<String> forms = new LinkedHashSet<>();
    if (family == null || family.isBlank()) {
      return forms;
    }
    List<String> tokens = tokens(family);
    if (tokens.isEmpty()) {
      return forms;
    }
    forms.addAll(Names.familyTokens(family));
    forms.add(String.join("", core(tokens)));
    forms.add(String.join("", tokens));
    return forms;
  }

  /** True when two folded names are the same under a transcription convention (Müller, Mueller). */
  public static boolean sameSpelling(String a, String b) {
    Set<String> spellings = cached(SPELLINGS, a, Names::spellings);
    for (String s : cached(SPELLINGS, b, Names::spellings)) {
      if (spellings.contains(s)) {
        return true;
      }
    }
    return skeleton(a).equals(skeleton(b));
  }

  /** Doubled letters single, "ph" as "f", "y" as "i": Phillip and Filip, Kowalsky and Kowalski. */
  static String skeleton(String folded) {
    String s = folded.replace("ph", "f");
    StringBuilder out = new StringBuilder(s.length());
    char prev = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 'y') {
        c = 'i';
      }
      if (c != prev && c != ' ') {
        out.append(c);
      }
      prev = c;
    }
    return out.toString();
  }

  /** Double Metaphone primary code of a folded token ({@link Names#phonetic}). */
  public static String phonetic(String foldedToken) {
    return cached(PHONETIC_CODES, foldedToken, Names::phonetic);
  }

  /**
   * Keys under which a folded given name is filed with its nicknames: two names that share a key
   * may be the same person's (Bill and William).
   */
  public static Set<String> nicknameKeys(String foldedGiven) {
    return Nicknames.groups(foldedGiven);
  }

  /** True when one folded given name is a nickname or variant of the other. */
  public static boolean nicknameEquivalent(String a, String b) {
    return Nicknames.equivalent(a, b);
  }
}
