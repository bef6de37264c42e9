package dev.dualcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReportRendererTest {

  @Test
  void pseudonymsAreStableSha256Prefixes() {
    assertEquals(
        ReportRenderer.pseudonym("F-1", "contact"), ReportRenderer.pseudonym("F-1", "contact"));
    assertTrue(ReportRenderer.pseudonym("F-1", "contact").matches("P-[0-9a-f]{10}"));
  }

  @Test
  void pseudonymsDifferByRoleAndFinding() {
    assertNotEquals(
        ReportRenderer.pseudonym("F-1", "contact"), ReportRenderer.pseudonym("F-1", "record"));
    assertNotEquals(
        ReportRenderer.pseudonym("F-1", "contact"), ReportRenderer.pseudonym("F-2", "contact"));
  }

  @Test
  void pseudonymMatchesAnIndependentSha256() throws Exception {
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest("F-1\u0000contact".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(
        "P-" + java.util.HexFormat.of().formatHex(digest).substring(0, 10),
        ReportRenderer.pseudonym("F-1", "contact"));
  }
}
