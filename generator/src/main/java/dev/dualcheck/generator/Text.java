package dev.dualcheck.generator;

import java.text.Normalizer;
import java.util.Locale;

/** Spelling conversions people and systems apply to names. Case changes use {@link Locale#ROOT}. */
final class Text {
  private Text() {}

  /** Strips diacritics the way an ASCII-only system does: Müller → Muller, Łukasz → Lukasz. */
  static String ascii(String s) {
    if (isAscii(s)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (char c : Normalizer.normalize(s, Normalizer.Form.NFD).toCharArray()) {
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      switch (c) {
        case 'ł' -> out.append('l');
        case 'Ł' -> out.append('L');
        case 'đ' -> out.append('d');
        case 'Đ' -> out.append('D');
        case 'ß' -> out.append("ss");
        case 'ı' -> out.append('i');
        case 'ø' -> out.append('o');
        case 'Ø' -> out.append('O');
        case 'æ' -> out.append("ae");
        case 'œ' -> out.append("oe");
        case '’' -> out.append('\'');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** German-style transliteration before stripping: Müller → Mueller, Weiß → Weiss. */
  static String transliterate(String s) {
    if (isAscii(s)) {
      return s;
    }
    String t =
        s.replace("ä", "ae")
            .replace("ö", "oe")
            .replace("ü", "ue")
            .replace("Ä", "Ae")
            .replace("Ö", "Oe")
            .replace("Ü", "Ue")
            .replace("ő", "oe")
            .replace("ű", "ue");
    return ascii(t);
  }

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7e) {
        return false;
      }
    }
    return true;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  /** Letters and digits only, lower-case ASCII: the raw material of an e-mail local part. */
  static String emailPart(String s) {
    String a = lower(ascii(s));
    StringBuilder out = new StringBuilder(a.length());
    for (int i = 0; i < a.length(); i++) {
      char c = a.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
      }
    }
    return out.toString();
  }

  static String capitalise(String s) {
    if (s.isEmpty()) {
      return s;
    }
    return upper(s.substring(0, 1)) + s.substring(1);
  }

  static String initial(String s) {
    return s.isEmpty() ? "" : s.substring(0, s.offsetByCodePoints(0, 1));
  }
}
