package dev.dualcheck.cli;

import dev.dualcheck.check.ConflictChecker;
import dev.dualcheck.check.Finding;
import dev.dualcheck.check.MatchSettings;
import dev.dualcheck.check.ScanResult;
import dev.dualcheck.policy.Disclosed;
import dev.dualcheck.policy.Disclosure;
import dev.dualcheck.policy.Reviews;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import dev.dualcheck.store.Role;
import dev.dualcheck.store.User;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "check",
    description = "Check one person against every client, associate, note, staff member and tie.")
final class CheckCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Mixin StoreOptions storeOptions;

  @Option(names = "--given", paramLabel = "NAME", description = "Given name.")
  String given;

  @Option(names = "--middle", paramLabel = "NAME", description = "Middle name or initial.")
  String middle;

  @Option(names = "--family", paramLabel = "NAME", description = "Family name.")
  String family;

  @Option(
      names = "--dob",
      paramLabel = "DATE",
      description = "Date of birth: YYYY-MM-DD, YYYY-MM or YYYY.")
  String dob;

  @Option(names = "--phone", paramLabel = "PHONE", description = "Phone number, any format.")
  String phone;

  @Option(names = "--email", paramLabel = "EMAIL", description = "E-mail address.")
  String email;

  @Option(names = "--city", paramLabel = "CITY", description = "City.")
  String city;

  @Option(names = "--employer", paramLabel = "NAME", description = "Employer.")
  String employer;

  @Option(
      names = "--referred-by",
      paramLabel = "NAME",
      description = "Who referred this person (free text).")
  String referredBy;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      defaultValue = "acquaintance",
      description = "intake, referral, acquaintance or hire (default: ${DEFAULT-VALUE}).")
  String kind;

  @Option(
      names = "--as",
      paramLabel = "STAFF_ID",
      description = "The therapist asking (default: the user's own staff id).")
  String asStaff;

  @Option(names = "--json", description = "Print the findings JSON instead of text.")
  boolean json;

  @Option(names = "--explain", description = "Show the per-field weights behind each finding.")
  boolean explain;

  @Override
  public Integer call() throws Exception {
    if (isBlank(given) && isBlank(family)) {
      throw new UsageException("give at least --given or --family");
    }
    try (Workspace workspace = Workspace.open(main, storeOptions)) {
      Access.require(workspace, "check", Role.DIRECTOR, Role.CLINICIAN);
      User user = workspace.store.user();
      if (user.role() == Role.CLINICIAN && asStaff != null && !asStaff.equals(user.staffId())) {
        Access.deny(workspace, "check as another clinician");
      }
      ClinicRecord contact = contact(workspace);
      ConflictChecker checker = new ConflictChecker(workspace.index(), MatchSettings.defaults());
      List<Finding> findings = new Reviews(workspace.store).apply(contact, checker.check(contact));
      List<Disclosed> shown = Disclosure.forStore(workspace.store).disclose(findings);
      long withheld = shown.stream().filter(Disclosed::withheld).count();
      workspace.store.audit(
          "check",
          "contact",
          contact.id(),
          findings.size() + " findings, " + withheld + " withheld");
      if (json) {
        ScanResult result =
            new ScanResult("check-" + main.clock.millis(), main.clock.instant(), 1, findings);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Disclosure.writeJson(result, shown, bytes);
        main.out.println(bytes.toString(StandardCharsets.UTF_8));
      } else {
        Disclosure.printText(shown, explain, main.out);
      }
      return findings.isEmpty() ? Exit.OK : Exit.FOUND;
    }
  }

  private ClinicRecord contact(Workspace workspace) {
    Map<String, String> fields = new LinkedHashMap<>();
    put(fields, "kind", kind);
    put(fields, "given_name", given);
    put(fields, "middle_name", middle);
    put(fields, "family_name", family);
    put(fields, "dob", dob);
    put(fields, "phone", phone);
    put(fields, "email", email);
    put(fields, "city", city);
    put(fields, "employer", employer);
    put(fields, "referred_by", referredBy);
    String staff = asStaff != null ? asStaff : workspace.store.user().staffId();
    put(fields, "for_clinician", staff);
    // the same person checked again gets the same id (so decisions stick), another person another
    List<String> who = new ArrayList<>(List.of("check"));
    fields.forEach(
        (column, value) -> {
          who.add(column);
          who.add(value);
        });
    String id = "Q-" + workspace.store.fingerprint(who).substring(0, 16);
    fields.put("contact_id", id);
    return new ClinicRecord(RecordKind.CONTACT, id, fields);
  }

  private static void put(Map<String, String> fields, String column, String value) {
    if (!isBlank(value)) {
      fields.put(column, value.strip());
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
