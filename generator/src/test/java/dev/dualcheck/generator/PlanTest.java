package dev.dualcheck.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlanTest {
  @Test
  void requestedMixForAThousandContacts() {
    assertEquals(new Plan(550, 150, 80, 70, 50, 50, 50), Plan.of(1000));
  }

  @Test
  void totalIsAlwaysExactAndTheBossCaseAlwaysFits() {
    for (int n = 0; n <= 400; n++) {
      Plan p = Plan.of(n);
      assertEquals(n, p.total(), "total for " + n);
      assertTrue(n == 0 || p.noteMention() >= 1, "note_mention for " + n);
    }
  }

  @Test
  void oneContactIsTheBoss() {
    assertEquals(new Plan(0, 0, 0, 1, 0, 0, 0), Plan.of(1));
  }
}
