package dev.dualcheck.cli;

import dev.dualcheck.check.ConflictChecker;
import dev.dualcheck.check.MatchSettings;
import dev.dualcheck.check.ScanResult;
import dev.dualcheck.policy.Disclosure;
import dev.dualcheck.policy.Reviews;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.CsvRecords;
import dev.dualcheck.store.RecordKind;
import dev.dualcheck.store.Role;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "scan",
    description = "Check a batch of contacts; write the findings as JSON and a signed PDF report.")
final class ScanCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Mixin StoreOptions storeOptions;

  @Parameters(index = "0", paramLabel = "FILE", description = "The contacts CSV.")
  Path contactsFile;

  @Option(names = "--json", paramLabel = "OUT", description = "Write the findings JSON here.")
  Path jsonOut;

  @Option(
      names = "--report",
      paramLabel = "OUT.pdf",
      description = "Write a signed PDF report here.")
  Path reportOut;

  @Option(
      names = "--redact",
      description =
          "Make the PDF a board copy: pseudonymous ids, no names, dates or contact details.")
  boolean redact;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(contactsFile)) {
      throw new UsageException("file not found: " + contactsFile);
    }
    List<ClinicRecord> contacts = CsvRecords.read(RecordKind.CONTACT, contactsFile);
    try (Workspace workspace = Workspace.open(main, storeOptions)) {
      Access.require(workspace, "scan", Role.DIRECTOR);
      ConflictChecker checker = new ConflictChecker(workspace.index(), MatchSettings.defaults());
      Progress progress = Progress.start(main.err, "scanning", contacts.size());
      ScanResult scanned =
          checker.scan(contacts, newScanId(), main.clock.instant(), progress::update);
      progress.finish();
      ScanResult result = new Reviews(workspace.store).apply(contacts, scanned);
      workspace.store.audit(
          "scan",
          null,
          null,
          result.contacts()
              + " contacts, "
              + result.findings().size()
              + " findings, "
              + (scanned.findings().size() - result.findings().size())
              + " suppressed as not the same person");
      if (jsonOut != null) {
        try (OutputStream out = Files.newOutputStream(jsonOut)) {
          Disclosure.writeJson(
              result, Disclosure.forStore(workspace.store).disclose(result.findings()), out);
        }
      }
      if (reportOut != null) {
        String fingerprint = Reports.fingerprint(workspace.store, List.of(contactsFile));
        Reports.writeSigned(workspace.store, result, fingerprint, redact, reportOut, main.clock);
      }
      main.out.println(
          "scanned "
              + result.contacts()
              + " contacts: "
              + result.findings().size()
              + " findings"
              + (jsonOut != null ? "; json " + jsonOut : "")
              + (reportOut != null ? "; report " + reportOut : ""));
      return result.findings().isEmpty() ? Exit.OK : Exit.FOUND;
    }
  }

  private static String newScanId() {
    return "S-" + UUID.randomUUID();
  }
}
