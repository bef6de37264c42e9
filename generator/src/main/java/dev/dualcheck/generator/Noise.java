package dev.dualcheck.generator;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Derives how a person shows up again, months or years later, on an intake form or a referral:
 * nicknames, typos, lost accents, swapped or dropped names, a maiden name, a date of birth
 * mistyped, another phone format, a moved address. Each operation is one a clerk, a form or the
 * person really makes.
 */
final class Noise {
  private static final String[] KEYBOARD = {
    "qwertyuiop", "asdfghjkl", "zxcvbnm",
  };
  private static final String[] TAGS = {"clinic", "health", "intake", "therapy", "2026", "x"};

  private final Population pop;
  private final SplittableRandom rnd;

  Noise(Population pop) {
    this.pop = pop;
    this.rnd = pop.random();
  }

  /** A new record of the same person; {@code hard} asks for more and nastier changes. */
  Person variant(Person source, boolean hard) {
    Person p = source.copy();
    int nameOps = hard ? 2 + rnd.nextInt(2) : rnd.nextInt(100) < 25 ? 0 : 1;
    for (int i = 0; i < nameOps; i++) {
      nameNoise(p, source);
    }
    if (p.given.isEmpty() && p.family.isEmpty()) {
      p.given = source.given;
      p.family = source.family;
    }
    dobNoise(p, hard);
    phoneNoise(p, hard);
    emailNoise(p, hard);
    addressNoise(p, hard);
    if (pop.chance(hard ? 40 : 20)) {
      p.employer = pop.chance(50) ? "" : pop.employer();
    } else if (pop.chance(10) && !p.employer.isEmpty()) {
      p.employer = Text.upper(p.employer);
    }
    if (pop.chance(hard ? 20 : 5)) {
      p.sex = "";
    }
    p.formerFamily = "";
    keepSomeEvidence(p, source);
    return p;
  }

  /** Somebody looking for this person needs more than a name to go on, most of the time. */
  private void keepSomeEvidence(Person p, Person source) {
    boolean dob = !p.dob.isEmpty();
    boolean phone = !p.phone.isEmpty() && p.number.equals(source.number) && !source.phone.isEmpty();
    boolean email = !p.email.isEmpty() && !source.email.isEmpty();
    if (!dob && !phone && !email && pop.chance(90)) {
      p.dob = source.birth == null ? "" : source.birth.toString();
    }
  }

  void nameNoise(Person p, Person source) {
    switch (rnd.nextInt(12)) {
      case 0, 1 -> p.given = nickname(p.given);
      case 2 -> p.given = typo(p.given);
      case 3, 4 -> p.family = typo(p.family);
      case 5 -> {
        p.given = fold(p.given);
        p.family = fold(p.family);
        p.middle = fold(p.middle);
      }
      case 6 -> {
        String g = p.given;
        p.given = p.family;
        p.family = g;
      }
      case 7 -> p.middle = middleVariant(p);
      case 8 -> p.family = familyVariant(p.family, source.formerFamily);
      case 9 -> {
        if (!p.given.isEmpty()) {
          p.given = rnd.nextBoolean() ? Text.upper(p.given) : Text.lower(p.given);
        }
        p.family = Text.upper(p.family);
      }
      case 10 -> p.given = equivalentOrNickname(p.given);
      default -> {
        p.family = familyVariant(p.family, source.formerFamily);
        p.middle = "";
      }
    }
  }

  String nickname(String given) {
    List<String> nicks = Nicknames.of(given);
    if (!nicks.isEmpty()) {
      return nicks.get(rnd.nextInt(nicks.size()));
    }
    List<String> formal = Nicknames.formalOf(given);
    if (!formal.isEmpty()) {
      return formal.get(rnd.nextInt(formal.size()));
    }
    List<String> folded = Nicknames.of(Text.ascii(given));
    if (!folded.isEmpty()) {
      return folded.get(rnd.nextInt(folded.size()));
    }
    return given;
  }

