package dev.dualcheck.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NicknamesTest {

  @Test
  void tableHasAtLeastFiveHundredNames() {
    assertTrue(Nicknames.size() >= 500, "only " + Nicknames.size() + " names");
  }

  @ParameterizedTest
  @CsvSource({
    "bill, william",
    "hans, johannes",
    "hans, john",
    "sasha, aleksandr",
    "sasha, aleksandra",
    "paco, francisco",
    "pepe, jose",
    "kasia, katarzyna",
    "beppe, giuseppe",
    "liz, elizabeth",
    "peggy, margaret",
    "jack, john",
    "katya, catherine",
    "yekaterina, ekaterina",
    "mohammed, muhammad",
    "mohamed, mohammad",
    "sean, john",
    "siobhan, joan",
    "chris, christopher",
    "chris, christine",
    "chris, christian",
    "alex, alexis",
    "sanya, shura",
    "guillermo, wilhelm",
    "jurgen, george",
    "juergen, jorg",
    "giovanni, ivan",
    "piotr, pierre",
    "tomek, thomas",
    "gosia, malgorzata",
    "zsuzsa, susan",
    "ahmet, ahmed",
    "yusuf, joseph",
    "ibrahim, abraham",
    "dvora, deborah",
    "mae, mary",
    "may, margaret",
    "loles, dolores",
    "sukey, susannah",
    "zuzia, zuzanna",
    "liesel, elisabeth",
    "gigi, luigi",
    "mandi, amanda",
    "maite, teresa",
  })
  void knownEquivalences(String a, String b) {
    assertTrue(Nicknames.equivalent(a, b), a + " ~ " + b);
    assertTrue(Nicknames.equivalent(b, a), b + " ~ " + a);
  }

  @ParameterizedTest
  @CsvSource({
    "bill, robert",
    "william, robert",
    "john, janet",
    "john, jane",
    "helen, magdalena",
    "christopher, christine",
    "alexander, alexandra",
    "peggy, elizabeth",
    "mary, john",
    "zebulon, zacharias",
  })
  void notEquivalent(String a, String b) {
    assertFalse(Nicknames.equivalent(a, b), a + " !~ " + b);
    assertFalse(Nicknames.equivalent(b, a), b + " !~ " + a);
  }

  @Test
  void groupsGiveCanonicalKeys() {
    assertEquals(Set.of("william"), Nicknames.groups("bill"));
    assertEquals(Set.of("william"), Nicknames.groups("william"));
    assertEquals(Set.of("johannes", "john"), Nicknames.groups("hans"));
    assertEquals(Set.of("alexander", "alexandra"), Nicknames.groups("sasha"));
    assertTrue(
        Nicknames.groups("chris").containsAll(Set.of("christopher", "christine", "christian")));
  }

  @Test
  void aNameOutsideTheTableIsItsOwnGroup() {
    assertEquals(Set.of("zebulon"), Nicknames.groups("zebulon"));
    assertTrue(Nicknames.equivalent("zebulon", "zebulon"));
  }

  @Test
  void everyLineOfTheShippedTableIsValidAndItsNamesFolded() throws IOException {
    Nicknames.Table table = shippedTable();
    assertEquals(Nicknames.size(), table.groups.size());
    for (String name : table.groups.keySet()) {
      assertEquals(name, Names.fold(name));
    }
    for (String head : table.canonicalNames) {
      assertTrue(table.groups.get(head).contains(head), head + " is in its own group");
    }
  }

  @Test
  void equivalenceIsSymmetricAndReflexiveOverTheTable() throws IOException {
    List<String> names = new ArrayList<>(shippedTable().groups.keySet());
    names.sort(null);
    int pairs = 0;
    for (int i = 0; i < names.size(); i += 3) {
      String a = names.get(i);
      assertTrue(Nicknames.equivalent(a, a), a);
      for (int j = 0; j < names.size(); j += 7) {
        String b = names.get(j);
        assertEquals(Nicknames.equivalent(a, b), Nicknames.equivalent(b, a), a + " / " + b);
        pairs++;
      }
    }
    assertTrue(pairs > 10_000);
  }

  @Test
  void namesOfOneGroupAreAllEquivalentToItsCanonicalName() throws IOException {
    Nicknames.Table table = shippedTable();
    for (Map.Entry<String, Set<String>> entry : table.groups.entrySet()) {
      for (String head : entry.getValue()) {
        assertTrue(Nicknames.equivalent(entry.getKey(), head), entry.getKey() + " ~ " + head);
      }
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "william bill, billy | t.txt line 2: expected 'canonical: name, name, ...'",
        "william: bill: billy | t.txt line 2: expected 'canonical: name, name, ...'",
        "William: bill | t.txt line 2: 'William' is not a folded name (lower-case a-z only)",
        "jose: josé | t.txt line 2: 'josé' is not a folded name (lower-case a-z only)",
        "william: bill,, billy | t.txt line 2: empty name",
        "william: bill, bill | t.txt line 2: 'bill' appears twice",
        "william: william | t.txt line 2: 'william' appears twice",
        "william: | t.txt line 2: 'william' has no other names",
        "robert: bob | t.txt line 2: 'robert' already heads line 1",
      })
  void malformedLinesAreRejectedNamingTheLine(String secondLine, String message) {
    String text = "robert: bob, rob\n" + secondLine + "\n";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Nicknames.Table.parse(new StringReader(text), "t.txt"));
    assertEquals(message, e.getMessage());
  }

  @Test
  void commentsAndBlankLinesAreSkipped() throws IOException {
    Nicknames.Table table =
        Nicknames.Table.parse(
            new StringReader("# people\n\n  robert: bob, rob  \n   # more\n"), "t.txt");
    assertEquals(Set.of("robert", "bob", "rob"), table.groups.keySet());
  }

  @Test
  void anEmptyTableIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Nicknames.Table.parse(new StringReader("# nothing\n"), "t.txt"));
    assertEquals("t.txt has no groups", e.getMessage());
  }

  private static Nicknames.Table shippedTable() throws IOException {
    try (InputStream in = Nicknames.class.getResourceAsStream(Nicknames.RESOURCE)) {
      return Nicknames.Table.parse(
          new InputStreamReader(in, StandardCharsets.UTF_8), Nicknames.RESOURCE);
    }
  }
}
