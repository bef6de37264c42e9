package dev.dualcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoteMentionsTest {

  private static Person contact(String given, String family, String email) {
    return new Person(
        new ClinicRecord(
            RecordKind.CONTACT,
            "K1",
            Map.of("given_name", given, "family_name", family, "email", email)));
  }

  private static List<String> emailFamilyNames(String given, String family, String email) {
    return List.copyOf(NoteMentions.emailFamilyNames(contact(given, family, email)));
  }

  @Test
  void familyNamesTheEmailAddressSpellsOtherwise() {
    // a maiden or married name, alone or joined to the given name or its initial
    assertEquals(List.of("white"), emailFamilyNames("Sandra", "Mitchell", "White.sandra743@x.org"));
    // capital I under the Turkish default locale the tests run with
    assertEquals(List.of("ellis"), emailFamilyNames("Lisa", "Yang", "LISAELLIS979@INBOX.EXAMPLE"));
    // the name without the slip of the name field; "mjones" may be a name too
    assertEquals(
        List.of("mjones", "jones"), emailFamilyNames("Mary", "Jpnes", "mjones398@mail.example"));
    assertEquals(List.of("smith"), emailFamilyNames("Sandra", "Mitchell", "sandrasmith@x.org"));
  }

  @Test
  void nothingWhenTheAddressSpellsTheRecordedNameOrNoName() {
    assertEquals(List.of(), emailFamilyNames("Sandra", "Mitchell", "sandra.mitchell@x.org"));
    assertEquals(List.of(), emailFamilyNames("Sandra", "Mitchell", "smitchell+clinic@x.org"));
    assertEquals(List.of(), emailFamilyNames("Sandra", "Mitchell", "sandra1975@x.org"));
    assertEquals(List.of(), emailFamilyNames("Sandra", "Mitchell", "sandramitchell@x.org"));
    assertEquals(List.of(), emailFamilyNames("Sandra", "Mitchell", ""));
  }

  private static List<String> emailGivenNames(String given, String family, String email) {
    return List.copyOf(NoteMentions.emailGivenNames(contact(given, family, email)));
  }

  @Test
  void givenNamesTheEmailAddressSpellsBetter() {
    assertEquals(
        List.of("salvatore"), emailGivenNames("Salvatire", "Romano", "salvatore.romano@x"));
    // a fuller form, also joined to the family name
    assertEquals(List.of("valentina"), emailGivenNames("Vale", "Rubio", "valentina.rubio@x.org"));
    assertEquals(
        List.of("catherine"), emailGivenNames("Cat", "O'Connell", "catherineoconnell@x.org"));
    assertEquals(List.of("jennifer"), emailGivenNames("Jnenifer", "Svhneider", "Cook.jennifer@x"));
    // the recorded name itself, and other people's names, are not the contact's better name
    assertEquals(List.of(), emailGivenNames("Laura", "Johnson", "laura.johnson@x.org"));
    assertEquals(List.of(), emailGivenNames("Ivan", "Harris", "king.king10@x.org"));
  }

  private static NoteMentions.Mention mention(String text, String... name) {
    List<String> words = dev.dualcheck.index.NameKeys.tokens(text);
    List<String> matched = List.of(name);
    int at = java.util.Collections.indexOfSubList(words, matched);
    return new NoteMentions.Mention(
        new NoteMentions.Form(matched, "full_name", 1),
        words.subList(at, at + matched.size()),
        words);
  }

  @Test
  void tooYoungForAnAdultsRoleOrNotYetBorn() {
    NoteMentions.Mention boss =
        mention("He describes his supervisor Jon Murphy as critical.", "jon", "murphy");
    assertTrue(NoteMentions.tooYoungFor(boss, DateValue.parse("2012-04-06"), "2024-01-10"));
    assertEquals(false, NoteMentions.tooYoungFor(boss, DateValue.parse("1990"), "2024-01-10"));
    // fourteen years apart: perhaps fourteen already, perhaps thirteen; not ruled out
    assertEquals(false, NoteMentions.tooYoungFor(boss, DateValue.parse("2010-12"), "2024-01-10"));
    // unknown dates rule nothing out
    assertEquals(false, NoteMentions.tooYoungFor(boss, null, "2024-01-10"));
    assertEquals(false, NoteMentions.tooYoungFor(boss, DateValue.parse("2012-04-06"), ""));
    // a child may well be named as someone's friend or as the one worried about
    NoteMentions.Mention child =
        mention("She worries about Jon Murphy, who has stopped going to school.", "jon", "murphy");
    assertEquals(false, NoteMentions.tooYoungFor(child, DateValue.parse("2012"), "2024-01-10"));
    // but not before they were born
    assertTrue(NoteMentions.tooYoungFor(child, DateValue.parse("2021-08-10"), "2019-05-01"));
    // the role must come just before the name: here the teacher is someone else's
    NoteMentions.Mention pupil =
        mention("Jon Murphy's teacher asked for a meeting.", "jon", "murphy");
    assertEquals(false, NoteMentions.tooYoungFor(pupil, DateValue.parse("2014"), "2024-01-10"));
  }

  @Test
  void theFormsIncludeTheEmailFamilyName() {
    Person contact = contact("Sandra", "Mitchell", "swhite@x.org");
    NoteMentions.Form last =
        NoteMentions.forms(contact).get(NoteMentions.forms(contact).size() - 1);
    assertEquals(new NoteMentions.Form(List.of("sandra", "white"), "email_name", 1), last);
    Person vale = contact("Vale", "Rubio", "valentina.rubio@x");
    assertTrue(
        NoteMentions.forms(vale)
            .contains(new NoteMentions.Form(List.of("valentina", "rubio"), "email_name", 1)));
  }
}
