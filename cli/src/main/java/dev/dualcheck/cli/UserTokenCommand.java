package dev.dualcheck.cli;

import dev.dualcheck.store.Role;
import dev.dualcheck.store.User;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "token",
    description = {
      "Make a bearer token for `dualcheck serve` (replacing the user's earlier one).",
      "It is shown once: keep it like a passphrase. Directors make tokens for anyone; other users"
          + " for themselves. `keys rotate` revokes all tokens."
    })
final class UserTokenCommand implements Callable<Integer> {

  @ParentCommand UserCommand parent;
  @Mixin StoreOptions storeOptions;

  @Parameters(index = "0", paramLabel = "NAME", description = "The user the token acts as.")
  String name;

  @Override
  public Integer call() throws Exception {
    Main main = parent.main;
    try (Workspace workspace = Workspace.open(main, storeOptions)) {
      User me = workspace.store.user();
      if (me.role() != Role.DIRECTOR && !me.name().equals(name)) {
        Access.deny(workspace, "make tokens for other users");
      }
      boolean known = workspace.store.listUsers().stream().anyMatch(u -> u.name().equals(name));
      if (!known) {
        throw new UsageException("no user named '" + name + "': see `dualcheck user list`");
      }
      String token = new ApiTokens(workspace.store).create(name);
      workspace.store.audit("user.token", "user", name, "serve token made");
      main.out.println(token);
      main.err.println(
          "token for " + name + " (shown once; send it as `Authorization: Bearer TOKEN`)");
    }
    return Exit.OK;
  }
}
