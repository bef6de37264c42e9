package dev.dualcheck.cli;

import dev.dualcheck.check.ScanResult;
import dev.dualcheck.interop.VcardSource;
import dev.dualcheck.policy.Disclosed;
import dev.dualcheck.policy.Disclosure;
import dev.dualcheck.spi.Options;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.Role;
import dev.dualcheck.store.User;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The contacts: CSV, a vCard file (.vcf, with --for) or a plugin's format.")
  Path contactsFile;

  @Option(
      names = "--for",
      paramLabel = "STAFF_ID",
      description =
          "The therapist whose acquaintances a vCard file holds (each card is checked as an"
              + " acquaintance of theirs).")
  String forClinician;

  @Option(
      names = "--format",
      paramLabel = "NAME",
      description = "csv, vcard or a plugin's format (default: by the file's extension).")
  String format;

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
    try (Workspace workspace = Workspace.open(main, storeOptions)) {
      User user = workspace.store.user();
      String forStaff = forClinician == null ? null : forClinician.strip();
      boolean ownAcquaintances = user.role() == Role.CLINICIAN;
      if (ownAcquaintances) {
        // a therapist may check their own acquaintances (e.g. their phone's contacts), never a
        // batch for the clinic, and gets no full report
        if (forStaff == null) {
          forStaff = user.staffId();
        }
        if (forStaff == null || !forStaff.equals(user.staffId()) || reportOut != null) {
          Access.deny(workspace, "scan other than their own acquaintances, without --report");
        }
      } else {
        Access.require(workspace, "scan", Role.DIRECTOR);
      }
      List<ClinicRecord> contacts =
          workspace.dualcheck.readContacts(
              contactsFile,
              format,
              forStaff == null ? Options.none() : Options.of(VcardSource.STAFF_ID, forStaff));
      if (ownAcquaintances) {
        contacts = contacts.stream().map(c -> asAcquaintanceOf(c, user.staffId())).toList();
      }
      Progress progress = Progress.start(main.err, "scanning", contacts.size());
      ScanResult result = workspace.dualcheck.scan(contacts, progress::update);
      progress.finish();
      workspace.store.audit(
          "scan",
          null,
          null,
          result.contacts()
              + " contacts, "
              + result.findings().size()
              + " findings (after reviewers' decisions)");
      List<Disclosed> shown = Disclosure.forStore(workspace.store).disclose(result.findings());
      if (jsonOut != null) {
        try (OutputStream out = Files.newOutputStream(jsonOut)) {
          Disclosure.writeJson(result, shown, out);
        }
      }
      if (ownAcquaintances) {
        Disclosure.printText(shown, false, main.out);
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

  /** Every contact of a clinician's own scan is their acquaintance, whatever the file says. */
  private static ClinicRecord asAcquaintanceOf(ClinicRecord contact, String staffId) {
    java.util.Map<String, String> fields = new java.util.HashMap<>(contact.fields());
    fields.put("kind", "acquaintance");
    fields.put("for_clinician", staffId);
    return new ClinicRecord(contact.kind(), contact.id(), fields);
  }
}
