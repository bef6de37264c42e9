package dev.dualcheck.check;

import dev.dualcheck.index.NameKeys;
import dev.dualcheck.index.NoteNames;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import java.util.ArrayList;
import java.util.Collections;
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

  /**
   * Words that, just before a name in a note, give that person a role no young child holds toward a
   * client: "his supervisor Jonathan Murphy", "a coworker, Jenny Nelson", "her partner Suzy".
   */
  private static final Set<String> ADULT_ROLES =
      Set.of(
          "supervisor",
          "boss",
          "manager",
          "coworker",
          "colleague",
          "employer",
          "landlord",
          "landlady",
          "teacher",
          "coach",
          "husband",
          "wife",
          "spouse",
          "partner",
          "fiance",
          "fiancee",
          "parent",
          "mother",
          "father",
          "stepmother",
          "stepfather");

  /** Younger than this a person is no one's supervisor, spouse or parent (years). */
  private static final int ADULT_ROLE_MIN_AGE = 14;

  /** Words before a name read for its role: "she s coach", "describes his supervisor". */
  private static final int ROLE_WINDOW = 3;

  private NoteMentions() {}

  /**
   * True when the person the note names cannot have been the contact when the note was written: the
   * contact was not yet born (by the year), or was younger than {@value #ADULT_ROLE_MIN_AGE} and
   * the note gives the name an adult's role ({@link #ADULT_ROLES}) in the words just before it. A
   * namesake of a schoolchild is the one who is a client's boss. False when either date is unknown.
   */
  static boolean tooYoungFor(Mention mention, DateValue dob, String noteDate) {
    if (dob == null || noteDate.length() < 4) {
      return false;
    }
    int noteYear;
    try {
      noteYear = Integer.parseInt(noteDate.substring(0, 4));
    } catch (NumberFormatException e) {
      return false;
    }
    // the age then is at most the difference of the years
    int ageAtMost = noteYear - dob.year();
    if (ageAtMost < 0) {
      return true;
    }
    if (ageAtMost >= ADULT_ROLE_MIN_AGE) {
      return false;
    }
    int at = Collections.indexOfSubList(mention.text(), mention.matched());
    for (int i = Math.max(0, at - ROLE_WINDOW); i < at; i++) {
      if (ADULT_ROLES.contains(mention.text().get(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The names a note's capitalised words may be ({@link NoteNames#in}) that share one of {@code
   * keys} with the contact's, each as a mention of the form "variant": the caller decides by
   * comparing names which, if any, is the contact.
   */
  static List<Mention> readings(String rawText, List<String> text, Set<String> keys) {
    List<Mention> readings = new ArrayList<>();
    for (NoteNames.Mention m : NoteNames.in(rawText)) {
      if (Collections.disjoint(keys, NoteNames.keys(m.given().get(0), m.family()))) {
        continue;
      }
      List<String> words = new ArrayList<>(m.given());
      words.addAll(m.middle());
      words.addAll(m.family());
      readings.add(new Mention(new Form(words, "variant", m.family().size()), words, text));
    }
    return readings;
  }

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
    for (String emailGiven : emailGivenNames(contact)) {
      forms.add(
          new Form(
              concat(List.of(emailGiven), contact.family), "email_name", contact.family.size()));
    }
    // another family name the contact's own e-mail address spells (white.sandra743@… for Sandra
    // Mitchell: a maiden or married name; ross.tyler@… for "Tyler Rsos": the name without the
    // slip): a note may well use it, and the scorer weighs it as the address's evidence
    String given = contact.given.get(0);
    if (given.length() >= 2) {
      for (String family : emailFamilyNames(contact)) {
        forms.add(new Form(List.of(given, family), "email_name", 1));
      }
    }
    return forms;
  }

  /**
   * Given names the contact's e-mail address spells that are a fuller or unslipped form of the
   * recorded one ("ramos.ana410" for "Aa Ramos", "salvatore.romano" for "Salvatire",
   * "valentina.rubio" for "Vale"): a word of the local part, or one joined to the family name, that
   * is a nickname, spelling, slip or sound-alike of the recorded given name, or begins with it
   * (three letters or more). A note writes the name the person goes by, which the address typed
   * apart from the form spells better than a garbled name field.
   */
  static Set<String> emailGivenNames(Person contact) {
    Set<String> names = new LinkedHashSet<>();
    int at = contact.email.indexOf('@');
    if (at <= 0 || contact.given.isEmpty() || contact.family.isEmpty()) {
      return names;
    }
    String given = contact.given.get(0);
    String family = String.join("", NameKeys.core(contact.family));
    for (String word : contact.email.substring(0, at).split("[^a-z]+")) {
      String name = word;
      if (family.length() >= 2 && word.startsWith(family)) {
        name = word.substring(family.length());
      } else if (family.length() >= 2 && word.endsWith(family)) {
        name = word.substring(0, word.length() - family.length());
      }
      if (name.length() < 3 || name.equals(given) || contact.family.contains(name)) {
        continue;
      }
      boolean fuller = given.length() >= 3 && name.startsWith(given);
      if (fuller
          || NameComparison.given(List.of(given), List.of(), List.of(name), List.of()).agrees()) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * Family names the contact's e-mail address spells as one of the words of its local part, alone
   * or joined to the given name or its initial ("lisaellis979", "mjones398"), when that is not the
   * recorded family name (or another of the contact's names) and {@link Scorer#spelledInEmail}
   * agrees.
   */
  static Set<String> emailFamilyNames(Person contact) {
    Set<String> names = new LinkedHashSet<>();
    int at = contact.email.indexOf('@');
    if (at <= 0 || contact.given.isEmpty()) {
      return names;
    }
    String given = contact.given.get(0);
    String family = String.join("", NameKeys.core(contact.family));
    for (String word : contact.email.substring(0, at).split("[^a-z]+")) {
      if (word.isEmpty() || contact.given.contains(word) || contact.middle.contains(word)) {
        continue;
      }
      List<String> readings = new ArrayList<>();
      if (word.startsWith(given)) {
        readings.add(word.substring(given.length()));
      } else if (word.endsWith(given)) {
        readings.add(word.substring(0, word.length() - given.length()));
      } else {
        // "mjones" is M. Jones, "smith" is Smith: either may be meant
        readings.add(word);
        if (word.charAt(0) == given.charAt(0)) {
          readings.add(word.substring(1));
        }
      }
      if (readings.contains(family) || !Collections.disjoint(readings, contact.family)) {
        continue; // the recorded name, spelled as recorded
      }
      for (String name : readings) {
        if (name.length() >= 4
            && !contact.given.contains(name)
            && !contact.middle.contains(name)
            && Scorer.spelledInEmail(List.of(name), contact)) {
          names.add(name);
        }
      }
    }
    return names;
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
        // a whole middle name makes a mention strong; an initial narrows it less
        String middle = middleNames.get(0);
        if (middle.length() > 1) {
          forms.add(
              new Form(concat(List.of(given, middle), family), "full_name_middle", family.size()));
        }
        forms.add(
            new Form(
                concat(List.of(given, middle.substring(0, 1)), family),
                "full_name_initial",
                family.size()));
      }
      forms.add(new Form(concat(List.of(given), family), "full_name", family.size()));
    }
  }

  private static List<String> concat(List<String> head, List<String> tail) {
    List<String> out = new ArrayList<>(head);
    out.addAll(tail);
    return out;
  }

  /**
   * The keys under which notes naming the contact in any of the forms are indexed ({@link
   * NoteNames#keys}): given name by spelling, nickname or sound, family name by spelling, sound or
   * either end.
   */
  static Set<String> keys(List<Form> forms) {
    Set<String> keys = new LinkedHashSet<>();
    for (Form form : forms) {
      List<String> words = form.words();
      List<String> family = words.subList(words.size() - form.familyWords(), words.size());
      keys.addAll(NoteNames.keys(words.get(0), family));
    }
    return keys;
  }

  /**
   * The strongest form the folded text contains exactly: its words in order, with at most one word
   * between any two (a middle name or initial); null when none.
   */
  static Mention find(List<Form> forms, List<String> text) {
    for (Form form : forms) {
      int[] span = span(text, form.words());
      if (span != null) {
        return new Mention(form, text.subList(span[0], span[1]), text);
      }
    }
    return null;
  }

  /** True when the text contains the phrase (folded words) exactly, one word between at most. */
  static boolean contains(List<String> text, List<String> phrase) {
    return span(text, phrase) != null;
  }

  private static int[] span(List<String> text, List<String> phrase) {
    if (phrase.isEmpty()) {
      return null;
    }
    for (int start = 0; start < text.size(); start++) {
      if (!text.get(start).equals(phrase.get(0))) {
        continue;
      }
      int at = start;
      int k = 1;
      while (k < phrase.size()) {
        if (at + 1 < text.size() && text.get(at + 1).equals(phrase.get(k))) {
          at += 1;
        } else if (at + 2 < text.size() && text.get(at + 2).equals(phrase.get(k))) {
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
}
