package dev.dualcheck.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

  @ParameterizedTest
  @CsvSource({
    "Dvořák, dvorak",
    "Łukasz, lukasz",
    "Nguyễn, nguyen",
    "Straße, strasse",
    "Иванов, ivanov",
    "Юлия Щукина, yuliya shchukina",
    "Ольга, olga",
    "Хрущёв, khrushchev",
    "Екатерина, yekaterina",
    "Олександр, oleksandr",
    "张伟, zhang wei",
    "José, jose",
    "Müller, muller",
    "Søren Kierkegaard, soren kierkegaard",
    "Ærø, aero",
    "Đặng, dang",
    "Γιώργος, giorgos",
    "ＪＯＨＮ, john",
    "'  Mary-Jane   O''Neil. ', mary jane o neil",
    "Nguyễn Thị Minh Khai, nguyen thi minh khai",
    "İbrahim, ibrahim",
    "Işık, isik",
    "IŞIK, isik",
    "'', ''",
  })
  void foldsToLowerCaseLatinAscii(String input, String expected) {
    assertEquals(expected, Names.fold(input));
  }

  @Test
  void decomposedAccentsFoldLikeComposedOnes() {
    assertEquals("dvorak", Names.fold("Dvor\u030Ca\u0301k"));
  }

  @Test
  void foldIgnoresATurkishDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertEquals("ibrahim isik", Names.fold("İBRAHİM IŞIK"));
      assertEquals("irmak", Names.fold("IRMAK"));
      assertEquals("irmak", Names.fold("irmak"));
      assertEquals(List.of("ibrahim"), Names.givenTokens("IBRAHIM"));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void spellingsCoverGermanUmlautTranscription() {
    assertEquals(Set.of("muller", "mueller"), Names.spellings("Müller"));
    assertTrue(Names.spellings("Mueller").containsAll(Set.of("mueller", "muller")));
    assertTrue(Names.spellings("Muller").contains("muller"));
    assertTrue(Names.spellings("Jürgen Größe").contains("juergen groesse"));
    assertTrue(Names.spellings("Ågård").containsAll(Set.of("agard", "aagaard")));
    assertTrue(Names.spellings("Aagaard").contains("agard"));
  }

  @Test
  void spellingsDoNotCollapseTheUOfGueAndQue() {
    assertEquals(Set.of("miguel"), Names.spellings("Miguel"));
    assertEquals(Set.of("jacques"), Names.spellings("Jacques"));
  }

  @Test
  void spellingsAlwaysContainTheFoldedName() {
    for (String name : List.of("Müller", "Dvořák", "", "Smith", "Goethe")) {
      assertTrue(Names.spellings(name).contains(Names.fold(name)), name);
    }
  }

  @Test
  void familyTokensDropParticlesAndSplitCompounds() {
    assertEquals(List.of("berg"), Names.familyTokens("van den Berg"));
    assertEquals(List.of("sayed"), Names.familyTokens("Al-Sayed"));
    assertEquals(List.of("garcia", "lopez", "garcialopez"), Names.familyTokens("García-López"));
    assertEquals(List.of("garcia", "lopez", "garcialopez"), Names.familyTokens("García López"));
    assertEquals(List.of("obrien"), Names.familyTokens("O'Brien"));
    assertEquals(List.of("obrien"), Names.familyTokens("O’Brien"));
    assertEquals(List.of("obriain"), Names.familyTokens("Ó Briain"));
    assertEquals(List.of("beethoven"), Names.familyTokens("van Beethoven"));
    assertEquals(List.of("silva"), Names.familyTokens("da Silva"));
    assertEquals(List.of("goethe"), Names.familyTokens("von Goethe"));
    assertEquals(List.of("muller"), Names.familyTokens("Müller"));
    assertEquals(List.of("dvorak"), Names.familyTokens("Dvořák"));
  }

  @Test
  void macAndMcStayPartOfTheName() {
    assertEquals(List.of("macdonald"), Names.familyTokens("MacDonald"));
    assertEquals(List.of("mcbride"), Names.familyTokens("McBride"));
    assertEquals(List.of("mac", "donald", "macdonald"), Names.familyTokens("Mac Donald"));
  }

  @Test
  void aNameMadeOnlyOfParticlesIsKept() {
    assertEquals(List.of("le"), Names.familyTokens("Lê"));
    assertEquals(List.of("van", "der", "vander"), Names.familyTokens("Van Der"));
  }

  @Test
  void vietnameseNamesFold() {
    assertEquals(List.of("nguyen"), Names.familyTokens("Nguyễn"));
    assertEquals(List.of("thi", "minh", "khai", "thiminhkhai"), Names.givenTokens("Thị Minh Khai"));
  }

  @Test
  void givenTokensSplitOnSpaceAndHyphenAndJoin() {
    assertEquals(List.of("jean", "luc", "jeanluc"), Names.givenTokens("Jean-Luc"));
    assertEquals(List.of("ben"), Names.givenTokens("Ben"));
    assertEquals(List.of("al", "james", "aljames"), Names.givenTokens("Al James"));
    assertEquals(List.of("dandre"), Names.givenTokens("D'Andre"));
    assertEquals(List.of(), Names.givenTokens(" - '"));
  }

  @Test
  void phoneticUsesDoubleMetaphonePrimary() {
    assertEquals("SM0", Names.phonetic("smith"));
    assertEquals("XMT", Names.phonetic("schmidt"));
    assertEquals(Names.phonetic("muller"), Names.phonetic("mueller"));
    assertEquals(Names.phonetic("catherine"), Names.phonetic("kathryn"));
    assertEquals("", Names.phonetic(""));
    assertEquals("SMT", Names.phoneticAlternate("schmidt"));
  }

  @ParameterizedTest
  @CsvSource({
    // Winkler (1990) and the Wikipedia worked examples
    "martha, marhta, 0.961",
    "dwayne, duane, 0.840",
    "dixon, dicksonx, 0.813",
    "jellyfish, smellyfish, 0.896",
  })
  void jaroWinklerMatchesPublishedValues(String a, String b, double expected) {
    assertEquals(expected, Names.jaroWinkler(a, b), 0.0005);
    assertEquals(Names.jaroWinkler(a, b), Names.jaroWinkler(b, a), 1e-12);
  }

  @Test
  void jaroWinklerBounds() {
    assertEquals(1.0, Names.jaroWinkler("anna", "anna"));
    assertEquals(1.0, Names.jaroWinkler("", ""));
    assertEquals(0.0, Names.jaroWinkler("abc", "xyz"));
    assertEquals(0.0, Names.jaroWinkler("", "abc"));
    assertTrue(Names.jaroWinkler("a", "a") > Names.jaroWinkler("a", "b"));
  }

  @ParameterizedTest
  @CsvSource({
    "kitten, sitting, 3",
    "jhon, john, 1",
    "ca, abc, 3",
    "'', abc, 3",
    "abc, '', 3",
    "'', '', 0",
    "smith, smyth, 1",
    "anna, anna, 0",
    "martha, marhta, 1",
  })
  void editDistanceIsOptimalStringAlignment(String a, String b, int expected) {
    assertEquals(expected, Names.editDistance(a, b));
    assertEquals(expected, Names.editDistance(b, a));
  }

  @Test
  void noParticleDropForGivenNames() {
    assertFalse(Names.givenTokens("Maria de los Angeles").isEmpty());
    assertEquals(
        List.of("maria", "angeles", "mariaangeles"), Names.familyTokens("Maria de los Angeles"));
  }
}