  private String equivalentOrNickname(String given) {
    List<String> eq = Nicknames.equivalents(given);
    if (!eq.isEmpty()) {
      return eq.get(rnd.nextInt(eq.size()));
    }
    String t = transliterationVariant(given);
    return t.equals(given) ? nickname(given) : t;
  }

  String fold(String s) {
    return rnd.nextBoolean() ? Text.ascii(s) : Text.transliterate(s);
  }

  private String middleVariant(Person p) {
    if (p.middle.isEmpty()) {
      // the person writes a middle initial the record never had
      return pop.chance(30) ? String.valueOf((char) ('A' + rnd.nextInt(26))) + "." : "";
    }
    return switch (rnd.nextInt(4)) {
      case 0 -> Text.initial(p.middle);
      case 1 -> Text.initial(p.middle) + ".";
      case 2 -> {
        // the middle name merged into the given-name box
        p.given = p.given + " " + p.middle;
        yield "";
      }
      default -> "";
    };
  }

  /**
   * Another form of a family name: a former (maiden) name, one half of a double name, a particle
   * dropped or fused, an apostrophe lost, a transliteration.
   */
  String familyVariant(String family, String former) {
    if (!former.isEmpty() && pop.chance(70)) {
      String[] names = former.split(";");
      return names[rnd.nextInt(names.length)];
    }
    if (family.isEmpty()) {
      return family;
    }
    int hyphen = family.indexOf('-');
    int space = family.lastIndexOf(' ');
    String lower = Text.lower(family);
    if (lower.startsWith("al-") || lower.startsWith("el-") || lower.startsWith("abdel-")) {
      String stem = family.substring(family.indexOf('-') + 1);
      String particle = family.substring(0, family.indexOf('-'));
      return switch (rnd.nextInt(4)) {
        case 0 -> particle + Text.lower(stem);
        case 1 -> particle + " " + stem;
        case 2 -> (particle.startsWith("A") ? "El-" : "Al-") + stem;
        default -> stem;
      };
    }
    if (family.indexOf('\'') > 0) {
      return switch (rnd.nextInt(3)) {
        case 0 -> family.replace("'", "");
        case 1 -> family.replace("'", " ");
        default -> family.replace('\'', '’');
      };
    }
    if (hyphen > 0) {
      return rnd.nextBoolean() ? family.substring(0, hyphen) : family.substring(hyphen + 1);
    }
    if (space > 0) {
      String[] parts = family.split(" ");
      boolean particle = Character.isLowerCase(family.charAt(0)) || parts[0].length() <= 3;
      if (particle) {
        return switch (rnd.nextInt(3)) {
          case 0 -> parts[parts.length - 1];
          case 1 -> Text.capitalise(family);
          default -> Text.capitalise(Text.lower(family.replace(" ", "")));
        };
      }
      // a Spanish double surname: either part alone, or hyphenated
      return switch (rnd.nextInt(3)) {
        case 0 -> parts[0];
        case 1 -> parts[parts.length - 1];
        default -> family.replace(' ', '-');
      };
    }
    String t = transliterationVariant(family);
    if (!t.equals(family)) {
      return t;
    }
    return Text.isAscii(family) ? typo(family) : fold(family);
  }

  /** Russian and Arabic names have several accepted Latin spellings. */
  String transliterationVariant(String name) {
    String[][] rules = {
      {"yev", "ev"}, {"iy", "y"}, {"Ye", "E"}, {"yo", "e"}, {"ks", "x"}, {"kh", "h"},
      {"Yu", "Iu"}, {"ya", "ia"}, {"ou", "u"}, {"ee", "i"}, {"mm", "m"}, {"y", "i"},
    };
    int start = rnd.nextInt(rules.length);
    for (int i = 0; i < rules.length; i++) {
      String[] rule = rules[(start + i) % rules.length];
      if (name.contains(rule[0])) {
        return name.replaceFirst(rule[0], rule[1]);
      }
    }
    return name;
  }

