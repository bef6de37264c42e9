package dev.dualcheck.cli;

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

  @Override
  public Integer call() throws Exception {
    try (Workspace workspace = Workspace.open(main, storeOptions)) {
      if (rebuild) {
        long count = workspace.rebuild();
        main.out.println("rebuilt the index from " + count + " records");
      } else {
        long count = workspace.update();
        main.out.println(
            count == 0 ? "the index was up to date" : "indexed " + count + " changed records");
      }
    }
    return Exit.OK;
  }
}
