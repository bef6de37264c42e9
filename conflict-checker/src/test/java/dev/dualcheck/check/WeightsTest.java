package dev.dualcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightsTest {

  @Test
  void shippedWeightsAreConsistent() {
    Weights w = Weights.defaults();
    for (Map.Entry<String, Map<String, Weights.Level>> field : w.levels().entrySet()) {
      double m = 0;
      double u = 0;
      for (Weights.Level level : field.getValue().values()) {
        m += level.m();
        u += level.u();
      }
      assertEquals(1.0, m, 0.002, field.getKey() + ": m must sum to 1");
      assertEquals(1.0, u, 0.002, field.getKey() + ": u must sum to 1");
      assertTrue(
          field.getValue().get("exact").bits() > 0, field.getKey() + ": agreement counts for");
      assertTrue(
          field.getValue().get("different").bits() < 0, field.getKey() + ": difference against");
    }
    assertTrue(w.param("certain") > w.param("probable"));
    assertTrue(w.param("probable") > w.param("possible"));
  }

  @Test
  void commonNamesWeighLessThanRareOnes() {
    Weights w = Weights.defaults();
    double common = w.bitsWithFrequency("family_name", "exact", 1_000, 100_000);
    double rare = w.bitsWithFrequency("family_name", "exact", 1, 100_000);
    assertTrue(rare > common + 5, rare + " vs " + common);
    // a tiny index says little about frequencies: the file's u dominates
    assertEquals(
        w.bits("family_name", "exact"), w.bitsWithFrequency("family_name", "exact", 1, 10), 0.25);
  }

  @Test
  void clearDifferencesOutweighANameMatch() {
    Weights w = Weights.defaults();
    double names = w.bits("given_name", "exact") + w.bits("family_name", "exact");
    double against = w.bits("dob", "different") + w.bits("phone", "different");
    double prior = w.priorBits(5_000);
    assertTrue(Weights.probability(names + against, prior) < w.param("possible"));
    assertTrue(Weights.probability(names + w.bits("dob", "exact"), prior) >= w.param("probable"));
    assertTrue(w.priorBits(20) > w.priorBits(100_000) + 10, "few staff, many clients");
  }

  @Test
  void badLinesAreNamed() {
    String text = "given_name exact 0.9\nparam prior 0.1\n";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Weights.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
  }
}
