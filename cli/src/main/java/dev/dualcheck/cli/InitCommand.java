package dev.dualcheck.cli;

import dev.dualcheck.store.Store;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "init",
    description =
        "Create a store: keys, the first user (a director), a signing key and certificate.")
final class InitCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Mixin StoreOptions storeOptions;

  @Option(
      names = "--user",
      paramLabel = "NAME",
      defaultValue = "director",
      description = "The first user's name (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(
      names = "--clinic",
      paramLabel = "NAME",
      defaultValue = "Our Clinic",
      description = "The clinic's name, shown on reports (default: ${DEFAULT-VALUE}).")
  String clinic;

  @Override
  public Integer call() throws Exception {
    Path directory = storeOptions.storeDirectory(main.env);
    if (Store.exists(directory)) {
      throw new UsageException("a store already exists at " + directory + "; not overwriting it");
    }
    char[] passphrase = storeOptions.newPassphrase(main.env);
    try (Store store = Store.create(directory, user, passphrase, clinic, main.clock)) {
      store.audit("init", "user", user, "store created; first user is a director");
      main.out.println(
          "created store "
              + store.directory()
              + " for "
              + store.clinicName()
              + "; user "
              + user
              + " (director)");
    } finally {
      Arrays.fill(passphrase, '\0');
    }
    return Exit.OK;
  }
}
