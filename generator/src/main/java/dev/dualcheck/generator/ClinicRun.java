package dev.dualcheck.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVPrinter;

/**
 * One generation: staff and ties first (small, kept), then clients with their associates and notes
 * streamed in one pass, then the contacts derived from what the pass captured.
 */
final class ClinicRun {
  private static final LocalDate FIRST_INTAKE = LocalDate.of(2005, 1, 3);
  private static final String CLINIC = "Fairview Counselling Centre";
  private static final String[] TIE_RELATIONS = {
    "friend",
    "neighbour",
    "sibling",
    "cousin",
    "partner",
    "ex-partner",
    "parent",
    "in-law",
    "book club member",
    "child's teacher",
    "landlord",
    "gym partner"
  };
  private static final String[] ADULT_RELATIONS = {
    "partner",
    "spouse",
    "parent",
    "sibling",
    "child",
    "ex-partner",
    "friend",
    "emergency contact",
    "coworker",
    "supervisor"
  };
  private static final String[] MINOR_RELATIONS = {"parent", "parent", "guardian", "sibling"};
  private static final String[] MENTION_RELATIONS = {
    "supervisor", "coworker", "neighbour", "friend", "ex-partner", "sibling"
  };
  private static final String[] NOTE_ONLY_RELATIONS = {
    "supervisor", "coworker", "neighbour", "friend", "ex-partner", "partner", "sibling", "parent"
  };

  /** What a client index was picked for, before the pass; the slot indexes the capture arrays. */
  private enum Role {
    IDENTITY,
    REFERRAL,
    ASSOCIATE,
    MENTION,
    NAMESAKE,
    HOUSEHOLD
  }

  private record Tie(int staff, String relation, Person truth) {}

  private record Draft(
      String kind, Person person, String referredBy, String forClinician, List<String[]> truth) {}

  private final SplittableRandom rnd;
  private final Population pop;
  private final Noise noise;
  private final Notes notes;
  private final Path dir;
  private final int clients;
  private final int staffCount;
  private final double notesMean;
  private final double associatesMean;
  private final Plan plan;

  private final List<Person> staff = new ArrayList<>();
  private final List<String> roles = new ArrayList<>();
  private int[] clinicians;
  private int[] therapists;
  private int[] authors;
  private final List<Tie> ties = new ArrayList<>();

  private final Map<Integer, List<int[]>> planned = new HashMap<>();
  private final int namesakes;
  private final int households;

  // captured during the client pass, indexed by slot
  private final Person[] identitySource;
  private final String[] identityId;
  private final int[] identityClinician;
  private final Person[] referralSource;
  private final String[] referralId;
  private final Person[] associateSource;
  private final String[] associateClient;
  private final boolean[] associateNamed;
  private final Person[] mentionSource;
  private final String[] mentionClient;
  private final Person[] namesakeSource;
  private final Person[] householdSource;

  private int associateRows;
  private int noteRows;

  ClinicRun(
      long seed,
      Path dir,
      int clients,
      int staffCount,
      double notesMean,
      double associatesMean,
      Plan plan) {
    this.rnd = new SplittableRandom(seed);
    this.pop = new Population(rnd);
    this.noise = new Noise(pop);
    this.notes = new Notes(pop, noise);
    this.dir = dir;
    this.clients = clients;
    this.staffCount = staffCount;
    this.notesMean = notesMean;
    this.associatesMean = associatesMean;
    this.plan = plan;
    this.namesakes =
        plan.strangers() == 0 ? 0 : Math.max(1, (int) Math.round(plan.strangers() * 0.25));
    this.households = Math.min(plan.strangers() - namesakes, plan.strangers() / 20);
    identitySource = new Person[plan.identity()];
    identityId = new String[plan.identity()];
    identityClinician = new int[plan.identity()];
    referralSource = new Person[plan.referralSource()];
    referralId = new String[plan.referralSource()];
    associateSource = new Person[plan.associate()];
    associateClient = new String[plan.associate()];
    associateNamed = new boolean[plan.associate()];
    mentionSource = new Person[plan.noteMention()];
    mentionClient = new String[plan.noteMention()];
    namesakeSource = new Person[namesakes];
    householdSource = new Person[households];
  }

