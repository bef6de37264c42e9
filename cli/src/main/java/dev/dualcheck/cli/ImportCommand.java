package dev.dualcheck.cli;

import dev.dualcheck.interop.FhirRecordSource;
import dev.dualcheck.interop.VcardSource;
import dev.dualcheck.spi.Options;
import dev.dualcheck.store.RecordKind;
import dev.dualcheck.store.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "import",
    description = {
      "Validate a whole export, then import it in one transaction and update the index.",
      "KIND is one of: clients, associates, notes, staff, ties; without it, every kind the file"
          + " holds (a FHIR bundle: Patient, RelatedPerson, Practitioner).",
      "Formats: CSV (.csv), FHIR R4 JSON (.json bundle or .ndjson), vCard 3/4 (.vcf, ties),"
          + " and those of plugin jars in the store's plugins folder."
    })
final class ImportCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Mixin StoreOptions storeOptions;

  @Parameters(
      arity = "1..2",
      paramLabel = "[KIND] FILE",
      description = "clients|associates|notes|staff|ties, then the file.")
  List<String> arguments;

  @Option(
      names = "--format",
      paramLabel = "NAME",
      description = "csv, fhir, vcard or a plugin's format (default: by the file's extension).")
  String format;

  @Option(
      names = "--staff",
      paramLabel = "STAFF_ID",
      description = "Whose declared ties a vCard file holds (import ties contacts.vcf).")
  String staffId;

  @Option(
      names = "--relation",
      paramLabel = "RELATION",
      description =
          "The relation of vCard ties whose categories name none (default: acquaintance).")
  String relation;

  @Option(
      names = "--identifier-system",
      paramLabel = "URI",
      description =
          "FHIR: the identifier system whose value is the client or staff id"
              + " (default: the resource id).")
  String identifierSystem;

  @Override
  public Integer call() throws Exception {
    RecordKind kind = arguments.size() == 2 ? kind(arguments.get(0)) : null;
    Path file = Path.of(arguments.get(arguments.size() - 1));
    if (!Files.isRegularFile(file)) {
      throw new UsageException("file not found: " + file);
    }
    Map<String, String> options = new LinkedHashMap<>();
    putIfSet(options, VcardSource.STAFF_ID, staffId);
    putIfSet(options, VcardSource.RELATION, relation);
    putIfSet(options, FhirRecordSource.IDENTIFIER_SYSTEM, identifierSystem);
    try (Workspace workspace = Workspace.open(main, storeOptions)) {
      Access.require(workspace, "import", Role.DIRECTOR);
      long written = workspace.dualcheck.importFile(file, kind, format, new Options(options));
      workspace.store.audit(
          "import",
          null,
          null,
          written + " " + (kind != null ? kind.fileName() : "records") + " written");
      main.out.println(
          "imported "
              + written
              + " "
              + (kind != null ? kind.fileName() : "records")
              + " from "
              + file);
    }
    return Exit.OK;
  }

  private static void putIfSet(Map<String, String> options, String name, String value) {
    if (value != null && !value.isBlank()) {
      options.put(name, value.strip());
    }
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