  /** One realistic slip of the finger or of a scanner. */
  String typo(String s) {
    if (s.length() < 3) {
      return s;
    }
    int i = 1 + rnd.nextInt(s.length() - 2);
    char c = s.charAt(i);
    return switch (rnd.nextInt(6)) {
      case 0 -> swap(s, i);
      case 1 -> s.substring(0, i) + s.substring(i + 1);
      case 2 -> s.substring(0, i) + c + s.substring(i);
      case 3 -> s.substring(0, i) + neighbour(c) + s.substring(i + 1);
      case 4 -> ocr(s, i);
      default -> undouble(s, i);
    };
  }

  private static String swap(String s, int i) {
    int j = i + 1 < s.length() ? i + 1 : i - 1;
    int a = Math.min(i, j);
    char[] chars = s.toCharArray();
    char t = chars[a];
    chars[a] = chars[a + 1];
    chars[a + 1] = t;
    String swapped = new String(chars);
    return swapped.equals(s) ? s.substring(0, a) + s.substring(a + 1) : swapped;
  }

  private char neighbour(char c) {
    char lower = Character.toLowerCase(c);
    for (String row : KEYBOARD) {
      int k = row.indexOf(lower);
      if (k >= 0) {
        int n = k == 0 ? 1 : k == row.length() - 1 ? k - 1 : k + (rnd.nextBoolean() ? 1 : -1);
        char r = row.charAt(n);
        return Character.isUpperCase(c) ? Character.toUpperCase(r) : r;
      }
    }
    return 'e';
  }

  private String ocr(String s, int i) {
    String[][] pairs = {
      {"rn", "m"},
      {"m", "rn"},
      {"cl", "d"},
      {"d", "cl"},
      {"li", "h"},
      {"vv", "w"},
      {"w", "vv"},
      {"l", "1"},
      {"O", "0"},
      {"e", "c"},
      {"h", "b"},
      {"I", "l"},
    };
    int start = rnd.nextInt(pairs.length);
    for (int k = 0; k < pairs.length; k++) {
      String[] p = pairs[(start + k) % pairs.length];
      int at = s.indexOf(p[0], 1);
      if (at > 0) {
        return s.substring(0, at) + p[1] + s.substring(at + p[0].length());
      }
    }
    return swap(s, i);
  }

  private static String undouble(String s, int i) {
    for (int k = 1; k < s.length(); k++) {
      if (s.charAt(k) == s.charAt(k - 1)) {
        return s.substring(0, k) + s.substring(k + 1);
      }
    }
    return s.substring(0, i) + s.substring(i + 1);
  }

  void dobNoise(Person p, boolean hard) {
    LocalDate b = p.birth;
    if (b == null) {
      return;
    }
    int r = rnd.nextInt(100);
    int shift = hard ? 2 : 1;
    if (r < 100 - 40 * shift) {
      p.dob = b.toString();
    } else if (r < 100 - 32 * shift) {
      p.dob = swapDayMonth(b);
    } else if (r < 100 - 24 * shift) {
      p.dob = digitOff(b);
    } else if (r < 100 - 16 * shift) {
      p.dob = Integer.toString(b.getYear());
    } else if (r < 100 - 10 * shift) {
      p.dob = b.toString().substring(0, 7);
    } else {
      p.dob = "";
    }
  }

  /** 2 March written as 3 February, the classic US/European confusion. */
  static String swapDayMonth(LocalDate b) {
    if (b.getDayOfMonth() > 12 || b.getDayOfMonth() == b.getMonthValue()) {
      return b.toString();
    }
    return LocalDate.of(b.getYear(), b.getDayOfMonth(), b.getMonthValue()).toString();
  }

