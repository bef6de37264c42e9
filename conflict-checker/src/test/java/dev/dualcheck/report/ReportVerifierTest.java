package dev.dualcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ReportVerifierTest {

  @Test
  void aRangeCoveringAllButTheContentsIsAccepted() {
    // 100 bytes, contents hex string at [40, 60)
    assertNull(ReportVerifier.checkByteRange(new int[] {0, 40, 60, 40}, 100));
  }

  @Test
  void bytesAfterTheRangeAreALaterRevision() {
    assertEquals(
        "invalid: bytes were added after signing (25 bytes, a later revision)",
        ReportVerifier.checkByteRange(new int[] {0, 40, 60, 40}, 125));
  }

  @Test
  void aRangeNotStartingAtZeroLeavesTheHeaderUnsigned() {
    assertEquals(
        "invalid: the signature does not cover the start of the file",
        ReportVerifier.checkByteRange(new int[] {10, 30, 60, 40}, 100));
  }

  @Test
  void malformedRangesAreRejected() {
    assertEquals(
        "invalid: the signature's /ByteRange is not 4 numbers",
        ReportVerifier.checkByteRange(new int[] {0, 40, 60}, 100));
    assertEquals(
        "invalid: the signature's /ByteRange is not 4 numbers",
        ReportVerifier.checkByteRange(null, 100));
    assertEquals(
        "invalid: the signature's /ByteRange points outside the file",
        ReportVerifier.checkByteRange(new int[] {0, 40, 60, 50}, 100));
    assertEquals(
        "invalid: the signature's /ByteRange points outside the file",
        ReportVerifier.checkByteRange(new int[] {0, 60, 40, 60}, 100));
    assertEquals(
        "invalid: the signature's /ByteRange is malformed",
        ReportVerifier.checkByteRange(new int[] {0, -1, 60, 40}, 100));
  }
}
