package dev.dualcheck.cli;

import dev.dualcheck.generator.ClinicGenerator;
import dev.dualcheck.generator.GeneratedClinic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "generate",
    description = "Write a seeded synthetic clinic: the six contract CSV files and truth.csv.")
final class GenerateCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
  Path out;

  @Option(
      names = "--clients",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Clients (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--contacts",
      paramLabel = "M",
      defaultValue = "200",
      description = "Contacts to scan (default: ${DEFAULT-VALUE}).")
  int contacts;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (clients < 1 || contacts < 0) {
      throw new UsageException("--clients must be at least 1 and --contacts at least 0");
    }
    Files.createDirectories(out);
    GeneratedClinic clinic =
        new ClinicGenerator(seed).clients(clients).contacts(contacts).writeTo(out);
    main.out.println(
        "generated "
            + clinic.clients()
            + " clients, "
            + clinic.associates()
            + " associates, "
            + clinic.notes()
            + " notes, "
            + clinic.staff()
            + " staff, "
            + clinic.ties()
            + " ties and "
            + clinic.contacts()
            + " contacts ("
            + clinic.plantedConflicts()
            + " planted conflicts) in "
            + out);
    return Exit.OK;
  }
}