  /** One digit of the ISO date changed, still a valid date. */
  String digitOff(LocalDate b) {
    String iso = b.toString();
    int[] positions = {2, 3, 6, 8, 9};
    int start = rnd.nextInt(positions.length);
    for (int k = 0; k < positions.length; k++) {
      int pos = positions[(start + k) % positions.length];
      for (int d = 1; d <= 9; d++) {
        char digit = (char) ('0' + (iso.charAt(pos) - '0' + d) % 10);
        String candidate = iso.substring(0, pos) + digit + iso.substring(pos + 1);
        if (validDate(candidate)
            && LocalDate.parse(candidate).isBefore(Population.TODAY)
            && Math.abs(LocalDate.parse(candidate).getYear() - b.getYear()) <= 10) {
          return candidate;
        }
      }
    }
    return b.plusDays(1).toString();
  }

  static boolean validDate(String iso) {
    try {
      LocalDate.parse(iso);
      return true;
    } catch (java.time.DateTimeException e) {
      return false;
    }
  }

  private void phoneNoise(Person p, boolean hard) {
    int r = rnd.nextInt(100);
    if (r < (hard ? 25 : 10)) {
      p.phone = "";
    } else if (r < (hard ? 40 : 18)) {
      p.number = pop.newNumber();
      p.phone = Phones.format(p.number, rnd.nextInt(Phones.FORMATS));
    } else {
      p.phone = Phones.format(p.number, rnd.nextInt(Phones.FORMATS));
    }
  }

  private void emailNoise(Person p, boolean hard) {
    int r = rnd.nextInt(100);
    if (r < (hard ? 30 : 12)) {
      p.email = "";
      return;
    }
    if (p.email.isEmpty() || r < (hard ? 45 : 22)) {
      p.email = pop.chance(60) ? pop.email(p) : "";
      return;
    }
    int at = p.email.indexOf('@');
    String local = p.email.substring(0, at);
    String domain = p.email.substring(at + 1);
    p.email =
        switch (rnd.nextInt(4)) {
          case 0 -> Text.capitalise(local) + "@" + Text.capitalise(domain);
          case 1 -> local + "+" + pop.pick(TAGS) + "@" + domain;
          case 2 -> Text.upper(p.email);
          default -> p.email;
        };
  }

  private void addressNoise(Person p, boolean hard) {
    int r = rnd.nextInt(100);
    if (r < (hard ? 35 : 15)) {
      pop.address(p);
    } else if (r < (hard ? 50 : 22)) {
      p.street = "";
      p.postalCode = "";
      if (pop.chance(50)) {
        p.city = "";
      }
    } else if (r < 45) {
      p.street = abbreviate(p.street);
    }
  }

  static String abbreviate(String street) {
    return street
        .replace(" Street", " St.")
        .replace(" Avenue", " Ave")
        .replace(" Road", " Rd")
        .replace(" Lane", " Ln")
        .replace(" Drive", " Dr.")
        .replace(" Court", " Ct")
        .replace(" Boulevard", " Blvd")
        .replace(", Apt ", " #");
  }

  /** How an intake form names the person who referred someone. */
  String referredBy(Person referrer) {
    String given = referrer.given.isEmpty() ? "" : referrer.given;
    String family = referrer.family;
    if (given.isEmpty() || family.isEmpty()) {
      return "referred by " + referrer.displayName();
    }
    String nick = nickname(given);
    return switch (rnd.nextInt(9)) {
      case 0 -> given + " " + family;
      case 1 -> family + ", " + given;
      case 2 -> nick + " " + family;
      case 3 -> "referral from " + given + " " + family;
      case 4 ->
          referrer.middle.isEmpty()
              ? given + " " + family
              : given + " " + Text.initial(referrer.middle) + ". " + family;
      case 5 -> (referrer.female() ? "Ms. " : "Mr. ") + given + " " + family;
      case 6 -> Text.upper(family) + " " + given;
      case 7 -> "friend, " + nick + " " + Text.ascii(family);
      default -> given + " " + typo(family);
    };
  }
}
