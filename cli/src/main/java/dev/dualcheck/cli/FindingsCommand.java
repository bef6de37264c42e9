package dev.dualcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dualcheck.store.Decision;
import dev.dualcheck.store.Role;
import dev.dualcheck.store.StoredFinding;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "findings",
    description = "Look up reported findings (directors only).",
    subcommands = {FindingsCommand.Show.class})
final class FindingsCommand {

  @ParentCommand Main main;

  @Command(
      name = "show",
      description = "Show a finding by F- id or the R- reference a clinician was given.")
  static final class Show implements Callable<Integer> {
    @ParentCommand FindingsCommand parent;
    @Mixin StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "FINDING", description = "F-… id or R-… reference.")
    String finding;

    @Override
    public Integer call() throws Exception {
      Main main = parent.main;
      try (Workspace workspace = Workspace.open(main, storeOptions)) {
        Access.require(workspace, "look up findings", Role.DIRECTOR);
        StoredFinding stored =
            workspace
                .store
                .storedFinding(finding)
                .orElseThrow(() -> new UsageException("no reported finding " + finding));
        workspace.store.audit("finding.read", "finding", stored.reference(), "");
        JsonNode f = new ObjectMapper().readTree(stored.details());
        main.out.println(
            stored.findingId() + " (" + stored.reference() + "), last reported " + stored.seen());
        main.out.println(
            String.format(
                Locale.ROOT,
                "  %s %s %.2f: contact %s (%s) and %s %s (%s)",
                f.path("level").asText(),
                f.path("type").asText(),
                f.path("score").asDouble(),
                f.path("contact_id").asText(),
                f.path("contact_name").asText(""),
                f.path("record").asText(),
                f.path("ref").asText(),
                f.path("record_name").asText("")));
        for (JsonNode e : f.path("evidence")) {
          main.out.println(
              String.format(
                  Locale.ROOT,
                  "    %-12s %-12s %+6.2f  %s | %s",
                  e.path("field").asText(),
                  e.path("comparison").asText(),
                  e.path("weight").asDouble(),
                  e.path("contact_value").asText(""),
                  e.path("record_value").asText("")));
        }
        printHistory(workspace.store.decisions(stored.reference()), main);
      }
      return Exit.OK;
    }
  }

  static void printHistory(List<Decision> decisions, Main main) {
    if (decisions.isEmpty()) {
      main.out.println("no decision yet");
      return;
    }
    main.out.println("decisions, oldest first:");
    for (Decision d : decisions) {
      main.out.println("  " + d.at() + "  " + d.decision() + " by " + d.by() + ": " + d.note());
    }
  }
}
