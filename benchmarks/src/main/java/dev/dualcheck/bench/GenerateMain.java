package dev.dualcheck.bench;

import dev.dualcheck.generator.ClinicGenerator;
import dev.dualcheck.generator.GeneratedClinic;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the end-to-end data set: like {@code dualcheck generate}, with the associate and note
 * counts the issue asks for (means per client). Prints {@code key=value} lines.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dualcheck.bench.GenerateMain OUT CLIENTS ASSOCIATES NOTES CONTACTS SEED
 * </pre>
 */
public final class GenerateMain {
  private GenerateMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 6) {
      System.err.println("usage: GenerateMain OUT CLIENTS ASSOCIATES NOTES CONTACTS SEED");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int clients = Integer.parseInt(args[1]);
    long associates = Long.parseLong(args[2]);
    long notes = Long.parseLong(args[3]);
    int contacts = Integer.parseInt(args[4]);
    long seed = Long.parseLong(args[5]);
    long start = System.nanoTime();
    GeneratedClinic clinic =
        new ClinicGenerator(seed)
            .clients(clients)
            .associatesPerClient((double) associates / clients)
            .notesPerClient((double) notes / clients)
            .contacts(contacts)
            .writeTo(out);
    System.out.printf(
        Locale.ROOT,
        "generated_s=%.1f%nclients=%d%nassociates=%d%nnotes=%d%nstaff=%d%nties=%d%ncontacts=%d%n",
        (System.nanoTime() - start) / 1e9,
        clinic.clients(),
        clinic.associates(),
        clinic.notes(),
        clinic.staff(),
        clinic.ties(),
        clinic.contacts());
  }
}
