package dev.dualcheck.generator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CultureTest {
  @Test
  void commonNamesAreCommonAndTheTailIsLong() {
    SplittableRandom rnd = new SplittableRandom(3);
    Map<String, Integer> counts = new HashMap<>();
    int draws = 200_000;
    for (int i = 0; i < draws; i++) {
      counts.merge(Culture.ENGLISH.family.draw(rnd), 1, Integer::sum);
    }
    List<Integer> sorted = new ArrayList<>(counts.values());
    sorted.sort((a, b) -> b - a);
    double top = sorted.get(0) / (double) draws;
    int median = sorted.get(sorted.size() / 2);
    assertTrue(counts.get("Smith") == (int) sorted.get(0), "Smith is the most common");
    assertTrue(top > 0.03 && top < 0.08, "share of the top name: " + top);
    assertTrue(sorted.get(0) > 5 * median, "top " + sorted.get(0) + " median " + median);
  }

  @Test
  void everyCultureDrawsNamesAndIsDrawn() {
    SplittableRandom rnd = new SplittableRandom(5);
    Map<Culture, Integer> seen = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      seen.merge(Culture.draw(rnd), 1, Integer::sum);
    }
    for (Culture c : Culture.values()) {
      assertTrue(seen.getOrDefault(c, 0) > 0, c + " never drawn");
      assertTrue(!c.givenName(rnd, true).isEmpty() && !c.givenName(rnd, false).isEmpty());
      assertTrue(!c.familyName(rnd).isEmpty());
    }
  }

  @Test
  void feminineSurnames() {
    assertTrue(Population.gendered("Kowalski", Culture.POLISH, true).equals("Kowalska"));
    assertTrue(Population.gendered("Ivanov", Culture.RUSSIAN, true).equals("Ivanova"));
    assertTrue(Population.gendered("Chaykovskiy", Culture.RUSSIAN, true).equals("Chaykovskaya"));
    assertTrue(Population.gendered("Kowalski", Culture.POLISH, false).equals("Kowalski"));
  }
}
