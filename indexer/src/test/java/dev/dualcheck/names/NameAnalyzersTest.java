package dev.dualcheck.names;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

/** Token-level checks of the name and note analyzers (Lucene's test framework, JUnit 4). */
public class NameAnalyzersTest extends BaseTokenStreamTestCase {

  public void testFoldedSplitsCompoundsAndStacksTheJoinedForm() throws IOException {
    try (Analyzer a = NameAnalyzers.folded()) {
      assertAnalyzesTo(
          a,
          "García-López",
          new String[] {"garcia", "garcialopez", "lopez"},
          new int[] {0, 0, 7},
          new int[] {6, 12, 12},
          null,
          new int[] {1, 0, 1},
          new int[] {1, 2, 1});
      assertAnalyzesTo(a, "van den Berg", new String[] {"berg"}, new int[] {8}, new int[] {12});
      assertAnalyzesTo(a, "Al-Sayed", new String[] {"sayed"}, new int[] {3}, new int[] {8});
      assertAnalyzesTo(a, "O'Brien", new String[] {"obrien"}, new int[] {0}, new int[] {7});
      assertAnalyzesTo(a, "Dvořák", new String[] {"dvorak"});
      assertAnalyzesTo(a, "Иванов", new String[] {"ivanov"});
      assertAnalyzesTo(a, "İbrahim Işık", new String[] {"ibrahim", "ibrahimisik", "isik"});
      assertAnalyzesTo(a, "Lê", new String[] {"le"});
      assertAnalyzesTo(a, " -- ", new String[0]);
    }
  }

  public void testFoldedAgreesWithFamilyTokens() throws IOException {
    try (Analyzer a = NameAnalyzers.folded()) {
      for (String name :
          new String[] {"de la Cruz Ramírez", "O'Brien-Smith", "Nguyễn", "ter Horst", "Ó Briain"}) {
        java.util.List<String> tokens = new java.util.ArrayList<>();
        try (org.apache.lucene.analysis.TokenStream ts = a.tokenStream("f", name)) {
          org.apache.lucene.analysis.tokenattributes.CharTermAttribute term =
              ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
          ts.reset();
          while (ts.incrementToken()) {
            tokens.add(term.toString());
          }
          ts.end();
        }
        assertEquals(
            name,
            new java.util.HashSet<>(Names.familyTokens(name)),
            new java.util.HashSet<>(tokens));
      }
    }
  }

  public void testPhoneticEmitsPrimaryThenAlternateCode() throws IOException {
    try (Analyzer a = NameAnalyzers.phonetic()) {
      assertAnalyzesTo(
          a, "Schmidt", new String[] {"XMT", "SMT"}, new int[] {0, 0}, new int[] {7, 7});
      assertAnalyzesTo(a, "Smith", new String[] {"SM0", "XMT"}, null, null, null, new int[] {1, 0});
      assertAnalyzesTo(a, "Müller", new String[] {"MLR"});
      assertAnalyzesTo(a, "Mueller", new String[] {"MLR"});
      assertAnalyzesTo(a, "van den Berg", new String[] {"PRK"});
    }
  }

  public void testNicknameCanonicalReplacesGivenNamesByGroupKeys() throws IOException {
    try (Analyzer a = NameAnalyzers.nicknameCanonical()) {
      assertAnalyzesTo(a, "Bill", new String[] {"william"});
      assertAnalyzesTo(a, "William", new String[] {"william"});
      assertAnalyzesTo(
          a, "Hans", new String[] {"johannes", "john"}, null, null, null, new int[] {1, 0});
      assertAnalyzesTo(
          a, "Саша", new String[] {"alexander", "alexandra"}, null, null, null, new int[] {1, 0});
      assertAnalyzesTo(a, "Zebulon", new String[] {"zebulon"});
      // particles are not dropped from given names: "Al" is a nickname
      assertAnalyzesTo(a, "Al", new String[] {"alan", "albert", "alfred"});
      assertAnalyzesTo(
          a,
          "Jean-Luc",
          new String[] {"jane", "john", "jeanluc", "luke"},
          new int[] {0, 0, 0, 5},
          new int[] {4, 4, 8, 8},
          null,
          new int[] {1, 0, 0, 1},
          new int[] {1, 1, 2, 1});
    }
  }

  public void testNoteTextKeepsPositionsForPhraseSearch() throws IOException {
    try (Analyzer a = NameAnalyzers.noteText()) {
      assertAnalyzesTo(
          a,
          "Met Robert Fischer and O'Brien's sister (García-López) on 12 May.",
          new String[] {
            "met", "robert", "fischer", "and", "obrien", "sister", "garcia", "lopez", "on", "12",
            "may"
          },
          new int[] {0, 4, 11, 19, 23, 33, 41, 48, 55, 58, 61},
          new int[] {3, 10, 18, 22, 32, 39, 47, 53, 57, 60, 64},
          null,
          new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
      assertAnalyzesTo(
          a, "Frau Müller, Herr Dvořák", new String[] {"frau", "muller", "herr", "dvorak"});
    }
  }

  public void testNoteTextPhoneticKeepsPositionsAndDropsNumbers() throws IOException {
    try (Analyzer a = NameAnalyzers.noteTextPhonetic()) {
      assertAnalyzesTo(
          a,
          "Robert Fischer on 12 May",
          new String[] {"RPRT", "FXR", "FSKR", "AN", "M"},
          null,
          null,
          null,
          new int[] {1, 1, 0, 1, 2});
    }
  }
}
