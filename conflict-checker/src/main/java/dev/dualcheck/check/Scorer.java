package dev.dualcheck.check;

import dev.dualcheck.index.NameKeys;
import dev.dualcheck.names.Names;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** The comparator and combiner: per-field comparison levels, their weights, and the total. */
final class Scorer {

  /** How common a folded name token is: documents carrying it and all person documents. */
  interface Frequencies {
    int[] of(String foldedToken, boolean family) throws IOException;

    /** Persons carrying both tokens and all person documents; null when not known. */
    default int[] ofBoth(String foldedGiven, String foldedFamily) throws IOException {
      return null;
    }
  }

  /** A scored pair: evidence per field and total weight in bits. */
  record Score(List<Evidence> evidence, double bits) {

    double probability(double priorBits) {
      return Weights.probability(bits, priorBits);
    }
  }

  /** Given names less alike than this (Jaro–Winkler) belong to different members of a household. */
  private static final double HOUSEHOLD_GIVEN_SIMILARITY = 0.6;

  /** Name levels of a slip or variant, which the other's e-mail address may confirm. */
  private static final Set<String> CONFIRMABLE =
      Set.of("spelling", "phonetic", "typo", "similar", "partial");

  /** A variant name that the other record's e-mail address spells as this record has it. */
  static final String EMAIL_CONFIRMED = "email_confirmed";

  /** Jaro–Winkler from which two street names or towns are one with a typo. */
  private static final double SIMILAR = 0.9;

  private final Weights weights;
  private final String region;
  private final Frequencies frequencies;

  Scorer(Weights weights, String region, Frequencies frequencies) {
    this.weights = weights;
    this.region = region;
    this.frequencies = frequencies;
  }

  Weights weights() {
    return weights;
  }

  /** Scores names only (given, middle, family), as for a referral source's free-text name. */
  Score scoreNames(Person contact, Person record) throws IOException {
    List<Evidence> evidence = new ArrayList<>(3);
    double bits = names(contact, record, evidence);
    return new Score(evidence, bits);
  }

  /** Scores every field. */
  Score score(Person contact, Person record) throws IOException {
    List<Evidence> evidence = new ArrayList<>(12);
    double bits = names(contact, record, evidence);
    bits +=
        add(
            evidence,
            "dob",
            DateValue.compare(contact.dob, record.dob),
            raw(contact, record, "dob"));
    bits += add(evidence, "sex", same(contact.sex, record.sex), raw(contact, record, "sex"));
    boolean household = household(contact, record, evidence);
    String phone = Phones.compare(contact.phone, record.phone, region);
    double phoneBits = household ? Math.min(0, weights.bits("phone", phone)) : 0;
    bits +=
        household
            ? addWeighed(evidence, "phone", phone, phoneBits, raw(contact, record, "phone"))
            : add(evidence, "phone", phone, raw(contact, record, "phone"));
    bits +=
        add(evidence, "email", email(contact.email, record.email), raw(contact, record, "email"));
    bits += address(contact, record, evidence, household);
    bits +=
        add(
            evidence,
            "employer",
            same(contact.employer, record.employer),
            raw(contact, record, "employer"));
    return new Score(evidence, bits);
  }

