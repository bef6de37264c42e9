package dev.dualcheck.check;

import dev.dualcheck.index.PersonIndex;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Accuracy of the matching engine against files of known answers: generated clinics (seeds 1..3)
 * and FEBRL 4 (skipped when {@code ../shared/data/febrl} is absent). Prints a table; asserts
 * nothing. Run it with {@code benchmarks/run-accuracy} (builds the classpath; {@code --help}).
 *
 * <p>Arguments: {@code febrl}, {@code clinic} or both (default); {@code -Dfebrl.dir=DIR} overrides
 * the FEBRL folder.
 */
public final class AccuracyReport {

  private AccuracyReport() {}

  public static void main(String[] args) throws Exception {
    List<String> parts = args.length == 0 ? List.of("clinic", "febrl") : List.of(args);
    if (parts.contains("estimate")) {
      estimate(Integer.getInteger("clients", 5000), Integer.getInteger("contacts", 2000));
    }
    if (parts.contains("clinic")) {
      clinics(
          Integer.getInteger("clients", 5000),
          Integer.getInteger("contacts", 2000),
          Integer.getInteger("seeds", 3));
    }
    if (parts.contains("febrl")) {
      febrl(Path.of(System.getProperty("febrl.dir", "../shared/data/febrl")));
    }
  }

