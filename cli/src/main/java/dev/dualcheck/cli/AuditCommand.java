package dev.dualcheck.cli;

import dev.dualcheck.store.AuditEntry;
import dev.dualcheck.store.AuditVerification;
import dev.dualcheck.store.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "audit",
    description = "The tamper-evident audit log (directors and auditors).",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Show.class})
final class AuditCommand {

  @ParentCommand Main main;

  @Command(
      name = "verify",
      description =
          "Check every entry and the signed head: exit 0 intact, 1 naming the first bad entry.")
  static final class Verify implements Callable<Integer> {
    @ParentCommand AuditCommand parent;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() throws Exception {
      Main main = parent.main;
      try (Workspace workspace = Workspace.open(main, storeOptions)) {
        Access.require(workspace, "verify the audit log", Role.DIRECTOR, Role.AUDITOR);
        AuditVerification result = workspace.store.verifyAudit();
        if (!result.intact()) {
          main.out.println(result.message());
          return Exit.FOUND;
        }
        workspace.store.audit("audit.verify", null, null, result.entries() + " entries intact");
        main.out.println(result.message());
        return Exit.OK;
      }
    }
  }

  @Command(name = "show", description = "The audit log, decrypted, one line per entry.")
  static final class Show implements Callable<Integer> {
    @ParentCommand AuditCommand parent;
    @Mixin StoreOptions storeOptions;

    @Option(
        names = "--since",
        paramLabel = "DATE",
        description = "Only entries from this day (YYYY-MM-DD, UTC) on.")
    String since;

    @Override
    public Integer call() throws Exception {
      Main main = parent.main;
      Instant from = null;
      if (since != null) {
        try {
          from = LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
          throw new UsageException("--since: expected YYYY-MM-DD");
        }
      }
      try (Workspace workspace = Workspace.open(main, storeOptions)) {
        Access.require(workspace, "read the audit log", Role.DIRECTOR, Role.AUDITOR);
        List<AuditEntry> entries = workspace.store.auditEntries(from);
        for (AuditEntry e : entries) {
          main.out.println(line(e));
        }
        workspace.store.audit("audit.show", null, null, entries.size() + " entries shown");
      }
      return Exit.OK;
    }
  }

  static String line(AuditEntry e) {
    StringBuilder out = new StringBuilder();
    out.append(e.number()).append("  ").append(e.at()).append("  ").append(e.user());
    if (!e.role().isEmpty()) {
      out.append(" (").append(e.role()).append(')');
    }
    out.append("  ").append(e.action());
    if (!e.target().isEmpty()) {
      out.append("  ").append(e.target());
    }
    if (!e.detail().isEmpty()) {
      out.append("  ").append(e.detail());
    }
    return out.toString();
  }
}
