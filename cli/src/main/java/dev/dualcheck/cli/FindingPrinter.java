package dev.dualcheck.cli;

import dev.dualcheck.check.Explanation;
import dev.dualcheck.check.Finding;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Findings as text for a terminal. */
final class FindingPrinter {

  private FindingPrinter() {}

  static void print(List<Finding> findings, boolean explain, PrintWriter out) {
    if (findings.isEmpty()) {
      out.println("no conflict found");
      return;
    }
    out.println(
        findings.size() + (findings.size() == 1 ? " possible conflict:" : " possible conflicts:"));
    for (Finding finding : findings) {
      out.println(
          String.format(
              Locale.ROOT,
              "  %s  %-15s %-8s %.2f  %s %s%s",
              finding.id(),
              finding.type().jsonName(),
              finding.level().jsonName(),
              finding.score(),
              finding.record(),
              finding.ref(),
              finding.recordName() == null ? "" : " (" + finding.recordName() + ")"));
      if (explain) {
        for (String line : Explanation.waterfall(finding).split("\n")) {
          out.println("      " + line);
        }
      }
    }
  }
}
