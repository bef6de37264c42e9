package dev.dualcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorerTest {

  private final Scorer scorer =
      new Scorer(Weights.defaults(), "US", (token, family) -> new int[] {1, 1000});

  private static Person person(RecordKind kind, String... fieldsAndValues) {
    Map<String, String> fields = new HashMap<>();
    for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
      fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return new Person(new ClinicRecord(kind, kind == RecordKind.CLIENT ? "C1" : "K1", fields));
  }

  private static Evidence field(Scorer.Score score, String field) {
    for (Evidence e : score.evidence()) {
      if (e.field().equals(field)) {
        return e;
      }
    }
    throw new AssertionError("no evidence for " + field);
  }

  private static final String[] HOME = {
    "family_name",
    "Testerfield",
    "phone",
    "555 010 0199",
    "street",
    "1 Example Way",
    "postal_code",
    "00001"
  };

  private static Person atHome(RecordKind kind, String... more) {
    String[] all = new String[HOME.length + more.length];
    System.arraycopy(HOME, 0, all, 0, HOME.length);
    System.arraycopy(more, 0, all, HOME.length, more.length);
    return person(kind, all);
  }

  @Test
  void somewhatAlikeGivenNamesUnderAnotherSexAreAHousehold() throws Exception {
    // Carla and Carlo are alike enough to be one name garbled, but not for a woman and a man
    Person wife = atHome(RecordKind.CLIENT, "given_name", "Carla", "sex", "F", "dob", "1951-06-01");
    Person husband = atHome(RecordKind.CONTACT, "given_name", "Carlos", "sex", "M");
    Scorer.Score score = scorer.score(husband, wife);
    assertEquals("different", field(score, "given_name").comparison());
    assertEquals(0.0, field(score, "phone").weight(), "a shared landline is a household's");
    assertEquals(0.0, field(score, "street").weight(), "a shared home is a household's");
    assertTrue(score.bits() < 0, score.evidence().toString());
  }

  @Test
  void streetAndAreaTogetherAddLittleToTheStrongest() throws Exception {
    Weights w = Weights.defaults();
    Person client =
        person(
            RecordKind.CLIENT,
            "given_name",
            "Ann",
            "street",
            "12 Lantern Road",
            "city",
            "Ashford",
            "postal_code",
            "40331");
    Person sameAddress =
        person(
            RecordKind.CONTACT,
            "given_name",
            "Ann",
            "street",
            "12 Lantern Road",
            "city",
            "Ashford",
            "postal_code",
            "40331");
    Scorer.Score score = scorer.score(sameAddress, client);
    assertEquals(w.bits("street", "exact"), field(score, "street").weight(), 1e-9);
    // town and postal code are one area: it counts once, and only a little beside the street
    assertEquals(w.param("address_together_bits"), field(score, "postal_code").weight(), 1e-9);
    assertEquals(0.0, field(score, "city").weight(), 1e-9);
    // the same area without the street counts the area alone, in full
    Person sameArea =
        person(
            RecordKind.CONTACT,
            "given_name",
            "Ann",
            "street",
            "7 Other Close",
            "city",
            "Ashford",
            "postal_code",
            "40331");
    Scorer.Score area = scorer.score(sameArea, client);
    assertEquals(w.bits("postal_code", "exact"), field(area, "postal_code").weight(), 1e-9);
    assertEquals(w.bits("street", "different"), field(area, "street").weight(), 1e-9);
  }

  @Test
  void aFamilyNameRecordedOtherwiseButSpelledInTheEmailAddress() throws Exception {
    Person client = person(RecordKind.CLIENT, "given_name", "Catherine", "family_name", "Marmore");
    Person married =
        person(
            RecordKind.CONTACT,
            "given_name",
            "Catherine",
            "family_name",
            "Anderson",
            "email",
            "Catherine.Marmore270@inbox.example");
    assertEquals("email", field(scorer.scoreNames(married, client), "family_name").comparison());
    Person initialled =
        person(
            RecordKind.CONTACT,
            "given_name",
            "Catherine",
            "family_name",
            "Anderson",
            "email",
            "CMARMORE@inbox.example");
    assertEquals("email", field(scorer.scoreNames(initialled, client), "family_name").comparison());
    // the owner's own given name in the address spells no one else's family name
    Person hassan = person(RecordKind.CLIENT, "given_name", "Omar", "family_name", "Hassan");
    Person other =
        person(
            RecordKind.CONTACT,
            "given_name",
            "Hassan",
            "family_name",
            "Yousef",
            "email",
            "hassan.yousef@example.com");
    assertEquals("different", field(scorer.scoreNames(other, hassan), "family_name").comparison());
    Person unrelated =
        person(
            RecordKind.CONTACT,
            "given_name",
            "Catherine",
            "family_name",
            "Anderson",
            "email",
            "cat.anderson@inbox.example");
    assertEquals(
        "different", field(scorer.scoreNames(unrelated, client), "family_name").comparison());
  }

  @Test
  void aSlipInANameThatTheOwnEmailAddressSpellsRightWeighsAsTheName() throws Exception {
    Weights w = Weights.defaults();
    Person client = person(RecordKind.CLIENT, "given_name", "Michał", "family_name", "Jaworski");
    Person slipped =
        person(
            RecordKind.CONTACT,
            "given_name",
            "Michał",
            "family_name",
            "Jworski",
            "email",
            "MICHAL_JAWORSKI975@EXAMPLE.COM");
    Evidence family = field(scorer.scoreNames(slipped, client), "family_name");
    assertEquals("email_confirmed", family.comparison());
    assertTrue(family.weight() > w.bits("family_name", "typo") + 3, "the name typed twice");
    // given name and family name joined, and the other record's initial ("rchen" for Robert)
    Person castillo =
        person(RecordKind.CLIENT, "given_name", "Mercedes", "family_name", "Castillo");
    Person joined =
        person(
            RecordKind.CONTACT,
            "given_name",
            "Mercedes",
            "family_name",
            "Casillllo",
            "email",
            "MERCEDESCASTILLO307@EXAMPLE.NET");
    assertEquals(
        "email_confirmed", field(scorer.scoreNames(joined, castillo), "family_name").comparison());
    Person robert = person(RecordKind.CLIENT, "given_name", "Robert", "family_name", "Chen");
    Person bob =
        person(
            RecordKind.CONTACT,
            "given_name",
            "Bob",
            "family_name",
            "Chn",
            "email",
            "RCHEN366@POST.EXAMPLE");
    assertEquals(
        "email_confirmed", field(scorer.scoreNames(bob, robert), "family_name").comparison());
    // a given name too
    Person julia = person(RecordKind.CLIENT, "given_name", "Julia", "family_name", "Schneider");
    Person jula =
        person(
            RecordKind.CONTACT,
            "given_name",
            "Jula",
            "family_name",
            "Schneider",
            "email",
            "julia_schneider@example.net");
    assertEquals(
        "email_confirmed", field(scorer.scoreNames(jula, julia), "given_name").comparison());
    // an address spelling the contact's own slip confirms nothing
    Person own =
        person(
            RecordKind.CONTACT,
            "given_name",
            "Michał",
            "family_name",
            "Jworski",
            "email",
            "mjworski@example.com");
    assertEquals("typo", field(scorer.scoreNames(own, client), "family_name").comparison());
  }

  @Test
  void aFullNameCommonerThanItsPartsSayWeighsLess() throws Exception {
    // 1% of 100,000 persons are called Minh, 3% Nguyen: independent, 30 Minh Nguyens; in fact 600
    Scorer.Frequencies parts = (token, family) -> new int[] {family ? 3_000 : 1_000, 100_000};
    Scorer independent = new Scorer(Weights.defaults(), "US", parts);
    Scorer correlated =
        new Scorer(
            Weights.defaults(),
            "US",
            new Scorer.Frequencies() {
              @Override
              public int[] of(String token, boolean family) throws java.io.IOException {
                return parts.of(token, family);
              }

              @Override
              public int[] ofBoth(String given, String family) {
                return new int[] {600, 100_000};
              }
            });
    Person client = person(RecordKind.CLIENT, "given_name", "Minh", "family_name", "Nguyễn");
    Person contact = person(RecordKind.CONTACT, "given_name", "Minh", "family_name", "Nguyen");
    double apart = independent.scoreNames(contact, client).bits();
    double together = correlated.scoreNames(contact, client).bits();
    assertTrue(together < apart - 3, together + " against " + apart);
    // the waterfall still adds up
    double sum = 0;
    for (Evidence e : correlated.scoreNames(contact, client).evidence()) {
      sum += e.weight();
    }
    assertEquals(together, sum, 1e-9);
    // a full name no commoner than its parts keeps its weight
    Scorer rare =
        new Scorer(
            Weights.defaults(),
            "US",
            new Scorer.Frequencies() {
              @Override
              public int[] of(String token, boolean family) throws java.io.IOException {
                return parts.of(token, family);
              }

              @Override
              public int[] ofBoth(String given, String family) {
                return new int[] {1, 100_000};
              }
            });
    assertEquals(apart, rare.scoreNames(contact, client).bits(), 1e-9);
  }

  @Test
  void theSwappedReadingHoldsWhenItWeighsMore() throws Exception {
    // Cuong is a slip of Duong, but read the other way round both names agree
    Person client = person(RecordKind.CLIENT, "given_name", "Cuong", "family_name", "Duong");
    Person contact = person(RecordKind.CONTACT, "given_name", "Doung", "family_name", "Cuong");
    Scorer.Score score = scorer.scoreNames(contact, client);
    assertEquals("swapped", field(score, "given_name").comparison());
    assertTrue(field(score, "family_name").weight() > 0, "Doung is Duong slipped");
    assertTrue(score.bits() > 5, score.evidence().toString());
  }

  @Test
  void aNameAloneNeedsTheGivenNameNotJustAMiddleName() throws Exception {
    Person client =
        person(
            RecordKind.CLIENT,
            "given_name",
            "Janina",
            "middle_name",
            "Ewa",
            "family_name",
            "Wojcik");
    Person byMiddle = person(RecordKind.CONTACT, "given_name", "Ewa", "family_name", "Wójcik");
    Person byGiven = person(RecordKind.CONTACT, "given_name", "Janina", "family_name", "Wójcik");
    assertEquals("middle", field(scorer.scoreNames(byMiddle, client), "given_name").comparison());
    assertTrue(!ConflictChecker.namesAgree(scorer.scoreNames(byMiddle, client).evidence()));
    assertTrue(ConflictChecker.namesAgree(scorer.scoreNames(byGiven, client).evidence()));
  }

  @Test
  void namesThatOnlySoundAlikeCrosswiseWeighLessThanASwap() throws Exception {
    Person client = person(RecordKind.CLIENT, "given_name", "Paola", "family_name", "Russo");
    Person swapped = person(RecordKind.CONTACT, "given_name", "Russo", "family_name", "Paola");
    Person crosswise = person(RecordKind.CONTACT, "given_name", "Rose", "family_name", "Powell");
    Scorer.Score swap = scorer.scoreNames(swapped, client);
    Scorer.Score alike = scorer.scoreNames(crosswise, client);
    assertEquals("swapped", field(swap, "given_name").comparison());
    assertEquals("swapped_variant", field(alike, "given_name").comparison());
    assertTrue(swap.bits() > alike.bits() + 5, swap.bits() + " vs " + alike.bits());
  }

  @Test
  void aBirthYearAgreeingWithAPartialDateCountsForMoreThanItDoesBetweenFullDates() {
    Weights w = Weights.defaults();
    assertEquals(
        "partial_year", DateValue.compare(DateValue.parse("1975"), DateValue.parse("1975-04-02")));
    assertTrue(w.bits("dob", "partial_year") > 3, "all a year-only date can say agrees");
    assertTrue(w.bits("dob", "partial_month") > w.bits("dob", "partial_year"));
    assertTrue(w.bits("dob", "partial_month") > w.bits("dob", "year_month"));
    assertTrue(w.bits("dob", "exact") > w.bits("dob", "partial_month"));
    assertTrue(w.bits("dob", "month_day") < w.bits("dob", "year_day"), "a wrong year is common");
  }
}
