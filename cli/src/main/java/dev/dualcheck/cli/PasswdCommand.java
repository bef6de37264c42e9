package dev.dualcheck.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "passwd", description = "Change your own passphrase (any user).")
final class PasswdCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Mixin StoreOptions storeOptions;
  @Mixin NewPassphrase newPassphrase;

  @Override
  public Integer call() throws Exception {
    try (Workspace workspace = Workspace.open(main, storeOptions)) {
      char[] passphrase = newPassphrase.read(main.env);
      try {
        workspace.store.changePassphrase(passphrase);
      } finally {
        Arrays.fill(passphrase, '\0');
      }
      workspace.store.audit("passwd", "user", workspace.store.user().name(), "");
      main.out.println("changed the passphrase of " + workspace.store.user().name());
    }
    return Exit.OK;
  }
}
