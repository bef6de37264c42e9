package dev.dualcheck.check;

import dev.dualcheck.index.NameKeys;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The name forms a contact may be written as in a case note, and where a note's text shows one. */
final class NoteMentions {

  /**
   * One form of a contact's name, as folded words, what kind of form it is, and how many of its
   * last words are the family name.
   */
  record Form(List<String> words, String label, int familyWords) {}

  /**
   * A form found in a note's text: the form, the words of the note that matched it (given name
   * first, family name last), and the folded text itself for corroboration.
   */
  record Mention(Form form, List<String> matched, List<String> text) {

    /** The person the note names, as a record of given, middle and family name. */
    ClinicRecord asRecord(String id) {
      int family = Math.min(form.familyWords(), matched.size() - 1);
      Map<String, String> fields = new HashMap<>();
      fields.put("given_name", matched.get(0));
      if (matched.size() - family > 1) {
        fields.put("middle_name", String.join(" ", matched.subList(1, matched.size() - family)));
      }
      fields.put(
          "family_name",
          String.join(" ", matched.subList(matched.size() - family, matched.size())));
      return new ClinicRecord(RecordKind.CONTACT, id, fields);
    }
  }

  /** A note's folded words, and which of them were capitalised as written (names are). */
  record Text(List<String> words, boolean[] capitalised) {

    static Text of(String raw) {
      List<String> words = new ArrayList<>();
      List<Boolean> caps = new ArrayList<>();
      for (String piece : raw.split("\\s+")) {
        List<String> folded = NameKeys.tokens(piece);
        if (folded.isEmpty()) {
          continue;
        }
        int first = 0;
        while (first < piece.length() && !Character.isLetterOrDigit(piece.charAt(first))) {
          first++;
        }
        boolean upper = first < piece.length() && Character.isUpperCase(piece.charAt(first));
        for (String w : folded) {
          words.add(w);
          caps.add(upper);
        }
      }
      boolean[] flags = new boolean[caps.size()];
      for (int i = 0; i < flags.length; i++) {
        flags[i] = caps.get(i);
      }
      return new Text(words, flags);
    }
  }

  /** Titles stand before family names in notes ("Mr Petit") and are nobody's given name. */
  private static final Set<String> TITLES =
      Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "mme", "herr", "frau");

  private NoteMentions() {}

  static List<Form> forms(Person contact) {
    List<Form> forms = new ArrayList<>();
    if (contact.given.isEmpty() || contact.family.isEmpty()) {
      return forms;
    }
    addForms(forms, contact.given.get(0), contact.middle, contact.family);
    // given and family written the other way round on the contact's form
    if (contact.family.size() == 1) {
      addForms(forms, contact.family.get(0), List.of(), contact.given);
    }
    return forms;
  }

  private static void addForms(
      List<Form> forms, String given, List<String> middleNames, List<String> familyTokens) {
    if (given.length() < 2) {
      return;
    }
    Set<List<String>> families = new LinkedHashSet<>();
    families.add(familyTokens);
    families.add(NameKeys.core(familyTokens));
    for (List<String> family : families) {
      if (!middleNames.isEmpty()) {
        String middle = middleNames.get(0);
        forms.add(
            new Form(concat(List.of(given, middle), family), "full_name_middle", family.size()));
        if (middle.length() > 1) {
          forms.add(
              new Form(
                  concat(List.of(given, middle.substring(0, 1)), family),
                  "full_name_middle",
                  family.size()));
        }
      }
      forms.add(new Form(concat(List.of(given), family), "full_name", family.size()));
    }
  }

  private static List<String> concat(List<String> head, List<String> tail) {
    List<String> out = new ArrayList<>(head);
    out.addAll(tail);
    return out;
  }

  /** How words of a form are matched against words of a note. */
  enum Match {
    EXACT,
    /**
     * each word exactly, by phonetic code or one slip of the keyboard away, the given name also as
     * a nickname
     */
    VARIANT
  }

  /**
   * The strongest form the folded text contains: its words in order, with at most one word between
   * any two (a middle name or initial), compared exactly or else as variants; null when none.
   */
  static Mention find(List<Form> forms, Text text) {
    for (Form form : forms) {
      int[] span = span(text.words(), null, form.words(), Match.EXACT);
      if (span != null) {
        return new Mention(form, text.words().subList(span[0], span[1]), text.words());
      }
    }
    for (Form form : forms) {
      int[] span = span(text.words(), text.capitalised(), form.words(), Match.VARIANT);
      if (span != null) {
        return new Mention(
            new Form(form.words(), "variant", form.familyWords()),
            text.words().subList(span[0], span[1]),
            text.words());
      }
    }
    return null;
  }

  /** True when the text contains the phrase (folded words) exactly, one word between at most. */
  static boolean contains(List<String> text, List<String> phrase) {
    return span(text, null, phrase, Match.EXACT) != null;
  }

  /**
   * Phrase search; in VARIANT mode a word that is not spelled exactly must be capitalised in the
   * note ("While" may be a typo of "White", "while" is not).
   */
  private static int[] span(
      List<String> text, boolean[] capitalised, List<String> phrase, Match match) {
    if (phrase.isEmpty()) {
      return null;
    }
    for (int start = 0; start < text.size(); start++) {
      if (!same(text, capitalised, start, phrase.get(0), match, true)) {
        continue;
      }
      int at = start;
      int k = 1;
      while (k < phrase.size()) {
        if (at + 1 < text.size() && same(text, capitalised, at + 1, phrase.get(k), match, false)) {
          at += 1;
        } else if (at + 2 < text.size()
            && same(text, capitalised, at + 2, phrase.get(k), match, false)) {
          at += 2;
        } else {
          break;
        }
        k++;
      }
      if (k == phrase.size()) {
        return new int[] {start, at + 1};
      }
    }
    return null;
  }

  private static boolean same(
      List<String> text, boolean[] capitalised, int at, String b, Match match, boolean given) {
    String a = text.get(at);
    if (a.equals(b)) {
      return true;
    }
    if (match == Match.EXACT
        || a.length() < 2
        || b.length() < 2
        || !capitalised[at]
        || TITLES.contains(a)) {
      return false;
    }
    if (given && NameKeys.nicknameEquivalent(a, b)) {
      return true;
    }
    if (NameComparison.typo(a, b)) {
      return true;
    }
    String code = NameKeys.phonetic(a);
    return !code.isEmpty() && code.equals(NameKeys.phonetic(b));
  }
}