  /**
   * Street, city and postal code, which agree together when people share a home: the strongest
   * agreement counts in full, the town and postal code (one area) at most once, and the street and
   * the area together add only {@code address_together_bits} for the one that weighs less (a street
   * name and number recur in many towns, so the area still tells someone at that number elsewhere
   * from the same person, but far less than on its own). Disagreements add up. In a {@link
   * #household} no agreement counts.
   */
  private double address(
      Person contact, Person record, List<Evidence> evidence, boolean household) {
    String[] levels = {
      street(contact.street, record.street),
      city(contact.city, record.city),
      postal(contact.postal, record.postal)
    };
    String[] fields = {"street", "city", "postal_code"};
    double[] bits = new double[3];
    for (int i = 0; i < 3; i++) {
      bits[i] = weights.bits(fields[i], levels[i]);
    }
    // the area: the stronger of town and postal code
    int area = bits[2] >= bits[1] ? 2 : 1;
    int strongest = bits[0] >= bits[area] ? 0 : area;
    int other = strongest == 0 ? area : 0;
    double[] counted = new double[3];
    for (int i = 0; i < 3; i++) {
      counted[i] = Math.min(0, bits[i]);
    }
    if (!household && bits[strongest] > 0) {
      counted[strongest] = bits[strongest];
      if (bits[other] > 0) {
        counted[other] = Math.min(bits[other], weights.param("address_together_bits"));
      }
    }
    double total = 0;
    for (int i = 0; i < 3; i++) {
      String[] values = raw(contact, record, fields[i]);
      evidence.add(new Evidence(fields[i], levels[i], counted[i], values[0], values[1]));
      total += counted[i];
    }
    return total;
  }

  /**
   * The same family name under a clearly different given name (little alike: not a slip of the
   * keyboard the comparator missed, such as "Seu" for "Susan"; or somewhat alike, as Carla and
   * Alessandro, under another sex or another date of birth), or under the other's middle name with
   * another date of birth, and without the same birthday: a spouse, child or parent, who shares the
   * home and its landline. Agreeing phone and address are then what a household has in common, not
   * evidence of the same person; their disagreements still count.
   */
  private static boolean household(Person contact, Person record, List<Evidence> evidence) {
    String given = "";
    boolean familyAgrees = false;
    boolean dobDiffers = false;
    boolean dobAgrees = false;
    boolean sexDiffers = false;
    for (Evidence e : evidence) {
      switch (e.field()) {
        case "given_name" -> given = e.comparison();
        case "family_name" -> familyAgrees = e.weight() > 0;
        case "sex" -> sexDiffers = e.comparison().equals("different");
        case "dob" -> {
          dobDiffers = e.comparison().equals("different") || e.comparison().equals("month_day");
          dobAgrees = sameBirthday(e.comparison());
        }
        default -> {}
      }
    }
    if (!familyAgrees || dobAgrees) {
      // the same birthday too: the given name was recorded wrongly (or a twin, rarely)
      return false;
    }
    if (given.equals("middle")) {
      // a son who goes by his father's middle name, born another year
      return dobDiffers;
    }
    // given names a little alike may be one name garbled, unless sex or date of birth says not
    return given.equals("different")
        && (Names.jaroWinkler(contact.given.get(0), record.given.get(0))
                < HOUSEHOLD_GIVEN_SIMILARITY
            || sexDiffers
            || dobDiffers);
  }

  /** A date of birth agreeing to the day (or but for a swap or slip of one digit). */
  private static boolean sameBirthday(String dobLevel) {
    return switch (dobLevel) {
      case "exact", "swapped", "typo" -> true;
      default -> false;
    };
  }

