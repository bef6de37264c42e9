package dev.dualcheck.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NoteNamesTest {

  private static NoteNames.Mention mention(String given, List<String> middle, String... family) {
    return new NoteNames.Mention(List.of(given), middle, List.of(family));
  }

  @Test
  void readsAMiddleInitialAndStopsAtTheComma() {
    assertEquals(
        List.of(mention("carol", List.of("z"), "chatwick")),
        NoteNames.in("Conflict at work with Carol Z. Chatwick, he fears a poor review."));
  }

  @Test
  void keepsParticlesWithTheFamilyNameAndFoldsAccents() {
    assertEquals(
        List.of(mention("maria", List.of(), "van", "den", "berg")),
        NoteNames.in("She met María van den Berg at the bakery."));
    assertTrue(
        NoteNames.in("Old resentment toward María del Carmen Kingswood, the older sibling.")
            .contains(mention("maria", List.of("del", "carmen"), "kingswood")));
  }

  @Test
  void aCapitalisedWordBeforeTheNameGivesOneMoreReading() {
    List<NoteNames.Mention> readings = NoteNames.in("Yesterday Kyle Fairridge called twice");
    assertEquals(3, readings.size());
    assertTrue(readings.contains(mention("kyle", List.of(), "fairridge")));
  }

  @Test
  void titlesSentenceEndsDigitsAndSingleWordsNameNobody() {
    assertEquals(List.of(), NoteNames.in("Mr. Petit called. Jean arrived late."));
    assertEquals(List.of(), NoteNames.in("PHQ-9 score 14, GAD-7 score 11."));
    assertEquals(List.of(), NoteNames.in("she met bill turner at the bakery"));
    // a full stop after a whole word ends the name; after an initial it does not
    assertEquals(List.of(), NoteNames.in("She saw Jean. Kyle said nothing."));
  }

  @Test
  void aFamilyNameWithAnApostropheIsOneName() {
    assertEquals(
        List.of(mention("mick", List.of(), "o", "brien")),
        NoteNames.in("He had lunch with Mick O'Brien from the office."));
    assertEquals(
        List.of(mention("mickey", List.of(), "o", "brien")),
        NoteNames.in("He had lunch with Mickey O\u2019Brien from the office."));
    assertTrue(NoteNames.keys("mick", List.of("o", "brien")).contains("nmichael|fbrien"));
  }

  @Test
  void possessiveEndsTheName() {
    assertEquals(
        List.of(mention("luigi", List.of(), "thomas")),
        NoteNames.in("Luigi Thomas's sister called."));
  }

  @Test
  void aNicknameAndATypoStillShareAKey() {
    // "Chris Winkler" in the note, "Christian Winker" on the intake form
    Set<String> note = NoteNames.keys("chris", List.of("winkler"));
    Set<String> form = NoteNames.keys("christian", List.of("winker"));
    assertFalse(Collections.disjoint(note, form));
    // a typo in the given name: its initial and the family name as spelled
    assertFalse(
        Collections.disjoint(
            NoteNames.keys("luigi", List.of("ross")), NoteNames.keys("lugi", List.of("ross"))));
  }

  @Test
  void differentPeopleShareNoKey() {
    assertTrue(
        Collections.disjoint(
            NoteNames.keys("anna", List.of("kowalska")),
            NoteNames.keys("peter", List.of("novak"))));
    assertEquals(Set.of(), NoteNames.keys("j", List.of("smith")));
  }
}
