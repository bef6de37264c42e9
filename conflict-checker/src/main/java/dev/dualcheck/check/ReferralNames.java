package dev.dualcheck.check;

import dev.dualcheck.index.NameKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a person's name out of a free-text "referred by" value: "Bill Turner", "Turner, William",
 * "Dr. Maria Gonzalez", "referred by her sister Anna Kowalska".
 */
final class ReferralNames {

  /** Words around a referrer's name that are not part of it (folded). */
  private static final Set<String> NOISE =
      Set.of(
          "referred",
          "referral",
          "ref",
          "by",
          "from",
          "via",
          "self",
          "her",
          "his",
          "their",
          "my",
          "our",
          "the",
          "a",
          "an",
          "of",
          "and",
          "dr",
          "doctor",
          "mr",
          "mrs",
          "ms",
          "miss",
          "mx",
          "prof",
          "rev",
          "sister",
          "brother",
          "mother",
          "father",
          "mom",
          "dad",
          "mum",
          "son",
          "daughter",
          "wife",
          "husband",
          "partner",
          "friend",
          "friends",
          "colleague",
          "coworker",
          "co",
          "worker",
          "neighbor",
          "neighbour",
          "cousin",
          "aunt",
          "uncle",
          "niece",
          "nephew",
          "grandmother",
          "grandfather",
          "boss",
          "teacher",
          "pastor",
          "former",
          "client",
          "patient",
          "family",
          "relative",
          "md",
          "phd",
          "lcsw",
          "lpc",
          "rn",
          "np",
          "psyd",
          "jr",
          "sr",
          "ii",
          "iii");

  private ReferralNames() {}

  /**
   * The referrer as {given, middle, family}, or null when no name of at least two words is found.
   */
  static String[] parse(String referredBy) {
    if (referredBy == null || referredBy.isBlank()) {
      return null;
    }
    String text = referredBy.strip();
    int comma = text.indexOf(',');
    if (comma > 0) {
      List<String> family = words(text.substring(0, comma));
      List<String> rest = words(text.substring(comma + 1));
      if (family.size() >= 1 && family.size() <= 3 && !rest.isEmpty()) {
        return new String[] {
          rest.get(0), String.join(" ", rest.subList(1, rest.size())), String.join(" ", family)
        };
      }
    }
    List<String> words = words(text);
    // prefer the capitalised words when the text is in mixed case ("her sister Anna Kowalska")
    List<String> capitalised = new ArrayList<>();
    for (String w : words) {
      if (Character.isUpperCase(w.codePointAt(0))) {
        capitalised.add(w);
      }
    }
    if (capitalised.size() >= 2 && capitalised.size() < words.size()) {
      words = capitalised;
    }
    if (words.size() < 2) {
      return null;
    }
    int upper = familyInCapitals(words);
    if (upper >= 0) {
      // "THOMPSON Stephanie", "Anna KOWALSKA": the family name in capitals, as registries write it
      List<String> given = new ArrayList<>(words);
      String family = given.remove(upper);
      return new String[] {given.get(0), String.join(" ", given.subList(1, given.size())), family};
    }
    return new String[] {
      words.get(0),
      String.join(" ", words.subList(1, words.size() - 1)),
      words.get(words.size() - 1)
    };
  }

  /**
   * Every reading of the name: as {@link #parse} gives it and, for three words or more, with a
   * double family name ("Miguel Gil González" may be Miguel, family name Gil González).
   */
  static List<String[]> readings(String referredBy) {
    String[] first = parse(referredBy);
    if (first == null) {
      return List.of();
    }
    if (first[1].isEmpty()) {
      return List.<String[]>of(first);
    }
    String[] middle = first[1].split(" ");
    String[] doubleFamily = {
      first[0],
      String.join(" ", java.util.Arrays.asList(middle).subList(0, middle.length - 1)),
      middle[middle.length - 1] + " " + first[2]
    };
    return List.of(first, doubleFamily);
  }

  /**
   * The position of the one word (of three letters or more) written in capitals among words that
   * are not, when it comes first or last (the family name, by the convention of registries and many
   * intake forms); else -1.
   */
  private static int familyInCapitals(List<String> words) {
    int found = -1;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      // three letters at least: "AR" or "JM" are more often initials than a family name
      boolean capitals =
          w.codePoints().filter(Character::isLetter).count() >= 3
              && w.equals(w.toUpperCase(java.util.Locale.ROOT));
      if (capitals) {
        if (found >= 0) {
          return -1;
        }
        found = i;
      }
    }
    return found == 0 || found == words.size() - 1 ? found : -1;
  }

  /** The words of a text that may belong to a name, particles kept with their family name. */
  private static List<String> words(String text) {
    List<String> kept = new ArrayList<>();
    for (String raw : text.split("[\\s,;:()\"]+")) {
      String word = raw.replaceAll("^[.\\-']+|[.\\-']+$", "");
      if (word.isEmpty()) {
        continue;
      }
      String folded = NameKeys.fold(word);
      if (folded.isEmpty() || NOISE.contains(folded)) {
        continue;
      }
      kept.add(word);
    }
    return joinParticles(kept);
  }

  /** "Anna van der Berg": particles glued to the family name that follows them. */
  private static List<String> joinParticles(List<String> words) {
    List<String> out = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      boolean particle = NameKeys.isParticle(NameKeys.fold(w)) && i > 0 && i < words.size() - 1;
      if (particle) {
        pending.append(w).append(' ');
      } else {
        out.add(pending + w);
        pending.setLength(0);
      }
    }
    return out;
  }
}