  private double names(Person contact, Person record, List<Evidence> evidence) throws IOException {
    NameComparison given =
        NameComparison.given(contact.given, contact.middle, record.given, record.middle);
    NameComparison family =
        NameComparison.family(
            contact.family, contact.formerFamilies, record.family, record.formerFamilies);
    String[] givenValues = raw(contact, record, "given_name");
    String[] familyValues = raw(contact, record, "family_name");
    double givenBits = nameBits("given_name", given, false);
    double familyBits = nameBits("family_name", family, true);
    if (!given.agrees() && !given.level().equals("missing") && !contact.family.isEmpty()) {
      // given and family written the other way round ("Turner William"): the contact's given
      // field holds the family name, and the other way round; the reading that weighs more holds
      // ("Doung Cuong" is Cuong Duong, though Cuong is also a slip of Duong)
      NameComparison familyPart =
          NameComparison.family(contact.given, List.of(), record.family, record.formerFamilies);
      NameComparison givenPart =
          NameComparison.given(contact.family, List.of(), record.given, record.middle);
      // a swap with a variant of the given name as well is rarer than two names that merely
      // sound alike crosswise ("Rose Powell" and "Paola Russo"): it weighs less
      String swap =
          switch (givenPart.level()) {
            case "exact", "nickname", "spelling" -> "swapped";
            default -> "swapped_variant";
          };
      double swapBits =
          familyPart.agrees() && givenPart.agrees()
              ? weights.bits("given_name", swap) + nameBits("family_name", familyPart, true)
              : Double.NEGATIVE_INFINITY;
      if (swapBits > givenBits + familyBits) {
        given = new NameComparison(swap, "");
        givenBits = weights.bits("given_name", swap);
        family = familyPart;
        familyBits = nameBits("family_name", familyPart, true);
        String contactGiven = givenValues[0];
        givenValues = new String[] {familyValues[0], givenValues[1]};
        familyValues = new String[] {contactGiven, familyValues[1]};
      }
    }
    if (family.level().equals("different")
        && (spelledInEmail(record.family, contact) || spelledInEmail(contact.family, record))) {
      // the name recorded otherwise (a maiden name, a slip) but spelled out in the e-mail address
      family = new NameComparison("email", "");
      familyBits = weights.bits("family_name", "email");
    }
    // a slip in one record's name that the other's own e-mail address spells as the first record
    // does ("Jworski" at michal_jaworski975@…): the address is a second spelling, typed apart from
    // the name field, so the names agree as written, weighed by how common that name is
    if (CONFIRMABLE.contains(family.level())) {
      String token =
          spelledInEmail(record.family, contact, record.given)
              ? String.join("", NameKeys.core(record.family))
              : spelledInEmail(contact.family, record, contact.given)
                  ? String.join("", NameKeys.core(contact.family))
                  : "";
      if (!token.isEmpty()) {
        family = new NameComparison(EMAIL_CONFIRMED, token);
        familyBits = nameBits("family_name", family, true);
      }
    }
    if (CONFIRMABLE.contains(given.level())) {
      String token =
          givenInEmail(record.given, contact)
              ? record.given.get(0)
              : givenInEmail(contact.given, record) ? contact.given.get(0) : "";
      if (!token.isEmpty()) {
        given = new NameComparison(EMAIL_CONFIRMED, token);
        givenBits = nameBits("given_name", given, false);
      }
    }
    familyBits += fullNameCorrection(given, family);
    evidence.add(
        new Evidence("given_name", given.level(), givenBits, givenValues[0], givenValues[1]));
    evidence.add(
        new Evidence("family_name", family.level(), familyBits, familyValues[0], familyValues[1]));
    double bits = givenBits + familyBits;
    bits +=
        add(
            evidence,
            "middle_name",
            NameComparison.middle(contact.middle, record.middle),
            raw(contact, record, "middle_name"));
    return bits;
  }

  /**
   * True when the owner's e-mail address has the family name (its core, four letters or more) as
   * one of the words of its local part, alone or after the owner's initial, and that word is not
   * one of the owner's given names: "catherine.marmore270" and "cmarmore" spell Marmore,
   * "hassan.yousef" does not spell a Hassan.
   */
  static boolean spelledInEmail(List<String> family, Person owner) {
    return spelledInEmail(family, owner, List.of());
  }

