package dev.dualcheck.cli;

import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import dev.dualcheck.store.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "import",
    description = {
      "Validate a whole CSV export, then import it in one transaction and update the index.",
      "KIND is one of: clients, associates, notes, staff, ties."
    })
final class ImportCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Mixin StoreOptions storeOptions;

  @Parameters(index = "0", paramLabel = "KIND", description = "clients|associates|notes|staff|ties")
  String kindName;

  @Parameters(index = "1", paramLabel = "FILE", description = "The CSV file (UTF-8, header row).")
  Path file;

  @Override
  public Integer call() throws Exception {
    RecordKind kind = kind(kindName);
    if (!Files.isRegularFile(file)) {
      throw new UsageException("file not found: " + file);
    }
    try (Workspace workspace = Workspace.open(main, storeOptions)) {
      Access.require(workspace, "import", Role.DIRECTOR);
      List<ClinicRecord> written = workspace.store.importCsv(kind, file);
      workspace.update();
      workspace.store.audit(
          "import", null, null, written.size() + " " + kind.fileName() + " written");
      main.out.println("imported " + written.size() + " " + kind.fileName() + " from " + file);
    }
    return Exit.OK;
  }

  static RecordKind kind(String name) throws UsageException {
    for (RecordKind kind : RecordKind.values()) {
      if (kind != RecordKind.CONTACT && kind.fileName().equals(name)) {
        return kind;
      }
    }
    throw new UsageException(
        "unknown kind '" + name + "': expected clients, associates, notes, staff or ties");
  }
}
