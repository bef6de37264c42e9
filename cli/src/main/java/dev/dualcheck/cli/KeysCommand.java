package dev.dualcheck.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "keys",
    description = "Manage the clinic's keys.",
    subcommands = {KeysCommand.ExportCert.class})
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
        X509Certificate certificate = workspace.store.signingIdentity().chain().get(0);
        Files.writeString(out, pem(certificate.getEncoded()), StandardCharsets.US_ASCII);
        main.out.println(
            "wrote the certificate of " + certificate.getSubjectX500Principal() + " to " + out);
      }
      return Exit.OK;
    }
  }

  static String pem(byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
  }
}