  /**
   * As {@link #spelledInEmail(List, Person)}, also after the initial of {@code otherGiven} (the
   * other record's given name: "rchen" for Robert Chen whose own record says Bob) and joined to the
   * owner's given name either side ("mercedescastillo").
   */
  static boolean spelledInEmail(List<String> family, Person owner, List<String> otherGiven) {
    String core = String.join("", NameKeys.core(family));
    if (core.length() < 4 || owner.given.contains(core) || owner.middle.contains(core)) {
      return false;
    }
    List<String> forms = new ArrayList<>(List.of(core));
    if (!owner.given.isEmpty()) {
      String given = owner.given.get(0);
      forms.addAll(List.of(given.charAt(0) + core, given + core, core + given));
    }
    if (!otherGiven.isEmpty()) {
      forms.add(otherGiven.get(0).charAt(0) + core);
    }
    for (String word : emailWords(owner)) {
      if (forms.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the owner's e-mail address has {@code given} (four letters or more, not the owner's
   * family name) as one of the words of its local part, alone or joined to the owner's family name:
   * "julia_schneider" spells Julia.
   */
  static boolean givenInEmail(List<String> given, Person owner) {
    if (given.isEmpty() || given.get(0).length() < 4) {
      return false;
    }
    String name = given.get(0);
    String core = String.join("", NameKeys.core(owner.family));
    if (name.equals(core)) {
      return false;
    }
    for (String word : emailWords(owner)) {
      if (word.equals(name) || (!core.isEmpty() && word.equals(name + core))) {
        return true;
      }
    }
    return false;
  }

  /** The letters-only words of the local part of the owner's e-mail address. */
  private static List<String> emailWords(Person owner) {
    int at = owner.email.indexOf('@');
    return at <= 0 ? List.of() : List.of(owner.email.substring(0, at).split("[^a-z]+"));
  }

  /**
   * Bits to take off two exact names that go together more often than their frequencies multiplied
   * say ("Minh" and "Nguyen"): u of the full name is the share of other persons carrying both,
   * blended with the independence estimate by {@code tf_pseudocount} pseudo persons. Only ever a
   * deduction, as one person's unusual full name is no rarer than its two names say. Kept on the
   * family name's evidence, so the waterfall still adds up.
   */
  private double fullNameCorrection(NameComparison given, NameComparison family)
      throws IOException {
    if (!given.level().equals("exact") || !family.level().equals("exact")) {
      return 0;
    }
    int[] both = frequencies.ofBoth(given.token(), family.token());
    if (both == null) {
      return 0;
    }
    int[] g = frequencies.of(given.token(), false);
    int[] f = frequencies.of(family.token(), true);
    double uGiven = weights.uWithFrequency("given_name", "exact", g[0], g[1]);
    double uFamily = weights.uWithFrequency("family_name", "exact", f[0], f[1]);
    double independent = uGiven * uFamily;
    // the candidate itself carries both: count the others
    double pseudo = weights.param("tf_pseudocount");
    double joint = (Math.max(0, both[0] - 1) + pseudo * independent) / (both[1] + pseudo);
    return Math.min(0, Weights.log2(independent / joint));
  }

  private double nameBits(String field, NameComparison comparison, boolean family)
      throws IOException {
    String level = comparison.level();
    if (level.equals("missing")) {
      return 0.0;
    }
    if (!comparison.token().isEmpty()) {
      int[] df = frequencies.of(comparison.token(), family);
      return level.equals(EMAIL_CONFIRMED)
          ? weights.bitsShiftedByFrequency(field, level, df[0], df[1])
          : weights.bitsWithFrequency(field, level, df[0], df[1]);
    }
    return weights.bits(field, level);
  }

  private static double addWeighed(
      List<Evidence> evidence, String field, String level, double bits, String[] values) {
    evidence.add(new Evidence(field, level, bits, values[0], values[1]));
    return bits;
  }

  private double add(List<Evidence> evidence, String field, String level, String[] values) {
    double bits = weights.bits(field, level);
    evidence.add(new Evidence(field, level, bits, values[0], values[1]));
    return bits;
  }

  private static String[] raw(Person contact, Person record, String column) {
    return new String[] {contact.record.get(column), record.record.get(column)};
  }

  static String same(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return "missing";
    }
    return a.equals(b) ? "exact" : "different";
  }

  static String email(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return "missing";
    }
    if (a.equals(b)) {
      return "exact";
    }
    String localA = a.substring(0, a.indexOf('@'));
    String localB = b.substring(0, b.indexOf('@'));
    return localA.equals(localB) && localA.length() >= 5 ? "partial" : "different";
  }

