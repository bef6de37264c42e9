package dev.dualcheck.check;

import java.util.Locale;

/** A finding's score as a waterfall of per-field weights, for {@code check --explain}. */
public final class Explanation {

  private Explanation() {}

  /**
   * One line per field: field, comparison level, weight in bits, and the two values compared when
   * the finding carries them; then the total, the score and the level.
   */
  public static String waterfall(Finding finding) {
    StringBuilder out = new StringBuilder();
    double total = 0;
    int fieldWidth = "total".length();
    int levelWidth = 0;
    for (Evidence e : finding.evidence()) {
      fieldWidth = Math.max(fieldWidth, e.field().length());
      levelWidth = Math.max(levelWidth, e.comparison().length());
    }
    String format = "%-" + fieldWidth + "s  %-" + Math.max(levelWidth, 1) + "s  %+7.2f";
    for (Evidence e : finding.evidence()) {
      total += e.weight();
      out.append(String.format(Locale.ROOT, format, e.field(), e.comparison(), e.weight()));
      if (e.contactValue() != null || e.recordValue() != null) {
        out.append("  ")
            .append(e.contactValue() == null ? "" : e.contactValue())
            .append(" | ")
            .append(e.recordValue() == null ? "" : e.recordValue());
      }
      out.append('\n');
    }
    out.append(String.format(Locale.ROOT, format, "total", "", total))
        .append(
            String.format(
                Locale.ROOT,
                "  score %.4f, %s %s %s",
                finding.score(),
                finding.level().jsonName(),
                finding.type().jsonName(),
                finding.ref()))
        .append('\n');
    return out.toString();
  }
}
