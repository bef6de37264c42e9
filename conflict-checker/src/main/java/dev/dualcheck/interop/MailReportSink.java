package dev.dualcheck.interop;

import dev.dualcheck.delivery.Certificates;
import dev.dualcheck.delivery.DeliveryException;
import dev.dualcheck.delivery.MailSettings;
import dev.dualcheck.delivery.Recipient;
import dev.dualcheck.delivery.SecureMailer;
import dev.dualcheck.delivery.Sleeper;
import dev.dualcheck.spi.Options;
import dev.dualcheck.spi.PluginException;
import dev.dualcheck.spi.Report;
import dev.dualcheck.spi.ReportSink;
import dev.dualcheck.spi.SinkContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sends the signed PDF as signed and encrypted S/MIME mail ({@link SecureMailer}). Options: {@code
 * host}, {@code port} (587), {@code from}, {@code to} ({@code address=cert.pem,…}: every recipient
 * needs a certificate), {@code username} and {@code password_file} (together, with STARTTLS),
 * {@code starttls_required} (true), {@code trust_store}.
 */
public final class MailReportSink implements ReportSink {

  @Override
  public String name() {
    return "mail";
  }

  @Override
  public void deliver(Report report, Options options, SinkContext context) throws IOException {
    List<Recipient> recipients = new ArrayList<>();
    for (String entry :
        options.require("to", "the mail sink needs recipients (to: …)").split(",")) {
      String[] parts = entry.strip().split("=", 2);
      if (parts.length != 2) {
        throw new PluginException("mail sink: expected address=certificate.pem in to:");
      }
      try {
        recipients.add(
            new Recipient(parts[0].strip(), Certificates.readPem(Path.of(parts[1].strip()))));
      } catch (GeneralSecurityException e) {
        throw new PluginException("mail sink: not a certificate: " + parts[1].strip());
      }
    }
    char[] password = null;
    Optional<String> passwordFile = options.get("password_file");
    if (passwordFile.isPresent()) {
      password =
          Files.readAllLines(Path.of(passwordFile.get()), StandardCharsets.UTF_8)
              .get(0)
              .toCharArray();
    }
    try {
      MailSettings settings =
          new MailSettings(
              options.require("host", "the mail sink needs host:"),
              Integer.parseInt(options.get("port").orElse("587")),
              Boolean.parseBoolean(options.get("starttls_required").orElse("true")),
              options.get("username").orElse(null),
              password,
              options.require("from", "the mail sink needs from:"),
              Duration.ofSeconds(20),
              Duration.ofSeconds(60),
              3,
              Duration.ofSeconds(5),
              options.get("trust_store").map(Path::of));
      SecureMailer mailer =
          new SecureMailer(
              settings,
              context.signingKey(),
              context.signingChain(),
              context.clock(),
              Sleeper.system());
      mailer.send(
          recipients,
          "dualcheck: " + report.summary(),
          "The signed report is attached (PDF, signed by "
              + context.clinicName()
              + ").\nVerify it with: dualcheck report verify "
              + report.name()
              + ".pdf --trust clinic.pem\n",
          report.name() + ".pdf",
          report.pdf());
    } catch (DeliveryException e) {
      throw new IOException("mail delivery failed: " + e.getMessage(), e);
    } catch (NumberFormatException e) {
      throw new PluginException("mail sink: port is not a number");
    } finally {
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
  }
}
