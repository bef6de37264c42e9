package dev.dualcheck.check;

import dev.dualcheck.index.NameKeys;
import dev.dualcheck.names.Names;
import java.util.List;

/**
 * Comparison levels of given and family names, on folded tokens.
 *
 * @param level the level reached, e.g. exact, nickname, phonetic, typo, different, missing
 * @param token for exact agreement, the token whose frequency adjusts the weight; else ""
 */
record NameComparison(String level, String token) {

  /** Jaro–Winkler from which two family names count as similar. */
  private static final double SIMILAR = 0.88;

  static final NameComparison MISSING = new NameComparison("missing", "");
  static final NameComparison DIFFERENT = new NameComparison("different", "");

  private static NameComparison of(String level) {
    return new NameComparison(level, "");
  }

  /** True for levels that say the names are (variants of) the same name. */
  boolean agrees() {
    return switch (level) {
      case "exact", "nickname", "spelling", "phonetic", "typo", "similar", "former", "partial" ->
          true;
      default -> false;
    };
  }

  static NameComparison given(
      List<String> given1, List<String> middle1, List<String> given2, List<String> middle2) {
    if (given1.isEmpty() || given2.isEmpty()) {
      return MISSING;
    }
    String a = given1.get(0);
    String b = given2.get(0);
    if (a.equals(b) || String.join("", given1).equals(String.join("", given2))) {
      return new NameComparison("exact", a);
    }
    if (a.length() == 1 || b.length() == 1) {
      return a.charAt(0) == b.charAt(0) ? of("initial") : DIFFERENT;
    }
    if (NameKeys.nicknameEquivalent(a, b)) {
      return of("nickname");
    }
    if (NameKeys.sameSpelling(a, b)) {
      return of("spelling");
    }
    // a slip before a sound-alike: one edit apart is rarer between two names than one code
    if (typo(a, b)) {
      return of("typo");
    }
    if (samePhonetic(a, b)) {
      return of("phonetic");
    }
    // goes by a middle name, or a double given name shortened
    if (middle2.contains(a) || middle1.contains(b) || given2.contains(a) || given1.contains(b)) {
      return of("middle");
    }
    return DIFFERENT;
  }

  static NameComparison family(
      List<String> family1,
      List<List<String>> formers1,
      List<String> family2,
      List<List<String>> formers2) {
    if (family1.isEmpty() || family2.isEmpty()) {
      return MISSING;
    }
    String core1 = String.join("", NameKeys.core(family1));
    String core2 = String.join("", NameKeys.core(family2));
    if (core1.equals(core2) || String.join("", family1).equals(String.join("", family2))) {
      return new NameComparison("exact", core1);
    }
    for (List<String> former : formers2) {
      if (String.join("", NameKeys.core(former)).equals(core1)) {
        return new NameComparison("former", core1);
      }
    }
    for (List<String> former : formers1) {
      if (String.join("", NameKeys.core(former)).equals(core2)) {
        return new NameComparison("former", core2);
      }
    }
    if (NameKeys.sameSpelling(core1, core2)) {
      return of("spelling");
    }
    for (String t : NameKeys.core(family1)) {
      if (t.length() >= 3 && NameKeys.core(family2).contains(t)) {
        return new NameComparison("partial", t);
      }
    }
    // with particles too: "Alsayewd" is a slip of "Al-Sayed", not of its core "Sayed"; a slip
    // before a sound-alike, as one edit apart is rarer between two names than one code
    String all1 = String.join("", family1);
    String all2 = String.join("", family2);
    if (typo(core1, core2) || typo(all1, all2)) {
      return of("typo");
    }
    if (samePhonetic(core1, core2)) {
      return of("phonetic");
    }
    if (similar(core1, core2) || similar(all1, all2)) {
      return of("similar");
    }
    return DIFFERENT;
  }

  /**
   * Alike beyond one slip: Jaro–Winkler at least {@value #SIMILAR} (as Splink's default name
   * comparison), as long give or take a letter and at most three edits apart, as "Casillllo" for
   * "Castillo". The length and edit bounds keep out distinct names that share a long beginning
   * (Harris and Harrison, Castro and Castillo, Kowalski and Kowalczyk). Family names only: short
   * given names this alike are often two names (Peter, Petra).
   */
  static boolean similar(String a, String b) {
    return Math.min(a.length(), b.length()) >= 5
        && Math.abs(a.length() - b.length()) <= 1
        && Names.jaroWinkler(a, b) >= SIMILAR
        && Names.editDistance(a, b) <= 3;
  }

  /** Middle names: exact, initial (one side is an initial of the other), different, missing. */
  static String middle(List<String> middle1, List<String> middle2) {
    if (middle1.isEmpty() || middle2.isEmpty()) {
      return "missing";
    }
    String a = middle1.get(0);
    String b = middle2.get(0);
    if (a.equals(b)) {
      return a.length() == 1 ? "initial" : "exact";
    }
    if ((a.length() == 1 || b.length() == 1) && a.charAt(0) == b.charAt(0)) {
      return "initial";
    }
    return "different";
  }

  private static boolean samePhonetic(String a, String b) {
    String pa = NameKeys.phonetic(a);
    return !pa.isEmpty() && pa.equals(NameKeys.phonetic(b));
  }

  /**
   * One slip of the keyboard: one edit, or two in a long name, and a close Jaro–Winkler; also after
   * undoing the confusions of scanned and handwritten forms (rn for m, vv for w, 1 for l, 0 for o).
   */
  static boolean typo(String a, String b) {
    if (slip(a, b)) {
      return true;
    }
    String ocrA = unconfused(a);
    String ocrB = unconfused(b);
    return (!ocrA.equals(a) || !ocrB.equals(b)) && slip(ocrA, ocrB);
  }

  /** Letter shapes a scanner or a hurried hand confuses, as the letters meant. */
  private static String unconfused(String s) {
    return s.replace("rn", "m").replace("vv", "w").replace('1', 'l').replace('0', 'o');
  }

  private static boolean slip(String a, String b) {
    int shorter = Math.min(a.length(), b.length());
    if (shorter < 3) {
      return false;
    }
    int edits = Names.editDistance(a, b);
    if (edits <= 1) {
      return true;
    }
    return edits == 2 && shorter >= 7 && Names.jaroWinkler(a, b) >= 0.9;
  }
}