  GeneratedClinic write() throws IOException {
    pickClients(Role.IDENTITY, plan.identity());
    pickClients(Role.REFERRAL, plan.referralSource());
    pickClients(Role.ASSOCIATE, plan.associate());
    pickClients(Role.MENTION, plan.noteMention());
    pickClients(Role.NAMESAKE, namesakes);
    pickClients(Role.HOUSEHOLD, households);
    writeStaff();
    writeTies();
    writeClients();
    List<Draft> drafts = drafts();
    for (int i = drafts.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      Draft t = drafts.get(i);
      drafts.set(i, drafts.get(j));
      drafts.set(j, t);
    }
    int planted = writeContacts(drafts);
    return new GeneratedClinic(
        dir, clients, associateRows, noteRows, staff.size(), ties.size(), drafts.size(), planted);
  }

  private void pickClients(Role role, int count) {
    for (int slot = 0; slot < count; slot++) {
      int client = rnd.nextInt(clients);
      planned.computeIfAbsent(client, k -> new ArrayList<>()).add(new int[] {role.ordinal(), slot});
    }
  }

  // ---- staff and ties

  private void writeStaff() throws IOException {
    for (int i = 0; i < staffCount; i++) {
      String role;
      if (i == 0 && staffCount >= 3) {
        role = "director";
      } else {
        int r = rnd.nextInt(100);
        role = r < 15 ? "admin" : r < 27 ? "intern" : "clinician";
      }
      roles.add(role);
      Person p = pop.person(24, 68);
      if (p.given.isEmpty() || p.family.isEmpty()) {
        p = pop.person(24, 68);
      }
      p.employer = CLINIC;
      p.email =
          Text.emailPart(p.given)
              + "."
              + Text.emailPart(p.family)
              + (i % 7 == 3 ? Integer.toString(i) : "")
              + "@fairviewcounselling.example";
      staff.add(p);
    }
    if (!roles.contains("clinician")) {
      roles.set(staffCount - 1, "clinician");
    }
    clinicians = indicesOf("clinician");
    therapists = indicesOf("clinician", "director");
    authors = indicesOf("clinician", "director", "intern");
    try (CSVPrinter out = Csv.open(dir.resolve(Csv.STAFF), Csv.STAFF_COLUMNS)) {
      for (int i = 0; i < staff.size(); i++) {
        out.printRecord(Csv.row(staff.get(i), staffId(i), roles.get(i)));
      }
    }
  }

  private int[] indicesOf(String... wanted) {
    List<String> w = Arrays.asList(wanted);
    return java.util.stream.IntStream.range(0, roles.size())
        .filter(i -> w.contains(roles.get(i)))
        .toArray();
  }

  private static String staffId(int index) {
    return Csv.id("S", 4, index + 1L);
  }

  private void writeTies() throws IOException {
    int count = Math.max(2 * therapists.length, plan.therapistTie());
    try (CSVPrinter out = Csv.open(dir.resolve(Csv.TIES), Csv.TIE_COLUMNS)) {
      for (int i = 0; i < count; i++) {
        int owner = therapists[rnd.nextInt(therapists.length)];
        String relation = pop.pick(TIE_RELATIONS);
        Person of = staff.get(owner);
        int age = Population.age(of.birth);
        Person truth =
            switch (relation) {
              case "parent" -> pop.person(age + 18, Math.min(100, age + 40));
              case "sibling", "cousin" -> pop.person(Math.max(16, age - 10), age + 10);
              case "child's teacher" -> pop.person(24, 65);
              default -> pop.person(Math.max(18, age - 15), age + 15);
            };
        if ((relation.equals("sibling") || relation.equals("parent")) && pop.chance(60)) {
          truth.family = of.family;
          truth.culture = of.culture;
        }
        ties.add(new Tie(owner, relation, truth));
        out.printRecord(Csv.row(recorded(truth, 30, 60, 40, 30), staffId(owner), relation));
      }
    }
  }

