package dev.dualcheck.interop;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The contract's dates: {@code YYYY-MM-DD}, or {@code YYYY-MM} / {@code YYYY} when partial. */
final class Dates {
  static final String EXPECTED = "expected a date YYYY, YYYY-MM or YYYY-MM-DD";
  private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

  private Dates() {}

  static boolean isDate(String value) {
    Matcher m = DATE.matcher(value);
    if (!m.matches()) {
      return false;
    }
    try {
      int year = Integer.parseInt(m.group(1));
      if (m.group(3) != null) {
        LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      } else if (m.group(2) != null) {
        YearMonth.of(year, Integer.parseInt(m.group(2)));
      }
      return year >= 1800;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
