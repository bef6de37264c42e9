package dev.dualcheck.store;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded, obviously synthetic clinic files for tests (names built from syllables, 555-01xx phones,
 * example.org mail), until the generator module's ClinicGenerator lands on this branch.
 */
final class SyntheticClinic {
  private static final String[] SYLLABLES = {
    "ka", "lo", "mir", "ven", "tas", "quo", "bri", "zel", "dun", "ori", "pex", "sul", "yat", "hem"
  };
  private final Random random;

  SyntheticClinic(long seed) {
    random = new Random(seed);
  }

  String name() {
    StringBuilder name = new StringBuilder();
    int parts = 2 + random.nextInt(2);
    for (int i = 0; i < parts; i++) {
      name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    name.setCharAt(0, Character.toUpperCase(name.charAt(0)));
    return name.append(SYLLABLES[random.nextInt(SYLLABLES.length)].charAt(0)).toString();
  }

  String date(int fromYear, int toYear) {
    return String.format(
        java.util.Locale.ROOT,
        "%04d-%02d-%02d",
        fromYear + random.nextInt(toYear - fromYear),
        1 + random.nextInt(12),
        1 + random.nextInt(28));
  }

  /** Client rows C000001… with every column the contract has. */
  List<Map<String, String>> clients(int count) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Map<String, String> row = new LinkedHashMap<>();
      String given = name();
      String family = name();
      row.put("client_id", String.format(java.util.Locale.ROOT, "C%06d", i));
      row.put("given_name", given);
      row.put("middle_name", random.nextBoolean() ? name() : "");
      row.put("family_name", family);
      row.put("dob", date(1940, 2006));
      row.put("sex", random.nextBoolean() ? "F" : "M");
      row.put(
          "phone",
          String.format(java.util.Locale.ROOT, "+1 202 555 01%02d", random.nextInt(100)) + i);
      row.put("email", given.toLowerCase(java.util.Locale.ROOT) + "." + i + "@example.org");
      row.put("street", random.nextInt(900) + 1 + " " + name() + " Street");
      row.put("city", name());
      row.put("postal_code", String.format(java.util.Locale.ROOT, "%05d", random.nextInt(100_000)));
      row.put("employer", name() + " Works");
      row.put("former_family_names", random.nextInt(4) == 0 ? name() : "");
      row.put("clinician_id", "S0001");
      row.put("intake_date", date(2010, 2026));
      row.put("discharge_date", "");
      rows.add(row);
    }
    return rows;
  }

  List<Map<String, String>> staff(int count) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("staff_id", String.format(java.util.Locale.ROOT, "S%04d", i));
      row.put("role", "therapist");
      row.put("given_name", name());
      row.put("family_name", name());
      row.put("dob", date(1950, 2000));
      row.put("phone", "+1 202 555 0199");
      rows.add(row);
    }
    return rows;
  }

  List<Map<String, String>> associates(List<Map<String, String>> clients, int count) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("associate_id", "A" + i);
      row.put("client_id", clients.get(random.nextInt(clients.size())).get("client_id"));
      row.put("relation", "sibling");
      row.put("given_name", name());
      row.put("family_name", name());
      row.put("dob", date(1940, 2006));
      rows.add(row);
    }
    return rows;
  }

  List<Map<String, String>> notes(List<Map<String, String>> clients, int count) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("note_id", "N" + i);
      row.put("client_id", clients.get(random.nextInt(clients.size())).get("client_id"));
      row.put("author_id", "S0001");
      row.put("date", date(2015, 2026));
      row.put(
          "text", "Session with " + name() + ", mentioned cousin " + name() + ".\nPlan: review.");
      rows.add(row);
    }
    return rows;
  }

  List<Map<String, String>> ties(int count) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("staff_id", "S0001");
      row.put("relation", "neighbour");
      row.put("given_name", name());
      row.put("family_name", name());
      row.put("dob", date(1950, 2000));
      rows.add(row);
    }
    return rows;
  }

  /** Writes rows as contract CSV with every value quoted. */
  static Path write(Path file, List<Map<String, String>> rows) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(String.join(",", rows.get(0).keySet()));
      out.write("\r\n");
      for (Map<String, String> row : rows) {
        List<String> cells = new ArrayList<>();
        for (String value : row.values()) {
          cells.add('"' + value.replace("\"", "\"\"") + '"');
        }
        out.write(String.join(",", cells));
        out.write("\r\n");
      }
    }
    return file;
  }
}
