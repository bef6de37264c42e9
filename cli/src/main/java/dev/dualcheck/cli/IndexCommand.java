package dev.dualcheck.cli;

import dev.dualcheck.store.Role;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "index", description = "Bring the encrypted index up to date with the store.")
final class IndexCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Mixin StoreOptions storeOptions;

  @Option(names = "--rebuild", description = "Throw the index away and build it from the store.")
  boolean rebuild;

  @Option(
      names = "--verify",
      description =
          "Authenticate every index file and compare document counts with the store (exit 3 on"
              + " damage).")
  boolean verify;

  @Override
  public Integer call() throws Exception {
    if (rebuild && verify) {
      throw new UsageException("give --rebuild or --verify, not both");
    }
    try (Workspace workspace = Workspace.open(main, storeOptions)) {
      Access.require(
          workspace,
          rebuild ? "rebuild the index" : verify ? "verify the index" : "update the index",
          Role.DIRECTOR);
      if (verify) {
        String counts = workspace.verifyIndex();
        workspace.store.audit("index.verify", null, null, "intact");
        main.out.println("index intact: every file authenticates; " + counts);
      } else if (rebuild) {
        long count = workspace.rebuild();
        workspace.store.audit("index.rebuild", null, null, count + " records");
        main.out.println("rebuilt the index from " + count + " records");
      } else {
        long count = workspace.update();
        workspace.store.audit("index.update", null, null, count + " records");
        main.out.println(
            count == 0 ? "the index was up to date" : "indexed " + count + " changed records");
      }
    }
    return Exit.OK;
  }
}
