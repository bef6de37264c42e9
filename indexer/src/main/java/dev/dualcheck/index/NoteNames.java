package dev.dualcheck.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * People named in a case note, read from the capitalised words of its text ("her partner Huy V.
 * Huỳnh", "a coworker, María del Carmen Kingswood, covered"), and the keys they are indexed under.
 * A check looks a contact up by the same keys (given name by spelling, nickname group or sound;
 * family name by spelling, sound, first or last letters), so a nickname in the note and a typo on
 * the intake form still meet, without searching every word of every note for every spelling.
 */
public final class NoteNames {

  /**
   * One reading of capitalised words as a person's name, as folded tokens.
   *
   * @param given the given name's tokens ("jean", "luc" for Jean-Luc)
   * @param middle whatever stands between given and family name: middle names, initials
   * @param family the family name's tokens, with particles ("de", "graaf")
   */
  public record Mention(List<String> given, List<String> middle, List<String> family) {}

  /** Titles stand before family names ("Mr. Petit") and are nobody's given name. */
  private static final Set<String> TITLES =
      Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "mme", "herr", "frau");

  /** Words that may stand between given and family name: two middle names, "del Carmen". */
  private static final int MAX_BETWEEN = 2;

  /** A run this long is a heading or a list of names, not one name: read only its start. */
  private static final int MAX_RUN = 8;

  private NoteNames() {}

  /**
   * Every reading of the note's runs of capitalised words as given name, middle and family name:
   * "Carol Z. Chatwick" gives (carol, [z], chatwick); "Yesterday Kyle Fairridge" gives three
   * readings, one of them right. Words that are not capitalised end a run, except particles inside
   * it ("van den Berg"); so do punctuation after a word (a full stop after an initial excepted),
   * digits and titles.
   */
  public static List<Mention> in(String text) {
    List<Mention> mentions = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return mentions;
    }
    List<Word> run = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (start == i) {
        break;
      }
      Word word = Word.of(text, start, i);
      if (word == null || run.size() >= MAX_RUN) {
        readRun(run, mentions);
        continue;
      }
      if (word.capitalised || (word.particle && !run.isEmpty())) {
        run.add(word);
      } else {
        readRun(run, mentions);
      }
      if (word.endsRun) {
        readRun(run, mentions);
      }
    }
    readRun(run, mentions);
    return mentions;
  }

  /**
   * The keys a name is indexed and looked up under: each key of the given name paired with each key
   * of the family name. Given name: as spelled, by nickname group, by sound. Family name (each core
   * form, see {@link NameKeys#familyForms}): as spelled, by sound, by its first three and its last
   * three letters (a typo rarely hits both ends). An initial of the given name pairs with the
   * family name as spelled only.
   *
   * @param givenToken the folded given name (its first token)
   * @param familyTokens the folded family name's tokens
   */
  public static Set<String> keys(String givenToken, List<String> familyTokens) {
    Set<String> keys = new LinkedHashSet<>();
    if (givenToken.length() < 2 || familyTokens.isEmpty()) {
      return keys;
    }
    List<String> givenKeys = new ArrayList<>(3);
    givenKeys.add("g" + givenToken);
    for (String group : NameKeys.nicknameKeys(givenToken)) {
      givenKeys.add("n" + group);
    }
    for (String family : familyForms(familyTokens)) {
      List<String> familyKeys = new ArrayList<>(4);
      familyKeys.add("f" + family);
      String sound = NameKeys.phonetic(family);
      if (!sound.isEmpty()) {
        familyKeys.add("q" + sound);
      }
      if (family.length() >= 4) {
        familyKeys.add("x" + family.substring(0, 3));
      }
      if (family.length() >= 5) {
        familyKeys.add("y" + family.substring(family.length() - 3));
      }
      for (String g : givenKeys) {
        for (String f : familyKeys) {
          keys.add(g + '|' + f);
        }
      }
      keys.add("i" + givenToken.charAt(0) + "|f" + family);
    }
    return keys;
  }

  /** The forms a family name is filed under: each core token and the tokens joined. */
  private static Set<String> familyForms(List<String> familyTokens) {
    Set<String> forms = new LinkedHashSet<>();
    List<String> core = NameKeys.core(familyTokens);
    for (String t : core) {
      if (t.length() >= 2) {
        forms.add(t);
      }
    }
    forms.add(String.join("", core));
    forms.add(String.join("", familyTokens));
    return forms;
  }

  /** Every given/family reading of a run of capitalised words; empties the run. */
  private static void readRun(List<Word> run, List<Mention> mentions) {
    while (!run.isEmpty() && run.get(run.size() - 1).particle) {
      run.remove(run.size() - 1);
    }
    for (int g = 0; g < run.size(); g++) {
      if (!run.get(g).isName()) {
        continue;
      }
      for (int f = g + 1; f < run.size() && f <= g + 1 + MAX_BETWEEN; f++) {
        if (!run.get(f).isName()) {
          continue;
        }
        // particles right before the family name belong to it ("Rutger de Graaf")
        int familyFrom = f;
        while (familyFrom > g + 1 && run.get(familyFrom - 1).particle) {
          familyFrom--;
        }
        List<String> middle = new ArrayList<>();
        for (int k = g + 1; k < familyFrom; k++) {
          middle.addAll(run.get(k).tokens);
        }
        List<String> family = new ArrayList<>();
        for (int k = familyFrom; k <= f; k++) {
          family.addAll(run.get(k).tokens);
        }
        mentions.add(new Mention(run.get(g).tokens, List.copyOf(middle), List.copyOf(family)));
      }
    }
    run.clear();
  }

  /** A word of the note: its folded tokens and how it may take part in a name. */
  private record Word(List<String> tokens, boolean capitalised, boolean particle, boolean endsRun) {

    /**
     * A whole name word: not an initial, not a particle. "O'Brien" and "D'Souza" are whole names
     * though their first token is one letter.
     */
    boolean isName() {
      return capitalised && !particle && (tokens.size() > 1 || tokens.get(0).length() >= 2);
    }

    /** The word between {@code start} and {@code end}, or null for one that ends a run. */
    static Word of(String text, int start, int end) {
      int first = start;
      while (first < end && !Character.isLetterOrDigit(text.charAt(first))) {
        first++;
      }
      int last = end;
      while (last > first && !Character.isLetterOrDigit(text.charAt(last - 1))) {
        last--;
      }
      if (first == last) {
        return null;
      }
      String core = text.substring(first, last);
      boolean possessive = core.endsWith("'s") || core.endsWith("\u2019s");
      if (possessive) {
        core = core.substring(0, core.length() - 2);
      }
      for (int k = 0; k < core.length(); k++) {
        if (Character.isDigit(core.charAt(k))) {
          return null;
        }
      }
      String trailing = text.substring(last, end);
      boolean capitalised = Character.isUpperCase(core.charAt(0));
      if (!capitalised) {
        // most of a note: not folded, since only a particle can stay in a run uncapitalised
        String lower = core.toLowerCase(Locale.ROOT);
        return NameKeys.isParticle(lower)
            ? new Word(List.of(lower), false, true, !trailing.isEmpty())
            : new Word(List.of(), false, false, true);
      }
      List<String> tokens = NameKeys.tokens(core);
      if (tokens.isEmpty() || TITLES.contains(tokens.get(0))) {
        return null;
      }
      boolean initial = tokens.size() == 1 && tokens.get(0).length() == 1;
      boolean endsRun =
          possessive
              || trailing.chars().anyMatch(c -> ",;:!?)]\"\u201d".indexOf(c) >= 0)
              || (trailing.contains(".") && !initial);
      return new Word(tokens, true, false, endsRun);
    }
  }
}
