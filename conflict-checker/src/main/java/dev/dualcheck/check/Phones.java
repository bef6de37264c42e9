package dev.dualcheck.check;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.dualcheck.index.ContactKeys;

/** Phone numbers to E.164 with libphonenumber, and their comparison levels. */
final class Phones {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private Phones() {}

  /**
   * E.164 form, or "" when the number cannot be parsed. "00" is read as the international prefix
   * whatever the region ("0044 20…" is "+44 20…"), as most of the world dials it.
   */
  static String e164(String raw, String defaultRegion) {
    if (raw == null || raw.isBlank()) {
      return "";
    }
    String s = raw.strip();
    if (s.startsWith("00")) {
      s = "+" + s.substring(2);
    }
    try {
      PhoneNumber number = UTIL.parse(s, defaultRegion);
      if (!UTIL.isPossibleNumber(number)) {
        return "";
      }
      return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    } catch (NumberParseException e) {
      return "";
    }
  }

  /** Comparison level: exact (same E.164), partial (same last digits), different or missing. */
  static String compare(String rawA, String rawB, String defaultRegion) {
    String tailA = ContactKeys.phoneTail(rawA);
    String tailB = ContactKeys.phoneTail(rawB);
    if (tailA.isEmpty() || tailB.isEmpty()) {
      return "missing";
    }
    if (!tailA.equals(tailB)) {
      return "different";
    }
    String a = e164(rawA, defaultRegion);
    String b = e164(rawB, defaultRegion);
    if (!a.isEmpty() && a.equals(b)) {
      return "exact";
    }
    return "partial";
  }
}
