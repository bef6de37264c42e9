package dev.dualcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualcheck.index.ContactKeys;
import dev.dualcheck.index.NameKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparatorsTest {

  private static String family(String a, String b) {
    return NameComparison.family(NameKeys.tokens(a), List.of(), NameKeys.tokens(b), List.of())
        .level();
  }

  private static String given(String a, String b) {
    return NameComparison.given(NameKeys.tokens(a), List.of(), NameKeys.tokens(b), List.of())
        .level();
  }

  private static String date(String a, String b) {
    return DateValue.compare(DateValue.parse(a), DateValue.parse(b));
  }

  @Test
  void familyNamesAcrossSpellingsParticlesAndCompounds() {
    assertEquals("spelling", family("Müller", "Mueller"));
    assertEquals("exact", family("Dvořák", "Dvorak"));
    assertEquals("exact", family("van den Berg", "Berg"));
    assertEquals("exact", family("Al-Sayed", "Alsayed"));
    assertEquals("exact", family("O'Brien", "OBrien"));
    assertEquals("exact", family("O’Brien", "o brien"));
    assertEquals("partial", family("García-López", "Lopez"));
    assertEquals("spelling", family("Kowalski", "Kowalsky"));
    assertEquals("typo", family("Kowalski", "Kowalxki"));
    // scanned forms: rn for m, vv for w, 1 for l
    assertEquals("typo", family("Selcoornbe", "Selcombe"));
    assertEquals("typo", family("Jabkovvska", "Jankowska"));
    assertEquals("typo", family("Ig1esias", "Iglesas"));
    assertEquals("different", family("Barnes", "Bames Noble"));
    assertEquals("phonetic", family("Schmidt", "Shmit"));
    assertEquals("typo", family("Alsayewd", "Al-Sayed"));
    assertEquals("similar", family("Casillllo", "Castillo"));
    assertEquals("different", family("Castro", "Castillo"));
    assertEquals("different", family("Harrison", "Harris"));
    assertEquals("different", family("Nguyen", "Turner"));
    assertEquals("missing", family("", "Turner"));
  }

  @Test
  void formerFamilyNamesCount() {
    NameComparison c =
        NameComparison.family(
            NameKeys.tokens("Smith"),
            List.of(),
            NameKeys.tokens("Jones"),
            List.of(NameKeys.tokens("Smith")));
    assertEquals("former", c.level());
    assertEquals("smith", c.token());
  }

  @Test
  void givenNamesInitialsTyposAndMiddleNames() {
    assertEquals("exact", given("José", "Jose"));
    assertEquals("initial", given("J", "John"));
    assertEquals("different", given("K", "John"));
    // one slip that also sounds alike is a slip; sounding alike further apart is phonetic
    assertEquals("typo", given("Jonathon", "Jonathan"));
    assertEquals("phonetic", given("Caitlin", "Katelyn"));
    assertEquals("typo", given("Margaret", "Margxret"));
    assertEquals("nickname", given("Bill", "William"));
    assertEquals("nickname", given("Memo", "Mehmet"));
    assertEquals("nickname", given("Tima", "Fatima"));
    assertEquals("nickname", given("Tito", "Alberto"));
    assertEquals("nickname", given("Nel", "Petronella"));
    assertEquals("nickname", given("Phillip", "Filip"));
    assertEquals("nickname", given("Catherine", "Kathryn"));
    assertEquals("typo", given("Zoltan", "Soltan"));
    assertEquals(
        "middle",
        NameComparison.given(
                NameKeys.tokens("Scott"),
                List.of(),
                NameKeys.tokens("Francis"),
                NameKeys.tokens("Scott"))
            .level());
    assertEquals("different", given("Anna", "Maria"));
  }

  private static Person person(
      dev.dualcheck.store.RecordKind kind, String id, String given, String dob) {
    return new Person(
        new dev.dualcheck.store.ClinicRecord(
            kind,
            id,
            java.util.Map.of(
                "given_name",
                given,
                "family_name",
                "Testerfield",
                "dob",
                dob,
                "phone",
                "555 010 0199",
                "street",
                "1 Example Way",
                "postal_code",
                "00001")));
  }

  @Test
  void aSharedHomeUnderAnotherGivenNameIsAHouseholdNotThePerson() throws Exception {
    Scorer scorer = new Scorer(Weights.defaults(), "US", (token, family) -> new int[] {1, 1000});
    Person mother = person(dev.dualcheck.store.RecordKind.CLIENT, "C1", "Margot", "1970-01-02");
    Person son = person(dev.dualcheck.store.RecordKind.CONTACT, "K1", "Quentin", "2001-05-06");
    Scorer.Score household = scorer.score(son, mother);
    for (Evidence e : household.evidence()) {
      if (e.field().equals("phone") || e.field().equals("street")) {
        assertEquals("exact", e.comparison(), "the evidence still says what agrees");
        assertEquals(0.0, e.weight(), "a shared landline or home is a household's");
      }
    }
    assertTrue(household.bits() < 0, "another given name and birthday: not the same person");
    // a keyboard slip in the given name keeps the home as evidence
    Person typo = person(dev.dualcheck.store.RecordKind.CONTACT, "K2", "Mrgot", "1970-01-02");
    Scorer.Score same = scorer.score(typo, mother);
    assertTrue(same.bits() > household.bits() + 20, "phone and address count for the same person");
  }

  @Test
  void addressesWithTyposAgreeInPart() {
    List<String> street = NameKeys.tokens("61 Biffin Street");
    assertEquals("similar", Scorer.street(NameKeys.tokens("61 Biffin Sreet"), street));
    assertEquals("partial", Scorer.street(NameKeys.tokens("16 Biffin Street"), street));
    assertEquals(
        "exact",
        Scorer.street(
            NameKeys.tokens("Flat 2 61 Biffin Street"),
            NameKeys.tokens("61 Biffin Street Flat 2")));
    assertEquals("different", Scorer.street(NameKeys.tokens("61 Elm Road"), street));
    // spaces slipped: the same street at the same number, or at another
    assertEquals(
        "similar",
        Scorer.street(
            NameKeys.tokens("308 solly place fai rawy"),
            NameKeys.tokens("308 solly place fairway")));
    assertEquals(
        "partial",
        Scorer.street(
            NameKeys.tokens("2 lambrig gstreet flt 67"),
            NameKeys.tokens("2 lambrigg street flt 167")));
    assertEquals(
        "partial",
        Scorer.street(NameKeys.tokens("14 Oak Street"), NameKeys.tokens("12 Oak Street")));
    assertEquals(
        "different",
        Scorer.street(NameKeys.tokens("14 Oak Street"), NameKeys.tokens("14 Elm Street")));
    assertEquals("transposed", Scorer.postal("3082", "3802"));
    assertEquals("different", Scorer.postal("40174", "40177"));
    assertEquals("exact", Scorer.postal("40174", "40174"));
    assertEquals("exact", Scorer.city("moona hwest", "moonah west"));
    assertEquals("similar", Scorer.city("doubelview", "doubleview"));
    assertEquals("different", Scorer.city("perth", "penrith"));
  }

  @Test
  void swappedNamesAreRecognisedAndWeighed() throws Exception {
    Scorer scorer = new Scorer(Weights.defaults(), "US", (token, family) -> new int[] {1, 1000});
    Person contact =
        new Person(
            new dev.dualcheck.store.ClinicRecord(
                dev.dualcheck.store.RecordKind.CONTACT,
                "K1",
                java.util.Map.of("given_name", "Adamczik", "family_name", "Johanna")));
    Person client =
        new Person(
            new dev.dualcheck.store.ClinicRecord(
                dev.dualcheck.store.RecordKind.CLIENT,
                "C1",
                java.util.Map.of("given_name", "Johanna", "family_name", "Adamczyk")));
    Scorer.Score score = scorer.scoreNames(contact, client);
    assertEquals("swapped", score.evidence().get(0).comparison());
    assertEquals("spelling", score.evidence().get(1).comparison()); // i and y
    assertEquals("Johanna", score.evidence().get(0).contactValue());
    assertTrue(score.bits() > 0, "swapped names count for a match");
  }

  @Test
  void middleNames() {
    assertEquals("exact", NameComparison.middle(List.of("marie"), List.of("marie")));
    assertEquals("initial", NameComparison.middle(List.of("m"), List.of("marie")));
    assertEquals("different", NameComparison.middle(List.of("rose"), List.of("marie")));
    assertEquals("missing", NameComparison.middle(List.of(), List.of("marie")));
  }

  @Test
  void turkishLocaleDoesNotChangeFolding() {
    // the build runs unit tests under tr_TR, where "I".toLowerCase() is a dotless i
    assertEquals("ingrid isik", NameKeys.fold("INGRID IŞIK"));
  }

  @Test
  void datesByLevel() {
    assertEquals("exact", date("1980-03-07", "1980-03-07"));
    assertEquals("swapped", date("1980-03-07", "1980-07-03"));
    assertEquals("typo", date("1980-03-07", "1980-03-08"));
    assertEquals("typo", date("1980-03-17", "1980-03-27"));
    assertEquals("typo", date("1980-03-07", "1989-03-07"));
    assertEquals("typo", date("1984-12-01", "1948-12-01"));
    assertEquals("year_month", date("1980-03-07", "1980-03-21"));
    assertEquals("year_day", date("1980-03-07", "1980-11-07"));
    assertEquals("month_day", date("1980-03-07", "1957-03-07"));
    assertEquals("partial_month", date("1980-03-07", "1980-03"));
    assertEquals("partial_year", date("1980-03-07", "1980"));
    assertEquals("partial_year", date("1980", "1980"));
    assertEquals("different", date("1980-03-07", "1981-03"));
    // a year alone from a stated age is often a year out: no evidence against
    assertEquals("partial_adjacent", date("1980-03-07", "1981"));
    assertEquals("partial_adjacent", date("1979", "1980"));
    assertEquals("different", date("1980-03-07", "1982"));
    assertTrue(Weights.defaults().bits("dob", "partial_adjacent") > -1);
    assertEquals("different", date("1980-03-07", "1975-11-23"));
    assertEquals("missing", date("1980-03-07", ""));
    assertNull(DateValue.parse("1980-13-01"));
    assertNull(DateValue.parse("next tuesday"));
  }

  @Test
  void phonesAcrossFormatsAndRegions() {
    assertEquals("+12025550143", Phones.e164("(202) 555-0143", "US"));
    assertEquals("+442079460958", Phones.e164("0044 20 7946 0958", "US"));
    assertEquals("+442079460958", Phones.e164("+44 20 7946 0958", "US"));
    assertEquals("+442079460958", Phones.e164("020 7946 0958", "GB"));
    assertEquals("exact", Phones.compare("0044 20 7946 0958", "+44 (20) 7946-0958", "US"));
    assertEquals("exact", Phones.compare("202.555.0143", "+1 202 555 0143", "US"));
    // the same local number under another country code: only the tail agrees
    assertEquals("partial", Phones.compare("+1 202 555 0143", "+44 202 555 0143", "US"));
    assertEquals("different", Phones.compare("202 555 0143", "202 555 0199", "US"));
    assertEquals("missing", Phones.compare("", "202 555 0199", "US"));
    assertEquals("", Phones.e164("12", "US"));
  }

  @Test
  void emailsCanonical() {
    assertEquals("anna@example.org", ContactKeys.email(" Anna+intake@Example.ORG "));
    assertEquals("annakowalska@gmail.com", ContactKeys.email("anna.kowalska+x@googlemail.com"));
    assertEquals("anna.kowalska@example.org", ContactKeys.email("anna.kowalska@example.org"));
    assertEquals("", ContactKeys.email("not an address"));
    assertEquals("exact", Scorer.email("anna@example.org", "anna@example.org"));
    assertEquals("partial", Scorer.email("annak@example.org", "annak@example.net"));
    assertEquals("different", Scorer.email("anna@example.org", "bert@example.org"));
  }

  @Test
  void referralNamesFromFreeText() {
    assertArrayEqualsNames(new String[] {"Bill", "", "Turner"}, ReferralNames.parse("Bill Turner"));
    assertArrayEqualsNames(
        new String[] {"William", "", "Turner"}, ReferralNames.parse("Turner, William"));
    assertArrayEqualsNames(
        new String[] {"Maria", "", "Gonzalez"}, ReferralNames.parse("Dr. Maria Gonzalez"));
    assertArrayEqualsNames(
        new String[] {"Anna", "", "Kowalska"},
        ReferralNames.parse("referred by her sister Anna Kowalska"));
    assertArrayEqualsNames(
        new String[] {"Anna", "", "van der Berg"}, ReferralNames.parse("Anna van der Berg"));
    assertArrayEqualsNames(
        new String[] {"Stephanie", "", "THOMPSON"}, ReferralNames.parse("THOMPSON Stephanie"));
    assertArrayEqualsNames(
        new String[] {"Hương", "", "HOÀNG"}, ReferralNames.parse("referred by HOÀNG Hương"));
    assertArrayEqualsNames(
        new String[] {"Anna", "Maria", "KOWALSKA"}, ReferralNames.parse("Anna Maria KOWALSKA"));
    // all in capitals: no word stands out, the usual order holds
    assertArrayEqualsNames(
        new String[] {"ANNA", "", "KOWALSKA"}, ReferralNames.parse("ANNA KOWALSKA"));
    assertArrayEqualsNames(
        new String[] {"AR", "", "Al-Khatib"}, ReferralNames.parse("friend, AR Al-Khatib"));
    assertNull(ReferralNames.parse("self"));
    assertNull(ReferralNames.parse(""));
  }

  private static void assertArrayEqualsNames(String[] expected, String[] actual) {
    assertTrue(actual != null, "no name parsed");
    assertEquals(List.of(expected), List.of(actual));
  }
}
