package dev.dualcheck.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NoiseTest {
  private static final Pattern ISO_OR_PARTIAL =
      Pattern.compile("|\\d{4}|\\d{4}-(0[1-9]|1[0-2])|\\d{4}-(0[1-9]|1[0-2])-\\d{2}");

  private final Population pop = new Population(new SplittableRandom(1));
  private final Noise noise = new Noise(pop);

  @Test
  void typoIsOneOrTwoEditsAwayAndUsuallyDifferent() {
    int changed = 0;
    for (String name : List.of("Fischer", "Kowalczyk", "Gonzalez", "O'Brien", "Nguyen", "Smith")) {
      for (int i = 0; i < 200; i++) {
        String t = noise.typo(name);
        assertTrue(distance(name, t) <= 2, name + " -> " + t);
        if (!t.equals(name)) {
          changed++;
        }
      }
    }
    assertTrue(changed > 1150, "typos that changed the name: " + changed);
  }

  @Test
  void swappedDayAndMonth() {
    assertEquals("1984-02-03", Noise.swapDayMonth(LocalDate.of(1984, 3, 2)));
    assertEquals("1984-03-25", Noise.swapDayMonth(LocalDate.of(1984, 3, 25)));
  }

  @Test
  void digitOffChangesExactlyOneDigitAndStaysAValidDate() {
    LocalDate birth = LocalDate.of(1979, 11, 28);
    for (int i = 0; i < 100; i++) {
      String off = noise.digitOff(birth);
      assertTrue(Noise.validDate(off), off);
      int diff = 0;
      for (int k = 0; k < off.length(); k++) {
        diff += off.charAt(k) == birth.toString().charAt(k) ? 0 : 1;
      }
      assertEquals(1, diff, off);
    }
  }

  @Test
  void dobNoiseIsAlwaysIsoOrPartialIso() {
    Person p = pop.person(6, 90);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      noise.dobNoise(p, i % 2 == 0);
      assertTrue(ISO_OR_PARTIAL.matcher(p.dob).matches(), p.dob);
      seen.add(p.dob.length() + "");
    }
    assertEquals(Set.of("0", "4", "7", "10"), seen);
  }

  @Test
  void familyVariantsOfTheHardCases() {
    Set<String> berg = variants("van den Berg", "");
    assertTrue(berg.containsAll(Set.of("Berg", "Van den Berg", "Vandenberg")), berg.toString());
    Set<String> sayed = variants("Al-Sayed", "");
    assertTrue(sayed.containsAll(Set.of("Alsayed", "Al Sayed", "El-Sayed", "Sayed")), "" + sayed);
    Set<String> obrien = variants("O'Brien", "");
    assertTrue(obrien.containsAll(Set.of("OBrien", "O Brien", "O’Brien")), obrien.toString());
    Set<String> garcia = variants("García López", "");
    assertTrue(garcia.containsAll(Set.of("García", "López", "García-López")), garcia.toString());
    Set<String> hyphen = variants("Smith-Jones", "");
    assertEquals(Set.of("Smith", "Jones"), hyphen);
    assertTrue(variants("Becker", "Wagner;Roth").containsAll(Set.of("Wagner", "Roth")));
  }

  private Set<String> variants(String family, String former) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      out.add(noise.familyVariant(family, former));
    }
    return out;
  }

  @Test
  void nicknameGoesBothWays() {
    assertTrue(Nicknames.of("William").contains(noise.nickname("William")));
    assertEquals("Robert", noise.nickname("Bob"));
    assertEquals("Zbigniew", noise.nickname("Zbigniew"));
  }

  @Test
  void everyPhoneFormatCarriesTheSameNumber() {
    Person.Phone us = new Person.Phone(1, "5550101234");
    Person.Phone london = new Person.Phone(44, "2079460123");
    Person.Phone mobile = new Person.Phone(44, "7700900123");
    Set<String> styles = new HashSet<>();
    for (int style = 0; style < Phones.FORMATS; style++) {
      for (Person.Phone phone : List.of(us, london, mobile)) {
        String text = Phones.format(phone, style);
        styles.add(text);
        assertEquals(Phones.e164Digits(phone), e164(text, phone.countryCode()), text);
      }
    }
    assertTrue(styles.contains("+1 555 010 1234"));
    assertTrue(styles.contains("(555) 010-1234"));
    assertTrue(styles.contains("555.010.1234"));
    assertTrue(styles.contains("0044 20 7946 0123"));
    assertTrue(styles.size() >= 20, styles.toString());
  }

  /** A minimal reading of a phone number, as a matcher with a default region would do it. */
  private static String e164(String text, int country) {
    String digits = text.replace("(0)", "").replaceAll("[^0-9]", "");
    if (text.startsWith("+")) {
      return digits;
    }
    if (digits.startsWith("00")) {
      return digits.substring(2);
    }
    if (country == 44) {
      return "44" + digits.substring(1);
    }
    return digits.length() == 11 ? digits : "1" + digits;
  }

  @Test
  void variantsKeepSomethingToMatchOn() {
    int withEvidence = 0;
    for (int i = 0; i < 500; i++) {
      Person source = pop.person(18, 80);
      Person v = noise.variant(source, true);
      assertTrue(!v.given.isEmpty() || !v.family.isEmpty());
      if (!v.dob.isEmpty() || !v.phone.isEmpty() || !v.email.isEmpty()) {
        withEvidence++;
      }
    }
    assertTrue(withEvidence > 480, "variants with a dob, phone or e-mail: " + withEvidence);
  }

  @Test
  void referredByNamesTheReferrer() {
    Person referrer = pop.person(30, 60);
    referrer.given = "William";
    referrer.family = "Turner";
    Set<String> forms = new HashSet<>();
    for (int i = 0; i < 400; i++) {
      forms.add(noise.referredBy(referrer));
    }
    assertTrue(forms.contains("Turner, William"), forms.toString());
    assertTrue(forms.contains("William Turner"));
    assertTrue(forms.stream().anyMatch(f -> f.startsWith("Bill ") || f.startsWith("Will ")));
    assertNotEquals(1, forms.size());
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
