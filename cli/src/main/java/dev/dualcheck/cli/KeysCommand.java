package dev.dualcheck.cli;

import dev.dualcheck.store.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "keys",
    description = "Manage the clinic's keys.",
    subcommands = {
      KeysCommand.ExportCert.class,
      KeysCommand.Rotate.class,
      KeysCommand.AddMachine.class,
      KeysCommand.ImportSigning.class
    })
final class KeysCommand {

  @ParentCommand Main main;

  @Command(
      name = "export-cert",
      description = "Write the clinic's signing certificate (PEM), as a licensing board needs it.")
  static final class ExportCert implements Callable<Integer> {
    @ParentCommand KeysCommand keys;
    @Mixin StoreOptions storeOptions;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        required = true,
        description = "Where to write it.")
    Path out;

    @Override
    public Integer call() throws Exception {
      Main main = keys.main;
      try (Workspace workspace = Workspace.open(main, storeOptions)) {
        Access.require(workspace, "export the certificate", Role.DIRECTOR, Role.AUDITOR);
        workspace.store.audit("keys.export-cert", null, null, "");
        X509Certificate certificate = workspace.store.signingIdentity().chain().get(0);
        Files.writeString(out, pem(certificate.getEncoded()), StandardCharsets.US_ASCII);
        main.out.println(
            "wrote the certificate of " + certificate.getSubjectX500Principal() + " to " + out);
      }
      return Exit.OK;
    }
  }

  @Command(
      name = "rotate",
      description =
          "Make a new master key version and re-encrypt everything under it (after removing a user).")
  static final class Rotate implements Callable<Integer> {
    @ParentCommand KeysCommand keys;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() throws Exception {
      Main main = keys.main;
      try (Workspace workspace = Workspace.open(main, storeOptions)) {
        Access.require(workspace, "rotate keys", Role.DIRECTOR);
        int before = workspace.store.keyVersion();
        workspace.store.rotateKeys(
            (done, total) ->
                main.out.println("re-encrypted " + done + " of " + total + " records"));
        workspace.rebuild();
        workspace.store.audit(
            "keys.rotate",
            null,
            null,
            "key version " + before + " -> " + workspace.store.keyVersion());
        main.out.println(
            "rotated to key version " + workspace.store.keyVersion() + "; the index was rebuilt");
      }
      return Exit.OK;
    }
  }

  @Command(
      name = "add-machine",
      description =
          "Write a machine key file for unattended nightly runs (it unlocks as a director: guard it).")
  static final class AddMachine implements Callable<Integer> {
    @ParentCommand KeysCommand keys;
    @Mixin StoreOptions storeOptions;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        required = true,
        description = "Where to write the key file (must not exist).")
    Path out;

    @Override
    public Integer call() throws Exception {
      Main main = keys.main;
      if (Files.exists(out)) {
        throw new UsageException("not overwriting " + out);
      }
      try (Workspace workspace = Workspace.open(main, storeOptions)) {
        Access.require(workspace, "add a machine key", Role.DIRECTOR);
        workspace.store.addMachineKey(out);
        workspace.store.audit("keys.add-machine", null, null, "replaces any earlier machine key");
        main.out.println("wrote the machine key file " + out + " (owner read/write only)");
      }
      return Exit.OK;
    }
  }

  @Command(
      name = "import-signing",
      description =
          "Replace the clinic's signing key and certificate with those of a PKCS#12 file"
              + " (password: $DUALCHECK_P12_PASSWORD or a prompt).")
  static final class ImportSigning implements Callable<Integer> {
    @ParentCommand KeysCommand keys;
    @Mixin StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "FILE.p12", description = "The PKCS#12 file.")
    Path p12;

    @Override
    public Integer call() throws Exception {
      Main main = keys.main;
      if (!Files.isRegularFile(p12)) {
        throw new UsageException("file not found: " + p12);
      }
      try (Workspace workspace = Workspace.open(main, storeOptions)) {
        Access.require(workspace, "import a signing key", Role.DIRECTOR);
        char[] password = p12Password(main);
        try {
          workspace.store.importSigningIdentity(p12, password);
        } catch (java.io.IOException e) {
          throw new UsageException(e.getMessage());
        } finally {
          Arrays.fill(password, '\0');
        }
        workspace.store.audit("keys.import-signing", null, null, "");
        X509Certificate certificate = workspace.store.signingIdentity().chain().get(0);
        main.out.println("reports are now signed as " + certificate.getSubjectX500Principal());
      }
      return Exit.OK;
    }

    private static char[] p12Password(Main main) throws UsageException {
      String fromEnv = main.env.get("DUALCHECK_P12_PASSWORD");
      if (fromEnv != null) {
        return fromEnv.toCharArray();
      }
      java.io.Console console = System.console();
      if (console == null) {
        throw new UsageException(
            "no PKCS#12 password: set DUALCHECK_P12_PASSWORD or run in a terminal");
      }
      char[] entered = console.readPassword("PKCS#12 password: ");
      return entered == null ? new char[0] : entered;
    }
  }

  static String pem(byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
  }
}
