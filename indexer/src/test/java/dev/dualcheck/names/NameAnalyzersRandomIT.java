package dev.dualcheck.names;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

/**
 * Lucene's random-text consistency checks (offsets, positions, reuse, char filters) on every
 * analyzer. An IT because the test framework may index the random text into a temporary directory
 * on disk.
 */
public class NameAnalyzersRandomIT extends BaseTokenStreamTestCase {

  private static void check(Analyzer a) throws IOException {
    try (a) {
      checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
      checkRandomData(random(), a, 20 * RANDOM_MULTIPLIER, 200);
    }
  }

  public void testFolded() throws IOException {
    check(NameAnalyzers.folded());
  }

  public void testPhonetic() throws IOException {
    check(NameAnalyzers.phonetic());
  }

  public void testNicknameCanonical() throws IOException {
    check(NameAnalyzers.nicknameCanonical());
  }

  public void testNoteText() throws IOException {
    check(NameAnalyzers.noteText());
  }

  public void testNoteTextPhonetic() throws IOException {
    check(NameAnalyzers.noteTextPhonetic());
  }
}
