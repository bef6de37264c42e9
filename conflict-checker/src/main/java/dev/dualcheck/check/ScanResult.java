package dev.dualcheck.check;

import java.time.Instant;
import java.util.List;

/** The outcome of checking a batch of contacts (a {@code scan}) or a single person. */
public record ScanResult(String scanId, Instant created, int contacts, List<Finding> findings) {

  public ScanResult {
    findings = List.copyOf(findings);
  }
}
