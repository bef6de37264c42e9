package dev.dualcheck.cli;

import dev.dualcheck.check.ConflictChecker;
import dev.dualcheck.check.FindingsJson;
import dev.dualcheck.check.MatchSettings;
import dev.dualcheck.check.ScanResult;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.CsvRecords;
import dev.dualcheck.store.RecordKind;
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
      ConflictChecker checker = new ConflictChecker(workspace.index(), MatchSettings.defaults());
      Progress progress = Progress.start(main.err, "scanning", contacts.size());
      ScanResult result =
          checker.scan(contacts, newScanId(), main.clock.instant(), progress::update);
      progress.finish();
      if (jsonOut != null) {
        try (OutputStream out = Files.newOutputStream(jsonOut)) {
          FindingsJson.write(result, out);
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
