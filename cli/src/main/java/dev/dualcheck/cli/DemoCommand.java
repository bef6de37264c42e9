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
        "generate",
        "--out",
        data.toString(),
        "--clients",
        "400",
        "--contacts",
        "80",
        "--seed",
        Long.toString(seed));
    step(env, "init", "--clinic", "Riverside Counselling (demo)");
    for (String kind : List.of("staff", "clients", "associates", "notes", "ties")) {
      step(env, "import", kind, data.resolve(kind + ".csv").toString());
    }
    for (List<String> check : sampleChecks(data)) {
      step(env, check.toArray(String[]::new));
    }
    Path report = folder.resolve("report.pdf");
    Path json = folder.resolve("findings.json");
    Path cert = folder.resolve("clinic.pem");
    step(
        env,
        "scan",
        data.resolve("contacts.csv").toString(),
        "--json",
        json.toString(),
        "--report",
        report.toString());
    step(env, "keys", "export-cert", "--out", cert.toString());
    int verified = step(env, "report", "verify", report.toString(), "--trust", cert.toString());

    main.out.println();
    main.out.println("signed report: " + report);
    main.out.println("findings JSON: " + json);
    main.out.println("clinic certificate: " + cert);
    main.out.println("planted truth: " + data.resolve("truth.csv"));
    return verified == Exit.OK ? Exit.OK : Exit.FOUND;
  }

  /** Runs one command as a user would, printing it first; a failed step stops the demo. */
  private int step(Map<String, String> env, String... args) throws DemoFailed {
    main.out.println();
    main.out.println("$ dualcheck " + String.join(" ", quoted(args)));
    main.out.flush();
    int status = Main.run(args, env, main.out, main.err, main.in, main.clock);
    if (status != Exit.OK && status != Exit.FOUND) {
      throw new DemoFailed(
          "the demo stopped: `dualcheck " + args[0] + "` exited " + status, status);
    }
    return status;
  }

  /** One planted client under a nickname or typo, one planted note mention, one stranger. */
  private static List<List<String>> sampleChecks(Path data) throws IOException {
    Map<String, String> typeOf = new HashMap<>();
    try (BufferedReader reader = Files.newBufferedReader(data.resolve("truth.csv"))) {
      for (CSVRecord row : parse(reader)) {
        typeOf.merge(row.get("contact_id"), row.get("type"), (a, b) -> a.isEmpty() ? b : a);
      }
    }
    List<List<String>> checks = new ArrayList<>();
    List<String> wanted = new ArrayList<>(List.of("identity", "note_mention", ""));
    try (BufferedReader reader =
        Files.newBufferedReader(data.resolve("contacts.csv"), StandardCharsets.UTF_8)) {
      for (CSVRecord contact : parse(reader)) {
        String type = typeOf.getOrDefault(contact.get("contact_id"), "");
        if (wanted.remove(type)) {
          checks.add(checkArgs(contact, !type.isEmpty()));
        }
      }
    }
    return checks;
  }

  private static List<String> checkArgs(CSVRecord contact, boolean explain) {
    List<String> args = new ArrayList<>(List.of("check"));
    add(args, "--given", contact.get("given_name"));
    add(args, "--family", contact.get("family_name"));
    add(args, "--dob", contact.get("dob"));
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