  /**
   * What a form records about someone who is not the patient: the name, and some of the rest.
   * Percentages are the chances of keeping a full dob, the phone, the e-mail and the address.
   */
  private Person recorded(Person truth, int dob, int phone, int email, int address) {
    Person r = truth.copy();
    int d = rnd.nextInt(100);
    r.dob = d < dob ? truth.dob : d < dob + 15 ? Integer.toString(truth.birth.getYear()) : "";
    if (!pop.chance(phone)) {
      r.phone = "";
    }
    if (!pop.chance(email)) {
      r.email = "";
    }
    if (!pop.chance(address)) {
      r.street = "";
      r.postalCode = "";
      if (pop.chance(50)) {
        r.city = "";
      }
    }
    if (pop.chance(70)) {
      r.employer = "";
    }
    r.formerFamily = "";
    if (pop.chance(20)) {
      r.sex = "";
    }
    return r;
  }

  // ---- the client pass

  private void writeClients() throws IOException {
    try (CSVPrinter clientOut = Csv.open(dir.resolve(Csv.CLIENTS), Csv.CLIENT_COLUMNS);
        CSVPrinter associateOut = Csv.open(dir.resolve(Csv.ASSOCIATES), Csv.ASSOCIATE_COLUMNS);
        CSVPrinter noteOut = Csv.open(dir.resolve(Csv.NOTES), Csv.NOTE_COLUMNS)) {
      for (int i = 0; i < clients; i++) {
        client(i, clientOut, associateOut, noteOut);
      }
    }
  }

  private void client(int index, CSVPrinter clientOut, CSVPrinter associateOut, CSVPrinter noteOut)
      throws IOException {
    List<int[]> why = planned.getOrDefault(index, List.of());
    boolean bossCase = false;
    boolean otherMention = false;
    for (int[] w : why) {
      if (w[0] == Role.MENTION.ordinal()) {
        bossCase |= w[1] == 0;
        otherMention |= w[1] > 0;
      }
    }
    String id = Csv.id("C", 6, index + 1L);

    Person truth;
    if (bossCase) {
      // the classic case: an employed woman whose boss can fire her
      truth = pop.person(Culture.draw(rnd), "F", 24, 58);
      if (truth.employer.isEmpty()) {
        truth.employer = pop.employer();
      }
      if (truth.given.isEmpty() || truth.family.isEmpty()) {
        truth.given = truth.culture.givenName(rnd, true);
        truth.family = truth.culture.familyName(rnd);
      }
    } else {
      truth = pop.person(6, 90);
    }
    Person record = truth.copy();
    int partial = rnd.nextInt(100);
    if (partial < 2) {
      record.dob = truth.dob.substring(0, 7);
    } else if (partial < 3) {
      record.dob = truth.dob.substring(0, 4);
    }
    int clinician = clinicians[rnd.nextInt(clinicians.length)];
    LocalDate earliest = truth.birth.plusYears(4);
    if (earliest.isBefore(FIRST_INTAKE)) {
      earliest = FIRST_INTAKE;
    }
    LocalDate latest = Population.TODAY.minusDays(7);
    LocalDate intake = pop.between(earliest.isAfter(latest) ? latest : earliest, latest);
    LocalDate discharge = null;
    LocalDate firstPossible = intake.plusDays(30);
    if (pop.chance(45) && firstPossible.isBefore(Population.TODAY)) {
      discharge = pop.between(firstPossible, Population.TODAY.minusDays(1));
    }
    clientOut.printRecord(
        Csv.append(
            Csv.row(record, id),
            record.formerFamily,
            staffId(clinician),
            intake.toString(),
            discharge == null ? "" : discharge.toString()));

    // associates
    boolean minor = Population.age(truth.birth) < 18;
    int count = Math.min(10, poisson(associatesMean));
    if (count == 0 && slot(why, Role.ASSOCIATE) >= 0) {
      count = 1;
    }
    List<Notes.Mentioned> people = new ArrayList<>(count + 1);
    for (int a = 0; a < count; a++) {
      String relation = pop.pick(minor ? MINOR_RELATIONS : ADULT_RELATIONS);
      Person assoc = associate(truth, relation);
      people.add(new Notes.Mentioned(assoc, relation));
    }
    Person boss = null;
    if (bossCase) {
      boss = pop.person(Culture.draw(rnd), "M", 38, 64);
      if (boss.given.isEmpty() || boss.family.isEmpty()) {
        boss.given = boss.culture.givenName(rnd, false);
        boss.family = boss.culture.familyName(rnd);
      }
      boss.employer = truth.employer;
      people.add(new Notes.Mentioned(boss, "supervisor"));
    }
    for (Notes.Mentioned m : people) {
      Person r = recorded(m.person(), 45, 80, 40, 40);
      associateOut.printRecord(Csv.row(r, Csv.id("A", 6, ++associateRows), id, m.relation()));
    }

    // notes
    Person planted = null;
    String plantedRelation = null;
    if (otherMention) {
      plantedRelation = pop.pick(MENTION_RELATIONS);
      planted = pop.person(18, 75);
      if (planted.given.isEmpty() || planted.family.isEmpty()) {
        planted.given = planted.culture.givenName(rnd, planted.female());
        planted.family = planted.culture.familyName(rnd);
      }
      if (plantedRelation.equals("sibling") && !truth.family.isEmpty()) {
        planted.family = truth.family;
      }
    }
    int n = poisson(notesMean);
    if (planted != null && n == 0) {
      n = 1;
    }
    List<String> fixed = boss == null ? List.of() : notes.bossNotes(boss);
    int total = n + fixed.size();
    LocalDate end = discharge == null ? Population.TODAY : discharge;
    LocalDate[] dates = new LocalDate[total];
    for (int k = 0; k < total; k++) {
      dates[k] = pop.between(intake, end);
    }
    Arrays.sort(dates);
    int plantedAt = planted == null ? -1 : rnd.nextInt(n);
    int fixedFrom = total - fixed.size() == 0 ? 0 : rnd.nextInt(total - fixed.size() + 1);
    boolean[] namedWithSurname = new boolean[people.size()];
    boolean[] flag = new boolean[1];
    int generic = 0;
    for (int k = 0; k < total; k++) {
      String text;
      int f = k - fixedFrom;
      if (f >= 0 && f < fixed.size()) {
        text = fixed.get(f);
      } else {
        Notes.Mentioned subject = null;
        int who = -1;
        boolean require = false;
        if (generic == plantedAt) {
          subject = new Notes.Mentioned(planted, plantedRelation);
          require = true;
        } else if (pop.chance(30)) {
          if (!people.isEmpty() && pop.chance(60)) {
            who = rnd.nextInt(people.size());
            subject = people.get(who);
          } else {
            String rel = pop.pick(NOTE_ONLY_RELATIONS);
            subject = new Notes.Mentioned(pop.namedOnly(""), rel);
          }
        }
        flag[0] = false;
        text = notes.note(truth, k + 1, subject, require, flag);
        if (who >= 0 && flag[0]) {
          namedWithSurname[who] = true;
        }
        generic++;
      }
      int author = pop.chance(85) ? clinician : authors[rnd.nextInt(authors.length)];
      noteOut.printRecord(
          Csv.id("N", 7, ++noteRows), id, staffId(author), dates[k].toString(), text);
    }
    if (boss != null) {
      namedWithSurname[people.size() - 1] = true;
    }

    capture(why, id, truth, record, clinician, people, namedWithSurname, planted, boss);
  }

