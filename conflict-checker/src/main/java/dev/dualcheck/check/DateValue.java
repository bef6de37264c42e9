package dev.dualcheck.check;

/**
 * A possibly partial date of birth: year, and month and day when known (0 when not).
 *
 * @param year four-digit year
 * @param month 1–12, or 0 when only the year is known
 * @param day 1–31, or 0 when only year and month are known
 */
record DateValue(int year, int month, int day) {

  /** Parses {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}; null when blank or malformed. */
  static DateValue parse(String raw) {
    String s = raw == null ? "" : raw.strip();
    try {
      return switch (s.length()) {
        case 4 -> new DateValue(Integer.parseInt(s), 0, 0);
        case 7 ->
            valid(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(5, 7)), 0);
        case 10 ->
            valid(
                Integer.parseInt(s.substring(0, 4)),
                Integer.parseInt(s.substring(5, 7)),
                Integer.parseInt(s.substring(8, 10)));
        default -> null;
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static DateValue valid(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 0 || day > 31) {
      return null;
    }
    return new DateValue(year, month, day);
  }

  boolean full() {
    return day != 0;
  }

  /**
   * Comparison level. Two full dates: exact, swapped (day and month), typo, year_month (another
   * day), year_day (another month), month_day (another year, more than a slip of one digit) or
   * different. A partial date against another date: partial_month when they agree as far as the
   * partial one goes to the month, partial_year when to the year only, partial_adjacent when the
   * years are neighbours, else different. And missing.
   *
   * <p>The partial levels are apart from the full ones because they say something else: two full
   * dates agreeing on the year alone disagree on the rest, while a year agreeing with a date known
   * only to the year agrees with all there is.
   */
  static String compare(DateValue a, DateValue b) {
    if (a == null || b == null) {
      return "missing";
    }
    if (a.full() && b.full()) {
      if (a.equals(b)) {
        return "exact";
      }
      if (a.year == b.year && a.day == b.month && a.month == b.day) {
        return "swapped";
      }
      if (oneTypo(a.digits(), b.digits())) {
        return "typo";
      }
      if (a.year == b.year && a.month == b.month) {
        return "year_month";
      }
      if (a.year == b.year && a.day == b.day) {
        return "year_day";
      }
      if (a.month == b.month && a.day == b.day) {
        return "month_day";
      }
      return "different";
    }
    if (a.year != b.year) {
      // a year alone, written from a stated age, is a year out about as often as not
      boolean yearOnly = a.month == 0 || b.month == 0;
      return yearOnly && Math.abs(a.year - b.year) == 1 ? "partial_adjacent" : "different";
    }
    if (a.month != 0 && b.month != 0) {
      return a.month == b.month ? "partial_month" : "different";
    }
    return "partial_year";
  }

  private String digits() {
    if (year < 0 || year > 9999) {
      return String.format(java.util.Locale.ROOT, "%04d%02d%02d", year, month, day);
    }
    // by hand: String.format here was a tenth of a scan's CPU (every candidate's birth date)
    int packed = year * 10_000 + month * 100 + day;
    char[] out = new char[8];
    for (int i = 7; i >= 0; i--) {
      out[i] = (char) ('0' + packed % 10);
      packed /= 10;
    }
    return new String(out);
  }

  /** One digit changed, two adjacent digits swapped, or one part off by one. */
  private static boolean oneTypo(String a, String b) {
    int diffs = 0;
    int first = -1;
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        if (first < 0) {
          first = i;
        }
        diffs++;
      }
    }
    if (diffs == 1) {
      return true;
    }
    if (diffs == 2
        && first + 1 < a.length()
        && a.charAt(first) == b.charAt(first + 1)
        && a.charAt(first + 1) == b.charAt(first)) {
      return true;
    }
    int ya = Integer.parseInt(a.substring(0, 4));
    int yb = Integer.parseInt(b.substring(0, 4));
    int ma = Integer.parseInt(a.substring(4, 6));
    int mb = Integer.parseInt(b.substring(4, 6));
    int da = Integer.parseInt(a.substring(6));
    int db = Integer.parseInt(b.substring(6));
    int partsOff = (ya != yb ? 1 : 0) + (ma != mb ? 1 : 0) + (da != db ? 1 : 0);
    return partsOff == 1
        && (Math.abs(ya - yb) == 1 || Math.abs(ma - mb) == 1 || Math.abs(da - db) == 1);
  }

  @Override
  public String toString() {
    if (month == 0) {
      return String.format(java.util.Locale.ROOT, "%04d", year);
    }
    if (day == 0) {
      return String.format(java.util.Locale.ROOT, "%04d-%02d", year, month);
    }
    return String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", year, month, day);
  }
}
