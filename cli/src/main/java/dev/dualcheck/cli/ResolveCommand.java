package dev.dualcheck.cli;

import dev.dualcheck.store.Decision;
import dev.dualcheck.store.Role;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "resolve",
    description = {
      "Record a director's decision on a reported finding (by F- id or R- reference).",
      "not_same_person hides the finding until the contact's or the record's data changes."
    })
final class ResolveCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Mixin StoreOptions storeOptions;

  @Parameters(index = "0", paramLabel = "FINDING", description = "F-… id or R-… reference.")
  String finding;

  @Option(
      names = "--decision",
      paramLabel = "D",
      description = "cleared, not_same_person, waived_with_consent or referred_out.")
  String decision;

  @Option(names = "--note", paramLabel = "TEXT", description = "Why (kept encrypted).")
  String note;

  @Option(names = "--history", description = "Show every decision on the finding instead.")
  boolean history;

  @Override
  public Integer call() throws Exception {
    if (!history && (decision == null || note == null)) {
      throw new UsageException("give --decision and --note, or --history");
    }
    if (!history && !Decision.DECISIONS.contains(decision)) {
      throw new UsageException(
          "unknown decision '"
              + decision
              + "': expected one of "
              + String.join(", ", Decision.DECISIONS));
    }
    try (Workspace workspace = Workspace.open(main, storeOptions)) {
      Access.require(workspace, history ? "read decisions" : "resolve findings", Role.DIRECTOR);
      String reference =
          workspace.store.storedFinding(finding).map(f -> f.reference()).orElse(null);
      if (reference == null) {
        throw new UsageException("no reported finding " + finding + ": check or scan first");
      }
      if (history) {
        List<Decision> decisions = workspace.store.decisions(finding);
        workspace.store.audit("decision.read", "finding", reference, "");
        FindingsCommand.printHistory(decisions, main);
        return Exit.OK;
      }
      Decision made;
      try {
        made = workspace.store.resolve(finding, decision, note);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      workspace.store.audit("resolve", "finding", reference, decision + " " + reference);
      main.out.println(
          "resolved " + made.findingId() + " (" + reference + ") as " + made.decision());
    }
    return Exit.OK;
  }
}
