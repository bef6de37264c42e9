package dev.dualcheck.generator;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Draws the people of a synthetic town: multicultural names with realistic frequencies, dates of
 * birth, fictional phone numbers (NANP area code 555, Ofcom's drama ranges), reserved e-mail
 * domains, addresses and employers. Every draw comes from the one seeded random source.
 */
final class Population {
  /** The generated clinic's "today"; fixed, so output never depends on the wall clock. */
  static final LocalDate TODAY = LocalDate.of(2026, 11, 1);

  static final String[] STREETS = {
    "Maple",
    "Oak",
    "Cedar",
    "Elm",
    "Pine",
    "Birch",
    "Willow",
    "Chestnut",
    "Walnut",
    "Spruce",
    "Lake",
    "Hill",
    "River",
    "Park",
    "Church",
    "Mill",
    "Station",
    "Orchard",
    "Meadow",
    "Highland",
    "Sunset",
    "Ridge",
    "Forest",
    "Spring",
    "Union",
    "Market",
    "Bridge",
    "Garden",
    "Harbor",
    "Valley",
    "Prospect",
    "Franklin",
    "Washington",
    "Lincoln",
    "Jefferson",
    "Madison",
    "Grove",
    "Cherry",
    "Aspen",
    "Laurel"
  };
  static final String[] STREET_TYPES = {
    "Street", "Avenue", "Road", "Lane", "Drive", "Court", "Place", "Boulevard", "Way", "Terrace"
  };
  private static final String[] CITIES = {
    "Fairview", "Riverton", "Lakeside", "Millbrook", "Oakridge", "Brookhaven", "Maple Grove",
    "Westfield", "Northbridge", "Ashford", "Greenville", "Elmwood", "Kingsport", "Harborview",
    "Pine Hollow", "Silver Springs"
  };
  private static final int[] POSTAL_BASE = {
    40110, 40130, 40150, 40170, 40210, 40230, 40250, 40270, 40310, 40330, 40350, 40370, 40410,
    40430, 40450, 40470
  };
  static final String[] EMPLOYERS = {
    "Northwind Traders",
    "Contoso Ltd",
    "Fabrikam Inc.",
    "Riverside General Hospital",
    "Fairview School District",
    "City of Riverton",
    "Lakeside Logistics",
    "Bluebird Bakery",
    "Summit Insurance",
    "Greenleaf Grocers",
    "Oakridge Dental Group",
    "Pinecrest Credit Union",
    "Millbrook Manufacturing",
    "Silverline Software",
    "Red Maple Diner",
    "Cedar Valley College",
    "Brightside Childcare",
    "Ironwood Construction",
    "Hillcrest Nursing Home",
    "Tidewater Shipping",
    "Sunrise Realty",
    "Meadowbrook Library",
    "Copperfield Accounting",
    "Westgate Mall",
    "Blue Heron Hotel",
    "Evergreen Landscaping",
    "Stonebridge Law Office",
    "Fairview Police Department",
    "Riverton Fire Department",
    "Lakeside Pharmacy",
    "Northgate Auto Repair",
    "Willow Creek Farms",
    "Starlight Cinema",
    "Quarry Hill Gym",
    "Harborview Restaurant",
    "Maplewood Elementary School",
    "Crescent Bank",
    "Orchard Lane Vets",
    "Driftwood Cafe",
    "Beacon Telecom"
  };
  private static final String[] DOMAINS = {
    "example.com", "example.org", "example.net", "mail.example", "post.example", "inbox.example"
  };
  private static final String[] VIETNAMESE_MIDDLE = {
    "Đức", "Minh", "Ngọc", "Hữu", "Quốc", "Thanh", "Xuân"
  };

  private final SplittableRandom rnd;
  private final Culture.Zipf cities;
  private final Culture.Zipf employers;
  private long serial;

  Population(SplittableRandom rnd) {
    this.rnd = rnd;
    this.cities = new Culture.Zipf(CITIES);
    this.employers = new Culture.Zipf(EMPLOYERS);
  }

  SplittableRandom random() {
    return rnd;
  }

  boolean chance(int percent) {
    return rnd.nextInt(100) < percent;
  }

  <T> T pick(T[] options) {
    return options[rnd.nextInt(options.length)];
  }

  /** A complete person of a random culture, aged between the bounds (in years). */
  Person person(int minAge, int maxAge) {
    int s = rnd.nextInt(100);
    String sex = s < 54 ? "F" : s < 98 ? "M" : s < 99 ? "X" : "";
    return person(Culture.draw(rnd), sex, minAge, maxAge);
  }

  Person person(Culture culture, String sex, int minAge, int maxAge) {
    Person p = new Person();
    p.culture = culture;
    p.sex = sex;
    boolean female = "F".equals(sex) || (!"M".equals(sex) && rnd.nextBoolean());
    p.birth = birthDate(minAge, maxAge);
    p.dob = p.birth.toString();
    names(p, culture, female);
    if (female && age(p.birth) >= 24 && chance(32)) {
      marry(p);
    }
    storageQuirks(p);
    p.number = newNumber();
    p.phone = chance(93) ? Phones.format(p.number, rnd.nextInt(Phones.FORMATS)) : "";
    p.email = chance(80) ? email(p) : "";
    if (chance(95)) {
      address(p);
    }
    p.employer = age(p.birth) >= 18 && chance(65) ? employers.draw(rnd) : "";
    return p;
  }

  /** Name parts only (for people who exist only as a mention in a note). */
  Person namedOnly(String relationSexHint) {
    Person p = new Person();
    p.culture = Culture.draw(rnd);
    p.sex = relationSexHint.isEmpty() ? (rnd.nextBoolean() ? "F" : "M") : relationSexHint;
    p.birth = birthDate(18, 75);
    names(p, p.culture, p.female());
    if (p.given.isEmpty()) {
      p.given = p.culture.givenName(rnd, p.female());
    }
    if (p.family.isEmpty()) {
      p.family = p.culture.familyName(rnd);
    }
    return p;
  }

  private void names(Person p, Culture culture, boolean female) {
    p.given = culture.givenName(rnd, female);
    p.family = gendered(culture.familyName(rnd), culture, female);
    switch (culture) {
      case ENGLISH -> {
        if (chance(45)) {
          p.middle = distinctGiven(culture, female, p.given);
        }
      }
      case GERMAN, FRENCH, DUTCH, IRISH, ITALIAN, POLISH, HUNGARIAN, TURKISH -> {
        if (chance(15)) {
          p.middle = distinctGiven(culture, female, p.given);
        }
      }
      case SPANISH -> {
        if (chance(45)) {
          String second = culture.familyName(rnd);
          if (!second.equals(p.family)) {
            p.family = p.family + (chance(20) ? "-" : " ") + second;
          }
        }
      }
      case RUSSIAN -> {
        if (chance(50)) {
          p.middle = patronymic(culture.givenName(rnd, false), female);
        }
      }
      case VIETNAMESE -> p.middle = chance(65) ? (female ? "Thị" : "Văn") : pick(VIETNAMESE_MIDDLE);
      case CHINESE -> {
        if (chance(30)) {
          // an adopted English given name, the Chinese one kept as the middle name
          p.middle = p.given;
          p.given = Culture.ENGLISH.givenName(rnd, female);
        }
      }
      default -> {}
    }
    if (chance(6)) {
      // parents from two cultures
      Culture other = Culture.draw(rnd);
      p.family = gendered(other.familyName(rnd), other, female);
    }
    if (chance(3) && (culture == Culture.ENGLISH || culture == Culture.GERMAN)) {
      p.family = p.family + "-" + culture.familyName(rnd);
    }
    int mono = rnd.nextInt(1000);
    if (mono < 4) {
      p.family = "";
      p.middle = "";
    } else if (mono < 7) {
      p.given = "";
      p.middle = "";
    }
  }

  private String distinctGiven(Culture culture, boolean female, String given) {
    String other = culture.givenName(rnd, female);
    return other.equals(given) ? culture.givenName(rnd, female) : other;
  }

  static String gendered(String family, Culture culture, boolean female) {
    if (!female) {
      return family;
    }
    if (culture == Culture.POLISH) {
      if (family.endsWith("ski") || family.endsWith("cki") || family.endsWith("dzki")) {
        return family.substring(0, family.length() - 1) + "a";
      }
    } else if (culture == Culture.RUSSIAN) {
      if (family.endsWith("skiy")) {
        return family.substring(0, family.length() - 2) + "aya";
      }
      if (family.endsWith("ov") || family.endsWith("ev") || family.endsWith("in")) {
        return family + "a";
      }
    }
    return family;
  }

  private static String patronymic(String father, boolean female) {
    if (father.endsWith("iy") || father.endsWith("ey") || father.endsWith("ay")) {
      String stem = father.substring(0, father.length() - 1);
      return stem + (female ? "evna" : "evich");
    }
    if (father.endsWith("a")) {
      return father.substring(0, father.length() - 1) + (female ? "ichna" : "ich");
    }
    return father + (female ? "ovna" : "ovich");
  }

  /** Married name now, maiden name (and sometimes an earlier married name) kept as former. */
  private void marry(Person p) {
    if (p.family.isEmpty()) {
      return;
    }
    Culture spouse = chance(70) ? p.culture : Culture.draw(rnd);
    String married = gendered(spouse.familyName(rnd), spouse, true);
    if (married.equals(p.family)) {
      return;
    }
    String maiden = p.family;
    if (chance(12)) {
      String first = gendered(Culture.draw(rnd).familyName(rnd), spouse, true);
      if (!first.equals(married) && !first.equals(maiden)) {
        p.formerFamily = maiden + ";" + first;
      } else {
        p.formerFamily = maiden;
      }
    } else {
      p.formerFamily = maiden;
    }
    p.family = chance(12) ? maiden + "-" + married : married;
  }

  /** What happens to names in an EHR: accents lost, a nickname entered as the given name. */
  private void storageQuirks(Person p) {
    if (chance(4)) {
      java.util.List<String> nicks = Nicknames.of(p.given);
      if (!nicks.isEmpty()) {
        p.given = nicks.get(rnd.nextInt(nicks.size()));
      }
    }
    if (chance(10)) {
      p.given = Text.ascii(p.given);
      p.middle = Text.ascii(p.middle);
      p.family = Text.ascii(p.family);
    }
  }

  LocalDate birthDate(int minAge, int maxAge) {
    int days = minAge * 365 + rnd.nextInt(Math.max(1, (maxAge - minAge) * 365));
    return TODAY.minusDays(days);
  }

  static int age(LocalDate birth) {
    return birth.until(TODAY).getYears();
  }

  /**
   * A number nobody else in this data set has: the serial runs through a bijection of the seven
   * subscriber digits, so up to ten million people get distinct numbers in area code 555.
   */
  Person.Phone newNumber() {
    long n = serial++;
    if (rnd.nextInt(100) < 7) {
      // Ofcom's drama ranges: only a thousand numbers each, so these may repeat
      int line = rnd.nextInt(1000);
      String digits = (line < 100 ? "0" : "") + (line < 10 ? "0" : "") + line;
      return new Person.Phone(44, rnd.nextBoolean() ? "2079460" + digits : "7700900" + digits);
    }
    // affine map, digit reversal, affine map: each step a bijection of 0..9_999_999
    long scrambled = (n * 7_654_321L + 1_234_567L) % 10_000_000L;
    scrambled = (reverseDigits(scrambled) * 3_918_433L + 5_550_123L) % 10_000_000L;
    String sub = Long.toString(scrambled);
    return new Person.Phone(1, "555" + "0000000".substring(sub.length()) + sub);
  }

  private static long reverseDigits(long sevenDigits) {
    long r = 0;
    long x = sevenDigits;
    for (int i = 0; i < 7; i++) {
      r = r * 10 + x % 10;
      x /= 10;
    }
    return r;
  }

  String email(Person p) {
    String g = Text.emailPart(p.given);
    String f = Text.emailPart(p.family);
    if (g.isEmpty()) {
      g = f;
    }
    if (f.isEmpty()) {
      f = g;
    }
    String local =
        switch (rnd.nextInt(7)) {
          case 0 -> g + "." + f;
          case 1 -> g + f;
          case 2 -> g.charAt(0) + f;
          case 3 -> f + "." + g;
          case 4 -> g + "_" + f;
          case 5 -> g + (p.birth.getYear() % 100);
          default -> g.charAt(0) + "." + f;
        };
    // mostly unique, as real addresses are: a short number from the serial
    if (rnd.nextInt(100) < 60) {
      local = local + (serial % 997);
    }
    return local + "@" + pick(DOMAINS);
  }

  void address(Person p) {
    int city = cityIndex();
    p.city = CITIES[city];
    p.postalCode = Integer.toString(POSTAL_BASE[city] + rnd.nextInt(10));
    StringBuilder street = new StringBuilder();
    street.append(1 + rnd.nextInt(rnd.nextBoolean() ? 200 : 9999)).append(' ');
    street.append(pick(STREETS)).append(' ').append(pick(STREET_TYPES));
    if (chance(15)) {
      street.append(", Apt ").append(1 + rnd.nextInt(40)).append((char) ('A' + rnd.nextInt(4)));
    }
    p.street = street.toString();
  }

  private int cityIndex() {
    String name = cities.draw(rnd);
    for (int i = 0; i < CITIES.length; i++) {
      if (CITIES[i].equals(name)) {
        return i;
      }
    }
    throw new AssertionError(name);
  }

  String employer() {
    return employers.draw(rnd);
  }

  /** A date uniformly between two dates, inclusive. */
  LocalDate between(LocalDate from, LocalDate to) {
    long span = to.toEpochDay() - from.toEpochDay();
    return span <= 0 ? from : from.plusDays(rnd.nextLong(span + 1));
  }
}
