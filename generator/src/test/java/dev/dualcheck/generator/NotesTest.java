package dev.dualcheck.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NotesTest {
  private final Population pop = new Population(new SplittableRandom(11));
  private final Notes notes = new Notes(pop, new Noise(pop));

  private Person named(String given, String middle, String family) {
    Person p = pop.namedOnly("M");
    p.given = given;
    p.middle = middle;
    p.family = family;
    return p;
  }

  @Test
  void surnameMentionsCarryTheSurname() {
    Person boss = named("Robert", "James", "Fischer");
    for (int i = 0; i < 200; i++) {
      Notes.Mention m = notes.mention(boss, true);
      assertTrue(m.withSurname());
      assertTrue(m.text().endsWith(" Fischer"), m.text());
    }
  }

  @Test
  void allMentionFormsAppear() {
    Person boss = named("Robert", "James", "Fischer");
    java.util.Set<String> forms = new java.util.HashSet<>();
    for (int i = 0; i < 500; i++) {
      Notes.Mention m = notes.mention(boss, false);
      forms.add(m.text());
      assertEquals(m.text().contains("Fischer") && !m.text().startsWith("Mr."), m.withSurname());
    }
    assertTrue(
        forms.containsAll(List.of("Robert Fischer", "Robert J. Fischer", "Robert", "Mr. Fischer")),
        forms.toString());
    assertTrue(forms.stream().anyMatch(f -> f.equals("Bob Fischer") || f.equals("Rob Fischer")));
  }

  @Test
  void everyTemplateRendersWithoutLeftoverTokens() {
    Person client = pop.person(20, 60);
    Person other = named("Maria", "", "González");
    for (String relation :
        List.of(
            "boss",
            "partner",
            "ex-partner",
            "neighbour",
            "sibling",
            "parent",
            "child",
            "coworker",
            "friend",
            "emergency contact")) {
      for (int i = 0; i < 30; i++) {
        boolean[] flag = new boolean[1];
        String text = notes.note(client, 3, new Notes.Mentioned(other, relation), true, flag);
        assertFalse(text.contains("{") || text.contains("}"), text);
        assertTrue(flag[0] && text.contains("González"), text);
      }
    }
  }

  @Test
  void theBossNotesSayHeCanFireHer() {
    Person boss = named("Robert", "", "Fischer");
    List<String> texts = notes.bossNotes(boss);
    assertTrue(texts.get(0).contains("supervisor, Robert J. Fischer"), texts.get(0));
    assertTrue(texts.get(0).contains("can fire her"));
    assertTrue(texts.get(1).contains(" Fischer from work"), texts.get(1));
  }
}
