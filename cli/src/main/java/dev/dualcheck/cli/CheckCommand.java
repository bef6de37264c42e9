package dev.dualcheck.cli;

import dev.dualcheck.check.Finding;
import dev.dualcheck.policy.Disclosure;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.Role;
import dev.dualcheck.store.User;
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
      CheckAnswer answer = CheckAnswer.ask(workspace, user, contact, main.clock);
      List<Finding> findings = answer.findings;
      if (json) {
        main.out.println(answer.json());
      } else {
        Disclosure.printText(answer.shown, explain, main.out);
      }
      return findings.isEmpty() ? Exit.OK : Exit.FOUND;
    }
  }

  private ClinicRecord contact(Workspace workspace) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("kind", kind);
    values.put("given", given);
    values.put("middle", middle);
    values.put("family", family);
    values.put("dob", dob);
    values.put("phone", phone);
    values.put("email", email);
    values.put("city", city);
    values.put("employer", employer);
    values.put("referred_by", referredBy);
    return CheckAnswer.contact(
        values, asStaff != null ? asStaff : workspace.store.user().staffId(), workspace.store);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
