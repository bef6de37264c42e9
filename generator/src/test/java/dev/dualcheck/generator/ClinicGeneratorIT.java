package dev.dualcheck.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClinicGeneratorIT {
  private static final int CLIENTS = 3000;
  private static final int CONTACTS = 1500;
  private static final Pattern DATE =
      Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?");
  private static final Set<String> TYPES =
      Set.of("identity", "associate", "note_mention", "staff", "therapist_tie", "referral_source");

  @TempDir static Path dir;
  static GeneratedClinic clinic;
  static Map<String, List<CSVRecord>> files = new HashMap<>();

  @BeforeAll
  static void generate() throws IOException {
    clinic = new ClinicGenerator(20261128L).clients(CLIENTS).contacts(CONTACTS).writeTo(dir);
    for (String name : Csv.FILES) {
      files.put(name, read(clinic.file(name)));
    }
  }

  private static List<CSVRecord> read(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVParser.parse(
                in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return parser.getRecords();
    }
  }

  private static List<String> header(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVParser.parse(
                in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return parser.getHeaderNames();
    }
  }

  private static Map<String, CSVRecord> byId(String file, String column) {
    Map<String, CSVRecord> map = new LinkedHashMap<>();
    for (CSVRecord r : files.get(file)) {
      map.put(r.get(column), r);
    }
    return map;
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherBytes(@TempDir Path a, @TempDir Path b, @TempDir Path c)
      throws IOException {
    new ClinicGenerator(5).clients(400).contacts(120).writeTo(a);
    new ClinicGenerator(5).clients(400).contacts(120).writeTo(b);
    new ClinicGenerator(6).clients(400).contacts(120).writeTo(c);
    for (String name : Csv.FILES) {
      assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)));
    }
    for (String name : List.of(Csv.CLIENTS, Csv.NOTES, Csv.CONTACTS, Csv.TRUTH)) {
      assertFalse(
          Arrays.equals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(c.resolve(name))),
          name + " is the same for another seed");
    }
  }

  @Test
  void everyFileHasTheContractHeaderAndFullRows() throws IOException {
    Map<String, List<String>> contract =
        Map.of(
            Csv.CLIENTS,
                List.of(
                    "client_id",
                    "given_name",
                    "middle_name",
                    "family_name",
                    "dob",
                    "sex",
                    "phone",
                    "email",
                    "street",
                    "city",
                    "postal_code",
                    "employer",
                    "former_family_names",
                    "clinician_id",
                    "intake_date",
                    "discharge_date"),
            Csv.ASSOCIATES,
                List.of(
                    "associate_id",
                    "client_id",
                    "relation",
                    "given_name",
                    "middle_name",
                    "family_name",
                    "dob",
                    "sex",
                    "phone",
                    "email",
                    "street",
                    "city",
                    "postal_code",
                    "employer"),
            Csv.NOTES, List.of("note_id", "client_id", "author_id", "date", "text"),
            Csv.STAFF,
                List.of(
                    "staff_id",
                    "role",
                    "given_name",
                    "middle_name",
                    "family_name",
                    "dob",
                    "sex",
                    "phone",
                    "email",
                    "street",
                    "city",
                    "postal_code",
                    "employer"),
            Csv.TIES,
                List.of(
                    "staff_id",
                    "relation",
                    "given_name",
                    "middle_name",
                    "family_name",
                    "dob",
                    "sex",
                    "phone",
                    "email",
                    "street",
                    "city",
                    "postal_code",
                    "employer"),
            Csv.CONTACTS,
                List.of(
                    "contact_id",
                    "kind",
                    "given_name",
                    "middle_name",
                    "family_name",
                    "dob",
                    "sex",
                    "phone",
                    "email",
                    "street",
                    "city",
                    "postal_code",
                    "employer",
                    "referred_by",
                    "for_clinician"),
            Csv.TRUTH, List.of("contact_id", "type", "ref"));
    assertEquals(Set.copyOf(Csv.FILES), contract.keySet());
    for (var e : contract.entrySet()) {
      assertEquals(e.getValue(), header(clinic.file(e.getKey())), e.getKey());
      for (CSVRecord r : files.get(e.getKey())) {
        assertEquals(e.getValue().size(), r.size(), e.getKey() + " line " + r.getRecordNumber());
      }
    }
    assertEquals(CLIENTS, files.get(Csv.CLIENTS).size());
    assertEquals(clinic.associates(), files.get(Csv.ASSOCIATES).size());
    assertEquals(clinic.notes(), files.get(Csv.NOTES).size());
    assertEquals(clinic.staff(), files.get(Csv.STAFF).size());
    assertEquals(clinic.ties(), files.get(Csv.TIES).size());
    assertEquals(CONTACTS, files.get(Csv.CONTACTS).size());
    assertEquals(Math.max(8, CLIENTS / 100), clinic.staff());
    assertTrue(clinic.notes() > 2 * CLIENTS && clinic.notes() < 4 * CLIENTS, "" + clinic.notes());
    assertTrue(clinic.associates() > CLIENTS / 2, "" + clinic.associates());
    assertThrows(IllegalArgumentException.class, () -> clinic.file("other.csv"));
  }

  @Test
  void idsAreZeroPaddedUniqueAndEveryReferenceResolves() {
    Map<String, CSVRecord> clients = byId(Csv.CLIENTS, "client_id");
    Map<String, CSVRecord> staff = byId(Csv.STAFF, "staff_id");
    assertEquals(CLIENTS, clients.size());
    assertTrue(clients.keySet().stream().allMatch(id -> id.matches("C\\d{6}")));
    assertTrue(staff.keySet().stream().allMatch(id -> id.matches("S\\d{4}")));
    assertEquals(clinic.associates(), byId(Csv.ASSOCIATES, "associate_id").size());
    assertEquals(clinic.notes(), byId(Csv.NOTES, "note_id").size());
    assertTrue(
        byId(Csv.ASSOCIATES, "associate_id").keySet().stream()
            .allMatch(id -> id.matches("A\\d{6}")));
    assertTrue(byId(Csv.NOTES, "note_id").keySet().stream().allMatch(id -> id.matches("N\\d{7}")));
    assertTrue(
        byId(Csv.CONTACTS, "contact_id").keySet().stream().allMatch(id -> id.matches("K\\d{6}")));
    Set<String> roles = staff.values().stream().map(r -> r.get("role")).collect(Collectors.toSet());
    assertEquals(Set.of("clinician", "director", "admin", "intern"), roles);
    for (CSVRecord c : clients.values()) {
      assertEquals("clinician", staff.get(c.get("clinician_id")).get("role"), c.get("client_id"));
    }
    for (CSVRecord a : files.get(Csv.ASSOCIATES)) {
      assertTrue(clients.containsKey(a.get("client_id")));
    }
    for (CSVRecord n : files.get(Csv.NOTES)) {
      assertTrue(clients.containsKey(n.get("client_id")));
      assertTrue(staff.containsKey(n.get("author_id")));
    }
    for (CSVRecord t : files.get(Csv.TIES)) {
      assertTrue(staff.containsKey(t.get("staff_id")));
    }
    for (CSVRecord k : files.get(Csv.CONTACTS)) {
      String kind = k.get("kind");
      assertTrue(Set.of("intake", "referral", "acquaintance", "hire").contains(kind), kind);
      String forClinician = k.get("for_clinician");
      assertEquals(kind.equals("acquaintance"), !forClinician.isEmpty(), k.get("contact_id"));
      assertTrue(forClinician.isEmpty() || staff.containsKey(forClinician));
    }
  }

  @Test
  void everyPersonHasAName() {
    for (String file : List.of(Csv.CLIENTS, Csv.ASSOCIATES, Csv.STAFF, Csv.TIES, Csv.CONTACTS)) {
      for (CSVRecord r : files.get(file)) {
        assertFalse(
            r.get("given_name").isEmpty() && r.get("family_name").isEmpty(),
            file + " line " + r.getRecordNumber());
      }
    }
  }

  @Test
  void truthCoversEveryContactWithValidRefs() {
    Map<String, CSVRecord> clients = byId(Csv.CLIENTS, "client_id");
    Map<String, CSVRecord> staff = byId(Csv.STAFF, "staff_id");
    Set<String> contacts = byId(Csv.CONTACTS, "contact_id").keySet();
    Set<String> covered = new HashSet<>();
    int planted = 0;
    for (CSVRecord t : files.get(Csv.TRUTH)) {
      String id = t.get("contact_id");
      assertTrue(contacts.contains(id), id);
      covered.add(id);
      String type = t.get("type");
      String ref = t.get("ref");
      if (type.isEmpty()) {
        assertEquals("", ref);
        continue;
      }
      planted++;
      assertTrue(TYPES.contains(type), type);
      boolean staffRef = type.equals("staff") || type.equals("therapist_tie");
      assertTrue(staffRef ? staff.containsKey(ref) : clients.containsKey(ref), type + " " + ref);
    }
    assertEquals(contacts, covered);
    assertEquals(clinic.plantedConflicts(), planted);
  }

  @Test
  void conflictTypesArePlantedInTheRequestedMix() {
    Plan plan = Plan.of(CONTACTS);
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Integer> kinds = new HashMap<>();
    Map<String, CSVRecord> contacts = byId(Csv.CONTACTS, "contact_id");
    Map<String, List<String>> typesOf = typesByContact();
    for (var e : typesOf.entrySet()) {
      for (String type : e.getValue()) {
        counts.merge(type, 1, Integer::sum);
      }
      String primary = e.getValue().isEmpty() ? "" : e.getValue().get(0);
      kinds.merge(primary + ":" + contacts.get(e.getKey()).get("kind"), 1, Integer::sum);
    }
    assertEquals(plan.strangers(), typesOf.values().stream().filter(List::isEmpty).count());
    assertEquals(plan.identity(), counts.get("identity"));
    assertEquals(plan.staff(), counts.get("staff"));
    assertEquals(plan.therapistTie(), counts.get("therapist_tie"));
    assertEquals(plan.referralSource(), counts.get("referral_source"));
    // associates named in notes count twice, and the boss is both
    assertTrue(counts.get("associate") >= plan.associate() + 1, counts.toString());
    assertTrue(counts.get("note_mention") >= plan.noteMention(), counts.toString());
    assertTrue(counts.get("note_mention") <= plan.noteMention() + plan.associate());
    assertEquals(plan.staff(), kinds.get("staff:hire"));
    assertEquals(plan.therapistTie(), kinds.get("therapist_tie:acquaintance"));
    assertEquals(plan.referralSource(), kinds.get("referral_source:referral"));
  }

  private static Map<String, List<String>> typesByContact() {
    Map<String, List<String>> typesOf = new LinkedHashMap<>();
    for (CSVRecord t : files.get(Csv.TRUTH)) {
      List<String> types = typesOf.computeIfAbsent(t.get("contact_id"), k -> new ArrayList<>());
      if (!t.get("type").isEmpty()) {
        types.add(t.get("type"));
      }
    }
    return typesOf;
  }

  @Test
  void therapistTiesAreDeclaredForTheAskingClinician() {
    Map<String, CSVRecord> contacts = byId(Csv.CONTACTS, "contact_id");
    Set<String> declaredFor =
        files.get(Csv.TIES).stream().map(r -> r.get("staff_id")).collect(Collectors.toSet());
    for (CSVRecord t : files.get(Csv.TRUTH)) {
      if (t.get("type").equals("therapist_tie")) {
        CSVRecord k = contacts.get(t.get("contact_id"));
        assertEquals(t.get("ref"), k.get("for_clinician"));
        assertTrue(declaredFor.contains(t.get("ref")));
      }
    }
  }

  @Test
  void dischargedClientsAreAGoodShareAndArePlanted() {
    Map<String, CSVRecord> clients = byId(Csv.CLIENTS, "client_id");
    long discharged =
        clients.values().stream().filter(c -> !c.get("discharge_date").isEmpty()).count();
    assertTrue(discharged > CLIENTS * 0.3 && discharged < CLIENTS * 0.6, "" + discharged);
    long plantedDischarged =
        files.get(Csv.TRUTH).stream()
            .filter(t -> t.get("type").equals("identity"))
            .filter(t -> !clients.get(t.get("ref")).get("discharge_date").isEmpty())
            .count();
    assertTrue(plantedDischarged >= Plan.of(CONTACTS).identity() / 4, "" + plantedDischarged);
  }

  @Test
  void datesAreIsoOrPartialIsoAndNotesFallInTreatment() {
    for (String file : List.of(Csv.CLIENTS, Csv.ASSOCIATES, Csv.STAFF, Csv.TIES, Csv.CONTACTS)) {
      for (CSVRecord r : files.get(file)) {
        String dob = r.get("dob");
        assertTrue(dob.isEmpty() || DATE.matcher(dob).matches(), file + ": " + dob);
      }
    }
    Map<String, CSVRecord> clients = byId(Csv.CLIENTS, "client_id");
    long partial = 0;
    for (CSVRecord c : clients.values()) {
      LocalDate.parse(c.get("intake_date"));
      partial += c.get("dob").length() < 10 ? 1 : 0;
      if (!c.get("discharge_date").isEmpty()) {
        assertTrue(
            LocalDate.parse(c.get("discharge_date"))
                .isAfter(LocalDate.parse(c.get("intake_date"))));
      }
    }
    assertTrue(partial > 0, "some client dobs are partial");
    for (CSVRecord n : files.get(Csv.NOTES)) {
      CSVRecord c = clients.get(n.get("client_id"));
      LocalDate date = LocalDate.parse(n.get("date"));
      assertFalse(date.isBefore(LocalDate.parse(c.get("intake_date"))), n.get("note_id"));
      String end = c.get("discharge_date");
      assertFalse(!end.isEmpty() && date.isAfter(LocalDate.parse(end)), n.get("note_id"));
    }
    Set<Integer> contactDobShapes =
        files.get(Csv.CONTACTS).stream()
            .map(r -> r.get("dob").length())
            .collect(Collectors.toSet());
    assertEquals(Set.of(0, 4, 7, 10), contactDobShapes);
  }

  @Test
  void theClassicBossCaseIsThere() {
    Map<String, List<String>> typesOf = new LinkedHashMap<>();
    Map<String, String> refOf = new HashMap<>();
    for (CSVRecord t : files.get(Csv.TRUTH)) {
      typesOf.computeIfAbsent(t.get("contact_id"), k -> new ArrayList<>()).add(t.get("type"));
      if (t.get("type").equals("note_mention")) {
        refOf.put(t.get("contact_id"), t.get("ref"));
      }
    }
    Map<String, CSVRecord> contacts = byId(Csv.CONTACTS, "contact_id");
    Map<String, CSVRecord> clients = byId(Csv.CLIENTS, "client_id");
    int found = 0;
    for (var e : typesOf.entrySet()) {
      if (!e.getValue().containsAll(List.of("note_mention", "associate"))) {
        continue;
      }
      String client = refOf.get(e.getKey());
      boolean truthSameClient =
          files.get(Csv.TRUTH).stream()
              .filter(t -> t.get("contact_id").equals(e.getKey()))
              .allMatch(t -> t.get("ref").equals(client));
      List<CSVRecord> bosses =
          files.get(Csv.ASSOCIATES).stream()
              .filter(a -> a.get("client_id").equals(client))
              .filter(a -> a.get("relation").equals("supervisor"))
              .collect(Collectors.toList());
      boolean firingNote =
          files.get(Csv.NOTES).stream()
              .filter(n -> n.get("client_id").equals(client))
              .map(n -> n.get("text"))
              .anyMatch(
                  text ->
                      text.contains("can fire her")
                          && bosses.stream().anyMatch(b -> text.contains(b.get("family_name"))));
      if (truthSameClient
          && firingNote
          && contacts.get(e.getKey()).get("kind").equals("intake")
          && clients.get(client).get("sex").equals("F")) {
        found++;
      }
    }
    assertEquals(1, found);
  }

  @Test
  void namesakeStrangersShareAClientNameButNotTheBirthDate() {
    Map<String, List<CSVRecord>> clientsByName = new HashMap<>();
    for (CSVRecord c : files.get(Csv.CLIENTS)) {
      clientsByName
          .computeIfAbsent(c.get("given_name") + "|" + c.get("family_name"), k -> new ArrayList<>())
          .add(c);
    }
    Map<String, List<String>> typesOf = typesByContact();
    int namesakes = 0;
    for (CSVRecord k : files.get(Csv.CONTACTS)) {
      if (!typesOf.get(k.get("contact_id")).isEmpty()) {
        continue;
      }
      List<CSVRecord> same =
          clientsByName.getOrDefault(k.get("given_name") + "|" + k.get("family_name"), List.of());
      if (!same.isEmpty()
          && !k.get("dob").isEmpty()
          && same.stream().noneMatch(c -> c.get("dob").equals(k.get("dob")))) {
        namesakes++;
      }
    }
    assertTrue(namesakes >= Plan.of(CONTACTS).strangers() / 5, "namesakes: " + namesakes);
  }

  @Test
  void plantedIdentitiesAreNoisyButFindable() {
    Map<String, CSVRecord> clients = byId(Csv.CLIENTS, "client_id");
    Map<String, CSVRecord> contacts = byId(Csv.CONTACTS, "contact_id");
    int total = 0;
    int exactName = 0;
    int exactDob = 0;
    int samePhoneText = 0;
    for (CSVRecord t : files.get(Csv.TRUTH)) {
      if (!t.get("type").equals("identity")) {
        continue;
      }
      total++;
      CSVRecord c = clients.get(t.get("ref"));
      CSVRecord k = contacts.get(t.get("contact_id"));
      if (c.get("given_name").equals(k.get("given_name"))
          && c.get("family_name").equals(k.get("family_name"))) {
        exactName++;
      }
      exactDob += c.get("dob").equals(k.get("dob")) ? 1 : 0;
      samePhoneText += !c.get("phone").isEmpty() && c.get("phone").equals(k.get("phone")) ? 1 : 0;
    }
    assertTrue(exactName > total / 4 && exactName < total * 3 / 4, exactName + "/" + total);
    assertTrue(exactDob > total / 3 && exactDob < total * 9 / 10, exactDob + "/" + total);
    assertTrue(samePhoneText < total / 3, samePhoneText + "/" + total);
  }

  @Test
  void populationIsMulticulturalWithCommonNamesCommon() {
    Map<String, Long> family =
        files.get(Csv.CLIENTS).stream()
            .collect(Collectors.groupingBy(r -> r.get("family_name"), Collectors.counting()));
    long top = family.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    assertTrue(top >= 15 && top <= 150, "most common surname count " + top);
    assertTrue(family.size() > 600, "distinct surnames " + family.size());
    String all =
        files.get(Csv.CLIENTS).stream()
            .map(r -> r.get("given_name") + " " + r.get("family_name"))
            .collect(Collectors.joining(" "));
    for (String mark : List.of("ü", "ł", "ễ", "ő", "ı", "é", "O'", "van ", "Al-", "-")) {
      assertTrue(all.contains(mark), "no name with " + mark);
    }
    assertTrue(
        files.get(Csv.CLIENTS).stream().anyMatch(r -> !r.get("former_family_names").isEmpty()));
  }

  @Test
  void notesQuoteAndBreakLinesAndNameOtherPeople() {
    List<String> texts = files.get(Csv.NOTES).stream().map(r -> r.get("text")).toList();
    assertTrue(texts.stream().anyMatch(t -> t.contains("\n")));
    assertTrue(texts.stream().anyMatch(t -> t.contains("\"")));
    assertTrue(texts.stream().anyMatch(t -> t.contains(",")));
    assertTrue(texts.stream().anyMatch(t -> t.matches("(?s).*\\b[A-Z][a-z]+ [A-Z]\\. [A-Z].*")));
  }

  @Test
  void badSettingsAreRefusedWithTheirName() {
    ClinicGenerator g = new ClinicGenerator(1);
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> g.clients(0))
            .getMessage()
            .startsWith("clients"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> g.contacts(-1))
            .getMessage()
            .startsWith("contacts"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> g.notesPerClient(Double.NaN))
            .getMessage()
            .startsWith("notesPerClient"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> g.staff(0))
            .getMessage()
            .startsWith("staff"));
  }

  @Test
  void tinyClinicStillPlantsTheBoss(@TempDir Path tiny) throws IOException {
    GeneratedClinic c = new ClinicGenerator(9).clients(1).contacts(1).staff(1).writeTo(tiny);
    assertEquals(1, c.contacts());
    assertEquals(2, c.plantedConflicts());
    assertEquals(
        List.of("note_mention", "associate"),
        read(c.file(Csv.TRUTH)).stream().map(r -> r.get("type")).toList());
  }
}