  private Person associate(Person client, String relation) {
    int clientAge = Population.age(client.birth);
    Person a =
        switch (relation) {
          case "parent", "guardian" ->
              pop.person(Math.min(90, clientAge + 18), Math.min(95, clientAge + 45));
          case "child" -> pop.person(Math.max(0, clientAge - 45), Math.max(1, clientAge - 18));
          case "sibling" -> pop.person(Math.max(1, clientAge - 8), clientAge + 8);
          default -> pop.person(Math.max(18, clientAge - 15), Math.max(19, clientAge + 15));
        };
    boolean family =
        switch (relation) {
          case "parent", "child", "sibling", "guardian" -> pop.chance(75);
          case "spouse" -> pop.chance(60);
          default -> false;
        };
    if (family && !client.family.isEmpty()) {
      a.culture = client.culture;
      String maiden = client.formerFamily.split(";")[0];
      boolean birthFamily = relation.equals("parent") || relation.equals("sibling");
      a.family = birthFamily && !maiden.isEmpty() ? maiden : client.family;
      a.family = Population.gendered(a.family, a.culture, a.female());
    }
    boolean household =
        switch (relation) {
          case "partner", "spouse" -> pop.chance(80);
          case "parent", "guardian" -> clientAge < 18 || pop.chance(20);
          case "child" -> pop.chance(50);
          default -> false;
        };
    if (household) {
      a.street = client.street;
      a.city = client.city;
      a.postalCode = client.postalCode;
    }
    return a;
  }

