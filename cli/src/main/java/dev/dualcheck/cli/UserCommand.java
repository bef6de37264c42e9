package dev.dualcheck.cli;

import dev.dualcheck.store.Role;
import dev.dualcheck.store.User;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "user",
    description = "Manage the users who hold a keyslot (directors only).",
    subcommands = {
      UserCommand.Add.class,
      UserCommand.Remove.class,
      UserCommand.ListUsers.class,
      UserTokenCommand.class
    })
final class UserCommand {

  @ParentCommand Main main;

  @Command(name = "add", description = "Add a user with their own passphrase.")
  static final class Add implements Callable<Integer> {
    @ParentCommand UserCommand parent;
    @Mixin StoreOptions storeOptions;
    @Mixin NewPassphrase newPassphrase;

    @Parameters(index = "0", paramLabel = "NAME", description = "The user's name.")
    String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "director, clinician or auditor.")
    String role;

    @Option(
        names = "--staff-id",
        paramLabel = "S",
        description = "The clinician's staff id: their own clients and ties are shown in full.")
    String staffId;

    @Override
    public Integer call() throws Exception {
      Main main = parent.main;
      Role parsed = role(role);
      if (parsed == Role.CLINICIAN && (staffId == null || staffId.isBlank())) {
        throw new UsageException("a clinician needs --staff-id");
      }
      try (Workspace workspace = Workspace.open(main, storeOptions)) {
        Access.require(workspace, "add users", Role.DIRECTOR);
        char[] passphrase = newPassphrase.read(main.env);
        try {
          workspace.store.addUser(name, parsed, staffId, passphrase);
        } catch (IllegalArgumentException e) {
          throw new UsageException(e.getMessage());
        } finally {
          Arrays.fill(passphrase, '\0');
        }
        workspace.store.audit("user.add", "user", name, Access.roleName(parsed));
        main.out.println("added user " + name + " (" + Access.roleName(parsed) + ")");
      }
      return Exit.OK;
    }
  }

  @Command(
      name = "remove",
      description = "Remove a user's keyslot; run `keys rotate` next so old copies are useless.")
  static final class Remove implements Callable<Integer> {
    @ParentCommand UserCommand parent;
    @Mixin StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "NAME", description = "The user's name.")
    String name;

    @Override
    public Integer call() throws Exception {
      Main main = parent.main;
      try (Workspace workspace = Workspace.open(main, storeOptions)) {
        Access.require(workspace, "remove users", Role.DIRECTOR);
        try {
          workspace.store.removeUser(name);
        } catch (IllegalArgumentException e) {
          throw new UsageException(e.getMessage());
        }
        workspace.store.audit("user.remove", "user", name, "");
        main.out.println(
            "removed user " + name + "; run `dualcheck keys rotate` so old copies are useless");
      }
      return Exit.OK;
    }
  }

  @Command(name = "list", description = "List the users: name, role, staff id (never a secret).")
  static final class ListUsers implements Callable<Integer> {
    @ParentCommand UserCommand parent;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() throws Exception {
      Main main = parent.main;
      try (Workspace workspace = Workspace.open(main, storeOptions)) {
        Access.require(workspace, "list users", Role.DIRECTOR);
        for (User user : workspace.store.listUsers()) {
          main.out.println(
              user.name()
                  + "  "
                  + Access.roleName(user.role())
                  + (user.staffId() == null ? "" : "  " + user.staffId()));
        }
        workspace.store.audit("user.list", null, null, "");
      }
      return Exit.OK;
    }
  }

  static Role role(String name) throws UsageException {
    try {
      return Role.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "unknown role '" + name + "': expected director, clinician or auditor");
    }
  }
}