  /**
   * Estimates m and u for weights.tsv on generated clinics 1..3: m = level frequencies between
   * contacts and their planted person records (identity, associate, staff, tie), u = level
   * frequencies over the other blocked candidates (harder than random pairs, so u errs high).
   */
  static void estimate(int clients, int contacts) throws Exception {
    Map<String, Map<String, int[]>> counts = new java.util.TreeMap<>();
    int[] pairs = new int[2];
    for (int seed = 1; seed <= 3; seed++) {
      Path dir = Files.createTempDirectory("dualcheck-estimate");
      try (GeneratedClinicIndex clinic =
          GeneratedClinicIndex.generate(seed, clients, contacts, dir)) {
        Scorer scorer =
            new Scorer(
                Weights.defaults(),
                "US",
                (token, family) -> {
                  PersonIndex.NameFrequency f = clinic.index.nameFrequency(token, family);
                  return new int[] {f.documents(), f.total()};
                });
        for (ClinicRecord contact : clinic.contacts) {
          Person person = new Person(contact);
          for (ClinicRecord candidate :
              clinic.index.candidates(
                  contact,
                  java.util.EnumSet.of(
                      RecordKind.CLIENT, RecordKind.ASSOCIATE, RecordKind.STAFF, RecordKind.TIE),
                  30)) {
            boolean match =
                clinic.truth.contains(
                    new GeneratedClinicIndex.Truth(
                        contact.id(),
                        ConflictChecker.typeOf(candidate.kind()),
                        ConflictChecker.refOf(candidate)));
            pairs[match ? 0 : 1]++;
            for (Evidence e : scorer.score(person, new Person(candidate)).evidence()) {
              counts.computeIfAbsent(e.field(), k -> new java.util.TreeMap<>())
                  .computeIfAbsent(e.comparison(), k -> new int[2])[match ? 0 : 1]++;
            }
          }
        }
      } finally {
        try (var files = Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d matching pairs, %d other candidates%n", pairs[0], pairs[1]);
    System.out.printf(Locale.ROOT, "%-12s %-11s %8s %8s%n", "field", "level", "m", "u");
    for (var field : counts.entrySet()) {
      int[] totals = new int[2];
      for (var level : field.getValue().entrySet()) {
        if (!level.getKey().equals("missing")) {
          totals[0] += level.getValue()[0];
          totals[1] += level.getValue()[1];
        }
      }
      for (var level : field.getValue().entrySet()) {
        if (level.getKey().equals("missing")) {
          continue;
        }
        System.out.printf(
            Locale.ROOT,
            "%-12s %-11s %8.4f %8.4f%n",
            field.getKey(),
            level.getKey(),
            level.getValue()[0] / (double) Math.max(1, totals[0]),
            level.getValue()[1] / (double) Math.max(1, totals[1]));
      }
    }
  }

  /** Generated clinics, seeds 1..n: per type recall, strong recall, precision, extras. */
  static void clinics(int clients, int contacts, int seeds) throws Exception {
    Evaluation total = new Evaluation();
    for (ConflictType type : ConflictType.values()) {
      total.byType.put(type, new Evaluation.Counts());
    }
    boolean verbose = Boolean.getBoolean("verbose");
    for (int seed = 1; seed <= seeds; seed++) {
      Path dir = Files.createTempDirectory("dualcheck-accuracy");
      try (GeneratedClinicIndex clinic =
          GeneratedClinicIndex.generate(seed, clients, contacts, dir)) {
        ConflictChecker checker = new ConflictChecker(clinic.index, MatchSettings.defaults());
        long start = System.nanoTime();
        List<Finding> findings = clinic.checkAll(checker);
        double seconds = (System.nanoTime() - start) / 1e9;
        Evaluation e = Evaluation.of(clinic.truth, findings, clinic.contacts.size());
        System.out.printf(
            Locale.ROOT,
            "seed %d: %d clients, %d contacts checked in %.1f s%n",
            seed,
            clients,
            contacts,
            seconds);
        if (verbose) {
          printDifferences(clinic, findings, dir);
        }
        total.add(e);
      } finally {
        try (var files = Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
    System.out.print(total.table());
  }

  /** For tuning on generated data only: planted conflicts missed and findings outside the truth. */
  private static void printDifferences(
      GeneratedClinicIndex clinic, List<Finding> findings, Path dir) throws Exception {
    Map<String, List<String>> notes = new HashMap<>();
    for (ClinicRecord n :
        dev.dualcheck.store.CsvRecords.read(RecordKind.NOTE, dir.resolve("notes.csv"))) {
      notes.computeIfAbsent(n.get("client_id"), k -> new ArrayList<>()).add(n.get("text"));
    }
    java.util.Set<GeneratedClinicIndex.Truth> seen = new java.util.HashSet<>();
    Map<String, ClinicRecord> contacts = new HashMap<>();
    for (ClinicRecord c : clinic.contacts) {
      contacts.put(c.id(), c);
    }
    for (Finding f : findings) {
      GeneratedClinicIndex.Truth t =
          new GeneratedClinicIndex.Truth(f.contactId(), f.type(), f.ref());
      seen.add(t);
      boolean right = clinic.truth.contains(t);
      if (f.type() == ConflictType.NOTE_MENTION && Boolean.getBoolean("mentions")) {
        Evidence e = f.evidence().get(0);
        System.out.printf(
            Locale.ROOT,
            "NM %s %s %.1f %s | %s | %s%n",
            right,
            e.comparison(),
            e.weight(),
            f.level(),
            e.contactValue(),
            e.recordValue());
      }
      boolean weak =
          right
              && !f.level().atLeast(Level.PROBABLE)
              && (f.type() == ConflictType.IDENTITY
                  || f.type() == ConflictType.STAFF
                  || f.type() == ConflictType.THERAPIST_TIE);
      if (!right || weak) {
        System.out.println(
            (right ? "WEAK " : "EXTRA ")
                + f.type().jsonName()
                + " "
                + f.contactId()
                + " -> "
                + f.ref()
                + " "
                + f.level().jsonName()
                + " "
                + contacts.get(f.contactId()).fields());
        System.out.print(Explanation.waterfall(f));
      }
    }
    for (GeneratedClinicIndex.Truth t : clinic.truth) {
      if (!seen.contains(t)) {
        System.out.println("MISS " + t + " " + contacts.get(t.contactId()).fields());
        if (t.type() == ConflictType.NOTE_MENTION) {
          for (String text : notes.getOrDefault(t.ref(), List.of())) {
            System.out.println("    NOTE " + text.replace('\n', ' '));
          }
        }
      }
    }
  }

  /** FEBRL 4: dataset4a as clients, dataset4b as contacts; rec-N-dup-0 is rec-N-org. */
  static void febrl(Path dir) throws IOException {
    Path a = dir.resolve("dataset4a.csv");
    Path b = dir.resolve("dataset4b.csv");
    if (!Files.isRegularFile(a) || !Files.isRegularFile(b)) {
      System.out.println("FEBRL 4: skipped, no " + dir.toAbsolutePath());
      return;
    }
    List<ClinicRecord> clients = febrlRecords(a, RecordKind.CLIENT);
    List<ClinicRecord> contacts = febrlRecords(b, RecordKind.CONTACT);
    try (PersonIndex index = PersonIndex.open(new ByteBuffersDirectory())) {
      for (ClinicRecord c : clients) {
        index.upsert(c);
      }
      index.commit(1);
      ConflictChecker checker =
          new ConflictChecker(index, MatchSettings.defaults().withDefaultRegion("AU"));
      int truePositives = 0;
      int falsePositives = 0;
      int anyLevel = 0;
      long start = System.nanoTime();
      boolean verbose = Boolean.getBoolean("verbose");
      for (ClinicRecord contact : contacts) {
        String expected = contact.id().replaceAll("-dup-\\d+$", "-org");
        List<Finding> findings = checker.check(contact);
        if (verbose) {
          printMisses(contact, expected, findings);
        }
        for (Finding f : findings) {
          if (f.type() != ConflictType.IDENTITY) {
            continue;
          }
          boolean right = f.ref().equals(expected);
          if (right) {
            anyLevel++;
          }
          if (f.level().atLeast(Level.PROBABLE)) {
            if (right) {
              truePositives++;
            } else {
              falsePositives++;
            }
          }
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double precision = truePositives / (double) Math.max(1, truePositives + falsePositives);
      double recall = truePositives / (double) contacts.size();
      double f1 = 2 * precision * recall / Math.max(1e-9, precision + recall);
      System.out.printf(
          Locale.ROOT,
          "FEBRL 4 identity at probable+: precision %.4f recall %.4f F1 %.4f"
              + " (recall at any level %.4f; %d contacts in %.1f s)%n",
          precision,
          recall,
          f1,
          anyLevel / (double) contacts.size(),
          contacts.size(),
          seconds);
    }
  }

  /** For tuning on public benchmark data only: a missed or weak true match and false ones. */
  private static void printMisses(ClinicRecord contact, String expected, List<Finding> findings) {
    boolean found = false;
    for (Finding f : findings) {
      if (f.type() != ConflictType.IDENTITY) {
        continue;
      }
      boolean right = f.ref().equals(expected);
      found |= right && f.level().atLeast(Level.PROBABLE);
      if (right != f.level().atLeast(Level.PROBABLE)) {
        System.out.println((right ? "WEAK " : "FALSE ") + contact.id() + " -> " + f.ref());
        System.out.print(Explanation.waterfall(f));
      }
    }
    if (!found && findings.stream().noneMatch(f -> f.ref().equals(expected))) {
      System.out.println("MISS " + contact.id() + " " + contact.fields());
    }
  }

  private static List<ClinicRecord> febrlRecords(Path file, RecordKind kind) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String[] header = lines.get(0).split(", ", -1);
    List<ClinicRecord> records = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(", ", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length && i < cells.length; i++) {
        row.put(header[i].strip(), cells[i].strip());
      }
      Map<String, String> fields = new HashMap<>();
      put(fields, "given_name", row.get("given_name"));
      put(fields, "family_name", row.get("surname"));
      put(
          fields,
          "street",
          (row.getOrDefault("street_number", "")
                  + " "
                  + row.getOrDefault("address_1", "")
                  + " "
                  + row.getOrDefault("address_2", ""))
              .strip());
      put(fields, "city", row.get("suburb"));
      put(fields, "postal_code", row.get("postcode"));
      String dob = row.getOrDefault("date_of_birth", "");
      if (dob.length() == 8) {
        put(
            fields,
            "dob",
            dob.substring(0, 4) + "-" + dob.substring(4, 6) + "-" + dob.substring(6));
      }
      records.add(new ClinicRecord(kind, row.get("rec_id"), fields));
    }
    return records;
  }

  private static void put(Map<String, String> fields, String key, String value) {
    if (value != null && !value.isBlank()) {
      fields.put(key, value);
    }
  }
}
