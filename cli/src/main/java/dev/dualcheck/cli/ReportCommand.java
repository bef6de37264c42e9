package dev.dualcheck.cli;

import dev.dualcheck.report.ReportVerifier;
import dev.dualcheck.report.Verification;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "report",
    description = "Work with signed reports.",
    subcommands = {ReportCommand.Verify.class})
final class ReportCommand {

  @ParentCommand Main main;

  @Command(
      name = "verify",
      description = {
        "Check a report's signature and that it covers the whole file; offline, no store needed.",
        "Exit 0 when valid, 1 with the reason otherwise."
      })
  static final class Verify implements Callable<Integer> {
    @ParentCommand ReportCommand report;

    @Parameters(paramLabel = "FILE.pdf", description = "The report.")
    Path file;

    @Option(
        names = "--trust",
        paramLabel = "CERT",
        description = "The clinic's certificate (PEM or DER) the signer must match or chain to.")
    Path trust;

    @Override
    public Integer call() throws Exception {
      if (!Files.isRegularFile(file)) {
        throw new UsageException("file not found: " + file);
      }
      Optional<X509Certificate> trusted = Optional.empty();
      if (trust != null) {
        trusted = Optional.of(readCertificate(trust));
      }
      Verification verification = ReportVerifier.verify(Files.readAllBytes(file), trusted);
      report.main.out.println(verification.message());
      return verification.valid() ? Exit.OK : Exit.FOUND;
    }

    private static X509Certificate readCertificate(Path path) throws Exception {
      if (!Files.isRegularFile(path)) {
        throw new UsageException("certificate not found: " + path);
      }
      try (InputStream in = Files.newInputStream(path)) {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      } catch (GeneralSecurityException e) {
        throw new UsageException("not a certificate: " + path);
      }
    }
  }
}
