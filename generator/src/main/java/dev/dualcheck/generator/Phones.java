package dev.dualcheck.generator;

/** The ways people and systems write the same phone number. */
final class Phones {
  private Phones() {}

  static final int FORMATS = 9;

  /** Renders the number in one of {@link #FORMATS} styles, national or international. */
  static String format(Person.Phone phone, int style) {
    String n = phone.national();
    if (phone.countryCode() == 1) {
      String a = n.substring(0, 3);
      String b = n.substring(3, 6);
      String c = n.substring(6);
      return switch (style) {
        case 0 -> "+1 " + a + " " + b + " " + c;
        case 1 -> "(" + a + ") " + b + "-" + c;
        case 2 -> a + "." + b + "." + c;
        case 3 -> a + "-" + b + "-" + c;
        case 4 -> n;
        case 5 -> "+1" + n;
        case 6 -> "1-" + a + "-" + b + "-" + c;
        case 7 -> "+1 (" + a + ") " + b + "-" + c;
        default -> a + " " + b + " " + c;
      };
    }
    boolean london = n.startsWith("20");
    String grouped =
        london
            ? n.substring(0, 2) + " " + n.substring(2, 6) + " " + n.substring(6)
            : n.substring(0, 4) + " " + n.substring(4);
    return switch (style) {
      case 0, 7 -> "+44 " + grouped;
      case 1 -> "0044 " + grouped;
      case 2, 8 -> "0" + grouped;
      case 3 -> "+44 (0)" + grouped;
      case 4 -> "+44" + n;
      case 5 ->
          london
              ? "(0" + n.substring(0, 2) + ") " + n.substring(2, 6) + " " + n.substring(6)
              : "0" + n;
      default -> "0" + n;
    };
  }

  /** The digits a matcher should arrive at: E.164 without the plus. */
  static String e164Digits(Person.Phone phone) {
    return phone.countryCode() + phone.national();
  }
}
