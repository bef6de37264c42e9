package dev.dualcheck.index;

import java.util.Locale;

/** Keys for contact details that need no locale or region: e-mail and a phone number's tail. */
public final class ContactKeys {

  /** Digits kept as the region-free phone key: enough to tell numbers apart, short of prefixes. */
  public static final int PHONE_TAIL_DIGITS = 7;

  private ContactKeys() {}

  /**
   * Canonical e-mail: lower case, {@code +tag} removed from the local part, and dots removed from
   * Gmail local parts (Gmail ignores them); "" when the value is not an address.
   */
  public static String email(String raw) {
    if (raw == null) {
      return "";
    }
    String s = raw.strip().toLowerCase(Locale.ROOT);
    int at = s.lastIndexOf('@');
    if (at <= 0 || at == s.length() - 1) {
      return "";
    }
    String local = s.substring(0, at);
    String domain = s.substring(at + 1);
    int plus = local.indexOf('+');
    if (plus > 0) {
      local = local.substring(0, plus);
    }
    if (domain.equals("googlemail.com")) {
      domain = "gmail.com";
    }
    if (domain.equals("gmail.com")) {
      local = local.replace(".", "");
    }
    return local + "@" + domain;
  }

  /** The last {@value #PHONE_TAIL_DIGITS} digits of a phone number, or "" when it has fewer. */
  public static String phoneTail(String raw) {
    if (raw == null) {
      return "";
    }
    StringBuilder digits = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    if (digits.length() < PHONE_TAIL_DIGITS) {
      return "";
    }
    return digits.substring(digits.length() - PHONE_TAIL_DIGITS);
  }

  /** Postal code key: folded, spaces removed ("SW1A 1AA" and "sw1a1aa" agree). */
  public static String postal(String raw) {
    return NameKeys.fold(raw).replace(" ", "");
  }
}