  /** Same street (and number) is exact; the same street name with another number is partial. */
  static String street(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return "missing";
    }
    if (a.equals(b) || String.join("", a).equals(String.join("", b)) || sameWords(a, b)) {
      return "exact";
    }
    String wordsA = words(a);
    String wordsB = words(b);
    // spaces dropped too: "lambrig gstreet" and "fai rawy" are slips of the space bar
    boolean alike =
        Names.jaroWinkler(String.join(" ", a), String.join(" ", b)) >= SIMILAR
            || (!wordsA.isEmpty() && Names.jaroWinkler(wordsA, wordsB) >= SIMILAR);
    if (numbers(a).equals(numbers(b)) && alike) {
      // the same house number and a slip in the street's name ("biffin sreet")
      return "similar";
    }
    for (String t : a) {
      if (t.length() >= 4 && !Character.isDigit(t.charAt(0)) && !isStreetWord(t) && b.contains(t)) {
        return "partial";
      }
    }
    // the same street's name, written alike, at another number
    return wordsA.length() >= 8 && wordsA.equals(wordsB) ? "partial" : "different";
  }

  /**
   * The street's words without numbers or spaces: "2 lambrig gstreet flt 67" as lambriggstreetflt.
   */
  private static String words(List<String> tokens) {
    StringBuilder out = new StringBuilder();
    for (String t : tokens) {
      if (!Character.isDigit(t.charAt(0))) {
        out.append(t);
      }
    }
    return out.toString();
  }

  /** The same words in another order: "Apt 8B, 12 Main St" and "12 Main St Apt 8B". */
  private static boolean sameWords(List<String> a, List<String> b) {
    List<String> x = new ArrayList<>(a);
    List<String> y = new ArrayList<>(b);
    Collections.sort(x);
    Collections.sort(y);
    return x.equals(y);
  }

  private static List<String> numbers(List<String> tokens) {
    List<String> numbers = new ArrayList<>();
    for (String t : tokens) {
      if (Character.isDigit(t.charAt(0))) {
        numbers.add(t);
      }
    }
    return numbers;
  }

  /**
   * Postal codes: exact, or transposed (two neighbouring characters swapped, a typing slip; a
   * neighbouring area differs by one digit, so a substitution is no evidence).
   */
  static String postal(String a, String b) {
    String level = same(a, b);
    if (!level.equals("different") || a.length() != b.length()) {
      return level;
    }
    for (int i = 0; i + 1 < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        boolean swapped =
            a.charAt(i) == b.charAt(i + 1)
                && a.charAt(i + 1) == b.charAt(i)
                && a.substring(i + 2).equals(b.substring(i + 2));
        return swapped ? "transposed" : "different";
      }
    }
    return "different";
  }

  /** Towns: exact, also with spaces moved ("moona hwest"); similar for a slip of a letter. */
  static String city(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return "missing";
    }
    if (a.equals(b) || a.replace(" ", "").equals(b.replace(" ", ""))) {
      return "exact";
    }
    // alike and as long, give or take a letter: "Perth" and "Penrith" are alike but two towns
    return Math.abs(a.length() - b.length()) <= 1 && Names.jaroWinkler(a, b) >= SIMILAR
        ? "similar"
        : "different";
  }

  private static boolean isStreetWord(String t) {
    return switch (t) {
      case "street",
          "road",
          "avenue",
          "lane",
          "drive",
          "court",
          "place",
          "strasse",
          "rue",
          "calle",
          "boulevard",
          "circuit",
          "crescent",
          "close" ->
          true;
      default -> NameKeys.isParticle(t);
    };
  }
}
