package dev.dualcheck.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualcheck.generator.ClinicGenerator;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The walking skeleton as a new user meets it: init, import, check, and the failure cases. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliIT {

  @TempDir static Path temp;
  Path data;
  Path store;
  Cli cli;
  List<CSVRecord> clients;

  @BeforeAll
  void importAGeneratedClinic() throws IOException {
    data = temp.resolve("data");
    store = temp.resolve("store");
    new ClinicGenerator(11).clients(300).contacts(60).writeTo(data);
    clients = read(data.resolve("clients.csv"));
    cli = new Cli(store);
    assertEquals(0, cli.run("init", "--clinic", "Test Clinic").status());
    for (String kind : List.of("staff", "clients", "associates", "notes", "ties")) {
      Cli.Result result = cli.run("import", kind, data.resolve(kind + ".csv").toString());
      assertEquals(0, result.status(), result::toString);
    }
  }

  @Test
  void findsAKnownClientByName() {
    CSVRecord client = clientWithBothNamesAndDob();
    Cli.Result result =
        cli.run(
            "check",
            "--given",
            client.get("given_name"),
            "--family",
            client.get("family_name"),
            "--dob",
            client.get("dob"),
            "--json");
    assertEquals(1, result.status(), result::toString);
    assertTrue(
        result.out().contains("\"ref\" : \"" + client.get("client_id") + "\"")
            || result.out().contains("\"ref\":\"" + client.get("client_id") + "\""),
        result::toString);
    assertTrue(result.out().contains("\"type\""), result::toString);
  }

  @Test
  void findsAKnownClientWithATypoInTheFamilyName() {
    CSVRecord client = clientWithBothNamesAndDob();
    String family = client.get("family_name");
    String typo =
        family.substring(0, family.length() - 2)
            + family.charAt(family.length() - 1)
            + family.charAt(family.length() - 2);
    Cli.Result result =
        cli.run(
            "check",
            "--given",
            client.get("given_name"),
            "--family",
            typo,
            "--dob",
            client.get("dob"));
    assertEquals(1, result.status(), result::toString);
    assertTrue(result.out().contains(client.get("client_id")), result::toString);
  }

  @Test
  void aStrangerIsNotFound() {
    Cli.Result result =
        cli.run(
            "check",
            "--given",
            "Zebedeus",
            "--family",
            "Quarrington-Vasquez",
            "--dob",
            "1931-02-03");
    assertEquals(0, result.status(), result::toString);
    assertEquals("no conflict found\n", result.out());
  }

  @Test
  void aWrongPassphraseExits3WithOneLine() {
    Cli wrong = new Cli(store);
    wrong.env.put("DUALCHECK_PASSPHRASE", "not the passphrase");
    Cli.Result result = wrong.run("check", "--given", "Anna", "--family", "Smith");
    assertEquals(3, result.status(), result::toString);
    assertEquals(1, result.err().lines().count(), result::toString);
    assertTrue(result.err().contains("wrong passphrase"), result::toString);
  }

  @Test
  void aBadDateExits2NamingFileLineAndColumnAndChangesNothing() throws IOException {
    Path bad = temp.resolve("clients-bad.csv");
    try (CSVPrinter printer =
        new CSVPrinter(Files.newBufferedWriter(bad, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
      String header;
      try (var lines = Files.lines(data.resolve("clients.csv"), StandardCharsets.UTF_8)) {
        header = lines.findFirst().orElseThrow();
      }
      printer.printRecord((Object[]) header.split(","));
      for (int i = 0; i < 3; i++) {
        List<String> cells = new ArrayList<>(clients.get(i).toList());
        cells.replaceAll(cell -> cell.replace('\n', ' '));
        if (i == 2) {
          cells.set(4, "1976-13-02"); // dob
        }
        printer.printRecord(cells);
      }
    }
    Map<Path, byte[]> before = snapshot(store);

    Cli.Result result = cli.run("import", "clients", bad.toString());

    assertEquals(2, result.status(), result::toString);
    assertTrue(result.err().contains("clients-bad.csv line 4, column dob"), result::toString);
    Map<Path, byte[]> after = snapshot(store);
    assertEquals(before.keySet(), after.keySet());
    for (Path file : before.keySet()) {
      assertArrayEquals(before.get(file), after.get(file), file.toString());
    }
  }

  @Test
  void badUsageExits2AndPointsAtTheCommandsHelp() {
    Cli.Result result = cli.run("check", "--no-such-option");
    assertEquals(2, result.status(), result::toString);
    assertTrue(result.err().endsWith("see: dualcheck check --help\n"), result::toString);
  }

  @Test
  void everyCommandAnswersHelpWithoutItsRequiredArguments() {
    for (String command : new String[] {"check", "scan", "generate", "import", "keys", "demo"}) {
      Cli.Result result = cli.run(command, "--help");
      assertEquals(0, result.status(), result::toString);
      assertTrue(result.out().startsWith("Usage: dualcheck " + command), result::toString);
    }
    Cli.Result nested = cli.run("keys", "rotate", "--help");
    assertEquals(0, nested.status(), nested::toString);
  }

  @Test
  void initRefusesToOverwriteAStore() {
    Cli.Result result = cli.run("init");
    assertEquals(2, result.status(), result::toString);
    assertTrue(result.err().contains("already exists"), result::toString);
  }

  @Test
  void noImportedNameEmailPhoneOrDateIsInAnyByteUnderTheStore() throws IOException {
    List<String> secrets = new ArrayList<>();
    for (CSVRecord client : clients) {
      for (String column : List.of("given_name", "family_name", "email", "phone", "dob")) {
        String value = client.get(column);
        if (value.length() >= 5) {
          secrets.add(value);
        }
      }
    }
    assertFalse(secrets.isEmpty());
    for (Map.Entry<Path, byte[]> file : snapshot(store).entrySet()) {
      String bytes = new String(file.getValue(), StandardCharsets.ISO_8859_1);
      for (String secret : secrets) {
        String encoded =
            new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains(encoded), () -> file.getKey() + " contains imported PHI");
      }
    }
  }

  private CSVRecord clientWithBothNamesAndDob() {
    return clients.stream()
        .filter(c -> c.get("given_name").length() > 3 && c.get("family_name").length() > 4)
        .filter(c -> c.get("dob").length() == 10)
        .findFirst()
        .orElseThrow();
  }

  static List<CSVRecord> read(Path csv) throws IOException {
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVParser.builder()
                .setReader(reader)
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())
                .get()) {
      return parser.getRecords();
    }
  }

  static Map<Path, byte[]> snapshot(Path folder) throws IOException {
    Map<Path, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
        if (!path.getFileName().toString().endsWith(".lock")) {
          files.put(path, Files.readAllBytes(path));
        }
      }
    }
    return files;
  }
}
