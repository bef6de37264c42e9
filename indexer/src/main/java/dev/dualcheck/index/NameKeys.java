package dev.dualcheck.index;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Name keys shared by the index and the checker, so that what is indexed and what is asked for are
 * always computed the same way: folding (case, diacritics, other scripts), tokens, family-name
 * forms (particles, compounds, joined spellings) and phonetic codes.
 */
public final class NameKeys {

  /** Family-name particles that people drop or keep ("van den Berg" is filed as "Berg" too). */
  private static final Set<String> PARTICLES =
      Set.of(
          "van", "von", "der", "den", "de", "del", "della", "di", "da", "das", "do", "dos", "du",
          "la", "le", "al", "el", "bin", "ibn", "ben", "ter", "ten", "zu", "st", "saint", "y");

  private static final ThreadLocal<Transliterator> TO_LATIN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

  private static final ThreadLocal<DoubleMetaphone> METAPHONE =
      ThreadLocal.withInitial(
          () -> {
            DoubleMetaphone dm = new DoubleMetaphone();
            dm.setMaxCodeLen(6);
            return dm;
          });

  private NameKeys() {}

  /**
   * Lower-case ASCII form: diacritics removed, other scripts transliterated, apostrophes dropped
   * ("O'Brien" is "obrien"), every other non-letter becomes a space.
   */
  public static String fold(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String s = text.strip();
    if (!isBasicLatin(s)) {
      s = latinize(s);
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        out.append((char) (c + ('a' - 'A')));
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
      } else if (c == '\'' || c == '\u2019' || c == '`' || c == '.') {
        // O'Brien, D'Angelo, St.John: joined, as people write them either way
        continue;
      } else if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
        out.append(' ');
      }
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    return out.substring(0, end);
  }

  private static boolean isBasicLatin(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7e) {
        return false;
      }
    }
    return true;
  }

  private static String latinize(String s) {
    StringBuilder special = new StringBuilder(s.length() + 4);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case 'ß' -> special.append("ss");
        case 'ı' -> special.append('i');
        case 'ł' -> special.append('l');
        case 'Ł' -> special.append('L');
        case 'ø' -> special.append('o');
        case 'Ø' -> special.append('O');
        case 'đ' -> special.append('d');
        case 'Đ' -> special.append('D');
        default -> special.append(c);
      }
    }
    String decomposed = Normalizer.normalize(special, Normalizer.Form.NFD);
    StringBuilder stripped = new StringBuilder(decomposed.length());
    boolean ascii = true;
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (c > 0x7e) {
        ascii = false;
      }
      stripped.append(c);
    }
    return ascii ? stripped.toString() : TO_LATIN.get().transliterate(stripped.toString());
  }

  /** Folded tokens of a name field. */
  public static List<String> tokens(String name) {
    String folded = fold(name);
    if (folded.isEmpty()) {
      return List.of();
    }
    return List.of(folded.split(" "));
  }

  /** True for a particle such as "van", "de", "al". */
  public static boolean isParticle(String token) {
    return PARTICLES.contains(token);
  }

  /**
   * The family name's core: tokens without particles, or all tokens when nothing else is left ("van
   * den Berg" gives [berg]; "De" alone stays [de]).
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
   * Every form a family name may be filed under: each token of its core, the core joined, and all
   * tokens joined ("Al-Sayed" gives sayed, alsayed; "García-López" gives garcia, lopez,
   * garcialopez).
   */
  public static Set<String> familyForms(String family) {
    List<String> tokens = tokens(family);
    Set<String> forms = new LinkedHashSet<>();
    if (tokens.isEmpty()) {
      return forms;
    }
    List<String> core = core(tokens);
    forms.addAll(core);
    forms.add(String.join("", core));
    forms.add(String.join("", tokens));
    return forms;
  }

  /**
   * Spelling skeleton for comparing folded names: German umlaut transcriptions reduced (mueller →
   * muller), doubled letters single, "ph" as "f", "y" as "i".
   */
  public static String skeleton(String folded) {
    String s = folded.replace("ae", "a").replace("oe", "o").replace("ue", "u").replace("ph", "f");
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

  /** Double Metaphone primary code of one folded token, or "" when it has none. */
  public static String phonetic(String foldedToken) {
    if (foldedToken.isEmpty()) {
      return "";
    }
    String code = METAPHONE.get().doubleMetaphone(foldedToken);
    return code == null ? "" : code;
  }

  /** Primary and alternate Double Metaphone codes of a folded token. */
  public static Set<String> phoneticCodes(String foldedToken) {
    Set<String> codes = new LinkedHashSet<>(2);
    if (foldedToken.isEmpty()) {
      return codes;
    }
    DoubleMetaphone dm = METAPHONE.get();
    String primary = dm.doubleMetaphone(foldedToken);
    String alternate = dm.doubleMetaphone(foldedToken, true);
    if (primary != null && !primary.isEmpty()) {
      codes.add(primary);
    }
    if (alternate != null && !alternate.isEmpty()) {
      codes.add(alternate);
    }
    return codes;
  }

  /**
   * Keys under which a folded given name is filed with its nicknames: two names that share a key
   * may be the same person's (Bill and William).
   */
  public static Set<String> nicknameKeys(String foldedGiven) {
    return Set.of(foldedGiven);
  }

  /** The folded given name and its known nicknames and formal forms (Bill: bill, william, will). */
  public static Set<String> nicknameVariants(String foldedGiven) {
    return Set.of(foldedGiven);
  }

  /** True when one folded given name is a nickname or variant of the other. */
  public static boolean nicknameEquivalent(String a, String b) {
    for (String key : nicknameKeys(a)) {
      if (nicknameKeys(b).contains(key)) {
        return true;
      }
    }
    return false;
  }

  /** Lower-case with the root locale, for values that are not names (e-mail, postal codes). */
  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
