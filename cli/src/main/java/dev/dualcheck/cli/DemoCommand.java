package dev.dualcheck.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The whole product on generated data: each step is a real dualcheck command, printed as the user
 * would type it.
 */
@Command(
    name = "demo",
    description =
        "Generate a clinic into a throwaway store, import it, check, scan, sign and verify a report.")
final class DemoCommand implements Callable<Integer> {

  /** The demo store is throwaway and its passphrase is printed: never use it for real data. */
  private static final String DEMO_PASSPHRASE = "demo-only-not-secret";

  @ParentCommand Main main;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Folder for the demo (default: a new temporary folder).")
  Path out;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "7", description = "Generator seed.")
  long seed;

  @Override
  public Integer call() throws Exception {
    try {
      return run();
    } catch (DemoFailed e) {
      main.err.println(e.getMessage());
      return e.status;
    }
  }

  private int run() throws Exception {
    Path folder = out != null ? out : Files.createTempDirectory("dualcheck-demo-");
    if (out != null) {
      Files.createDirectories(folder);
      if (Files.exists(folder.resolve("store"))) {
        throw new UsageException(folder + " already holds a demo; choose another --out");
      }
    }
    Path data = folder.resolve("data");
    Path store = folder.resolve("store");
    Map<String, String> env = new HashMap<>(main.env);
    env.put("DUALCHECK_STORE", store.toString());
    env.put("DUALCHECK_PASSPHRASE", DEMO_PASSPHRASE);
    main.out.println("dualcheck demo in " + folder);
    main.out.println("(a throwaway store; its passphrase is '" + DEMO_PASSPHRASE + "')");

    step(
        env,
        "a synthetic clinic: clients, associates, case notes, staff, ties, and contacts to check",
        "generate",
        "--out",
        data.toString(),
        "--clients",
        "400",
        "--contacts",
        "80",
        "--seed",
        Long.toString(seed));
    step(env, null, "init", "--clinic", "Riverside Counselling (demo)");
    for (String kind : List.of("staff", "clients", "associates", "notes", "ties")) {
      step(env, null, "import", kind, data.resolve(kind + ".csv").toString());
    }
    for (SampleCheck check : sampleChecks(data)) {
      step(env, check.why(), check.args().toArray(String[]::new));
    }
    Path report = folder.resolve("report.pdf");
    Path json = folder.resolve("findings.json");
    Path cert = folder.resolve("clinic.pem");
    step(
        env,
        "the nightly job: scan the contacts, write findings and a signed report",
        "scan",
        data.resolve("contacts.csv").toString(),
        "--json",
        json.toString(),
        "--report",
        report.toString());
    step(env, null, "keys", "export-cert", "--out", cert.toString());
    int verified =
        step(
            env,
            "what a licensing board does, offline, with the clinic's certificate",
            "report",
            "verify",
            report.toString(),
            "--trust",
            cert.toString());

    main.out.println();
    main.out.println("signed report: " + report);
    main.out.println("findings JSON: " + json);
    main.out.println("clinic certificate: " + cert);
    main.out.println("planted truth: " + data.resolve("truth.csv"));
    return verified == Exit.OK ? Exit.OK : Exit.FOUND;
  }

  /** Runs one command as a user would, printing it first; a failed step stops the demo. */
  private int step(Map<String, String> env, String comment, String... args) throws DemoFailed {
    main.out.println();
    if (comment != null) {
      main.out.println("# " + comment);
    }
    main.out.println("$ dualcheck " + String.join(" ", quoted(args)));
    main.out.flush();
    int status = Main.run(args, env, main.out, main.err, main.in, main.clock);
    if (status != Exit.OK && status != Exit.FOUND) {
      throw new DemoFailed(
          "the demo stopped: `dualcheck " + args[0] + "` exited " + status, status);
    }
    return status;
  }

  /** A demo check: what it shows, and the command line. */
  private record SampleCheck(String why, List<String> args) {}

  /**
   * Three checks from the generated contacts: a returning client, the classic case (a client's
   * notes describe her boss, who later asks to become a client himself) and a stranger.
   */
  private static List<SampleCheck> sampleChecks(Path data) throws IOException {
    Map<String, List<String>> typesOf = new HashMap<>();
    try (BufferedReader reader = Files.newBufferedReader(data.resolve("truth.csv"))) {
      for (CSVRecord row : parse(reader)) {
        typesOf.computeIfAbsent(row.get("contact_id"), k -> new ArrayList<>()).add(row.get("type"));
      }
    }
    SampleCheck returning = null;
    SampleCheck boss = null;
    SampleCheck stranger = null;
    try (BufferedReader reader =
        Files.newBufferedReader(data.resolve("contacts.csv"), StandardCharsets.UTF_8)) {
      for (CSVRecord contact : parse(reader)) {
        List<String> types = typesOf.getOrDefault(contact.get("contact_id"), List.of());
        if (returning == null && types.equals(List.of("identity"))) {
          returning =
              new SampleCheck(
                  "a former client returns, perhaps under a nickname or with a typo",
                  checkArgs(contact, true));
        } else if (boss == null
            && types.contains("note_mention")
            && types.contains("associate")
            && !contact.get("employer").isBlank()) {
          boss =
              new SampleCheck(
                  "the classic case: a client's notes describe her boss, who can fire her;"
                      + " now he asks to become a client himself",
                  checkArgs(contact, true));
        } else if (stranger == null && types.equals(List.of(""))) {
          stranger = new SampleCheck("a stranger: nothing to find", checkArgs(contact, false));
        }
      }
    }
    List<SampleCheck> checks = new ArrayList<>();
    for (SampleCheck check : new SampleCheck[] {returning, boss, stranger}) {
      if (check != null) {
        checks.add(check);
      }
    }
    return checks;
  }

  private static List<String> checkArgs(CSVRecord contact, boolean explain) {
    List<String> args = new ArrayList<>(List.of("check"));
    add(args, "--given", contact.get("given_name"));
    add(args, "--family", contact.get("family_name"));
    add(args, "--dob", contact.get("dob"));
    add(args, "--employer", contact.get("employer"));
    if (explain) {
      args.add("--explain");
    }
    return args;
  }

  private static void add(List<String> args, String option, String value) {
    if (!value.isBlank()) {
      args.add(option);
      args.add(value);
    }
  }

  private static Iterable<CSVRecord> parse(BufferedReader reader) throws IOException {
    return CSVParser.builder()
        .setReader(reader)
        .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())
        .get();
  }

  private static List<String> quoted(String[] args) {
    List<String> shown = new ArrayList<>();
    for (String arg : args) {
      shown.add(arg.matches("[\\w./:=-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
    }
    return shown;
  }

  /** A demo step failed; the step's own message was already printed. */
  private static final class DemoFailed extends Exception {
    final int status;

    DemoFailed(String message, int status) {
      super(message);
      this.status = status;
    }
  }
}