  private void capture(
      List<int[]> why,
      String id,
      Person truth,
      Person record,
      int clinician,
      List<Notes.Mentioned> people,
      boolean[] named,
      Person planted,
      Person boss) {
    for (int[] w : why) {
      int slot = w[1];
      switch (Role.values()[w[0]]) {
        case IDENTITY -> {
          identitySource[slot] = truth;
          identityId[slot] = id;
          identityClinician[slot] = clinician;
        }
        case REFERRAL -> {
          referralSource[slot] = record;
          referralId[slot] = id;
        }
        case ASSOCIATE -> {
          // the boss is kept for the classic case; the others are fair game
          int choices = boss == null ? people.size() : people.size() - 1;
          int a = choices == 0 ? 0 : rnd.nextInt(choices);
          associateSource[slot] = people.get(a).person();
          associateClient[slot] = id;
          associateNamed[slot] = named[a];
        }
        case MENTION -> {
          mentionSource[slot] = slot == 0 ? boss : planted;
          mentionClient[slot] = id;
        }
        case NAMESAKE -> namesakeSource[slot] = record;
        case HOUSEHOLD -> householdSource[slot] = record;
      }
    }
  }

  private static int slot(List<int[]> why, Role role) {
    for (int[] w : why) {
      if (w[0] == role.ordinal()) {
        return w[1];
      }
    }
    return -1;
  }

  private int poisson(double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * rnd.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    int k = 0;
    double p = rnd.nextDouble();
    while (p > limit) {
      k++;
      p *= rnd.nextDouble();
    }
    return k;
  }

  // ---- contacts

  private List<Draft> drafts() {
    List<Draft> d = new ArrayList<>(plan.total());
    for (int s = 0; s < plan.identity(); s++) {
      Person p = noise.variant(identitySource[s], pop.chance(25));
      int r = rnd.nextInt(100);
      if (r < 70) {
        d.add(draft("intake", p, "", "", "identity", identityId[s]));
      } else if (r < 85) {
        // a therapist meets a former client socially, often their own
        int c = pop.chance(50) ? identityClinician[s] : therapists[rnd.nextInt(therapists.length)];
        d.add(draft("acquaintance", p, "", staffId(c), "identity", identityId[s]));
      } else if (r < 95) {
        d.add(draft("referral", p, outsideReferrer(), "", "identity", identityId[s]));
      } else {
        d.add(draft("hire", p, "", "", "identity", identityId[s]));
      }
    }
    for (int s = 0; s < plan.associate(); s++) {
      Person p = noise.variant(associateSource[s], pop.chance(25));
      Draft draft =
          pop.chance(80)
              ? draft("intake", p, "", "", "associate", associateClient[s])
              : draft("acquaintance", p, "", randomTherapist(), "associate", associateClient[s]);
      if (associateNamed[s]) {
        draft.truth().add(new String[] {"note_mention", associateClient[s]});
      }
      d.add(draft);
    }
    for (int s = 0; s < plan.noteMention(); s++) {
      if (s == 0) {
        // the boss asks to become a client; he is her associate too
        Person p = noise.variant(mentionSource[0], false);
        Draft draft = draft("intake", p, "", "", "associate", mentionClient[0]);
        draft.truth().add(0, new String[] {"note_mention", mentionClient[0]});
        d.add(draft);
        continue;
      }
      Person p = noise.variant(mentionSource[s], pop.chance(25));
      int r = rnd.nextInt(100);
      String kind = r < 75 ? "intake" : r < 90 ? "acquaintance" : "hire";
      String forClinician = kind.equals("acquaintance") ? randomTherapist() : "";
      d.add(draft(kind, p, "", forClinician, "note_mention", mentionClient[s]));
    }
    for (int s = 0; s < plan.staff(); s++) {
      int who = rnd.nextInt(staff.size());
      Person p = noise.variant(staff.get(who), pop.chance(25));
      d.add(draft("hire", p, "", "", "staff", staffId(who)));
    }
    for (int s = 0; s < plan.therapistTie(); s++) {
      Tie tie = ties.get(s);
      Person p = noise.variant(tie.truth(), pop.chance(25));
      d.add(
          draft(
              "acquaintance", p, "", staffId(tie.staff()), "therapist_tie", staffId(tie.staff())));
    }
    for (int s = 0; s < plan.referralSource(); s++) {
      Person p = pop.person(6, 85);
      String by = noise.referredBy(referralSource[s]);
      d.add(draft("referral", p, by, "", "referral_source", referralId[s]));
    }
    for (int s = 0; s < namesakes; s++) {
      d.add(draft("intake", namesake(namesakeSource[s]), "", "", null, null));
    }
    for (int s = 0; s < households; s++) {
      d.add(draft("intake", household(householdSource[s]), "", "", null, null));
    }
    for (int s = namesakes + households; s < plan.strangers(); s++) {
      Person p = pop.person(6, 85);
      int r = rnd.nextInt(100);
      if (r < 60) {
        d.add(draft("intake", p, "", "", null, null));
      } else if (r < 75) {
        d.add(draft("referral", p, outsideReferrer(), "", null, null));
      } else if (r < 90) {
        d.add(draft("acquaintance", p, "", randomTherapist(), null, null));
      } else {
        d.add(draft("hire", p, "", "", null, null));
      }
    }
    return d;
  }

