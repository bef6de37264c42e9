package dev.dualcheck.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NicknamesTest {
  @Test
  void tableCoversAtLeast120FormalNames() {
    assertTrue(Nicknames.formalNames() >= 120, "formal names: " + Nicknames.formalNames());
  }

  @Test
  void diminutivesAcrossLanguages() {
    assertTrue(Nicknames.of("William").containsAll(List.of("Bill", "Will", "Billy")));
    assertTrue(Nicknames.of("Robert").contains("Bob"));
    assertTrue(Nicknames.of("Elizabeth").containsAll(List.of("Liz", "Beth")));
    assertTrue(Nicknames.of("Johannes").contains("Hans"));
    assertTrue(Nicknames.of("Aleksandr").contains("Sasha"));
    assertTrue(Nicknames.of("Francisco").contains("Paco"));
    assertTrue(Nicknames.of("José").contains("Pepe"));
    assertTrue(Nicknames.of("Giuseppe").contains("Beppe"));
    assertTrue(Nicknames.of("Katarzyna").contains("Kasia"));
    assertTrue(Nicknames.of("Yekaterina").contains("Katya"));
    assertEquals(List.of(), Nicknames.of("Zbigniew"));
  }

  @Test
  void diminutiveLeadsBackToEveryFormalName() {
    assertEquals(List.of("Katherine", "Catherine", "Kathleen"), Nicknames.formalOf("Kate"));
    assertEquals(List.of("Robert"), Nicknames.formalOf("Bob"));
    assertEquals(List.of(), Nicknames.formalOf("Robert"));
  }

  @Test
  void equivalentsWorkBothWays() {
    assertTrue(Nicknames.equivalents("John").contains("Giovanni"));
    assertEquals(List.of("Joseph"), Nicknames.equivalents("Giuseppe"));
    assertEquals(List.of(), Nicknames.equivalents("Zbigniew"));
  }
}