  private static Draft draft(
      String kind, Person p, String referredBy, String forClinician, String type, String ref) {
    List<String[]> truth = new ArrayList<>(2);
    if (type != null) {
      truth.add(new String[] {type, ref});
    }
    return new Draft(kind, p, referredBy, forClinician, truth);
  }

  private String randomTherapist() {
    return staffId(therapists[rnd.nextInt(therapists.length)]);
  }

  /** Somebody outside the clinic's records: a GP, a school, an employee assistance programme. */
  private String outsideReferrer() {
    Person p = pop.namedOnly("");
    return switch (rnd.nextInt(6)) {
      case 0 -> "Dr. " + p.displayName() + ", GP";
      case 1 -> "self";
      case 2 -> "";
      case 3 -> "EAP, " + pop.employer();
      case 4 -> "school counsellor " + p.displayName();
      default -> p.displayName();
    };
  }

  /** Same name as a client, a different person: other birth date, town, phone and e-mail. */
  private Person namesake(Person client) {
    Person p = pop.person(client.culture, client.sex, 6, 90);
    for (int tries = 0;
        tries < 5
            && client.birth != null
            && Math.abs(p.birth.getYear() - client.birth.getYear()) < 3;
        tries++) {
      p.birth = pop.birthDate(6, 90);
    }
    p.dob = pop.chance(85) ? p.birth.toString() : "";
    p.given = client.given;
    p.family = client.family;
    p.middle = pop.chance(50) ? client.middle : "";
    for (int tries = 0; tries < 5 && p.city.equals(client.city); tries++) {
      pop.address(p);
    }
    p.email = pop.chance(75) ? pop.email(p) : "";
    return p;
  }

  /** Same family name and address as a client: a relative nobody recorded, not the client. */
  private Person household(Person client) {
    Person p = pop.person(client.culture, rnd.nextBoolean() ? "F" : "M", 6, 85);
    p.family = client.family.isEmpty() ? p.family : client.family;
    if (p.given.equals(client.given)) {
      p.given = client.culture.givenName(rnd, p.female());
    }
    p.street = client.street;
    p.city = client.city;
    p.postalCode = client.postalCode;
    return p;
  }

  private int writeContacts(List<Draft> drafts) throws IOException {
    int planted = 0;
    try (CSVPrinter contactOut = Csv.open(dir.resolve(Csv.CONTACTS), Csv.CONTACT_COLUMNS);
        CSVPrinter truthOut = Csv.open(dir.resolve(Csv.TRUTH), Csv.TRUTH_COLUMNS)) {
      for (int i = 0; i < drafts.size(); i++) {
        Draft draft = drafts.get(i);
        String id = Csv.id("K", 6, i + 1L);
        contactOut.printRecord(
            Csv.append(
                Csv.row(draft.person(), id, draft.kind()),
                draft.referredBy(),
                draft.forClinician()));
        if (draft.truth().isEmpty()) {
          truthOut.printRecord(id, "", "");
        }
        for (String[] t : draft.truth()) {
          truthOut.printRecord(id, t[0], t[1]);
          planted++;
        }
      }
    }
    return planted;
  }
}
