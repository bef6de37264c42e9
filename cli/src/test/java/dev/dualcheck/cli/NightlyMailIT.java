package dev.dualcheck.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.bouncycastle.mail.smime.SMIMEEnveloped;
import org.bouncycastle.mail.smime.SMIMESigned;
import org.bouncycastle.mail.smime.SMIMEUtil;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly run end to end against a real SMTP server: drop folder in (a bad file goes to failed/
 * with its reason, the good ones import), an encrypted signed report out, and nothing to do the
 * second time.
 */
class NightlyMailIT {

  @TempDir Path folder;
  private GreenMail smtp;

  @BeforeEach
  void startSmtp() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  @Test
  void importsScansMailsAndThenHasNothingToDo() throws Exception {
    Cli cli = new Cli(folder.resolve("store"));
    assertEquals(0, cli.run("init", "--clinic", "Test Clinic").status());
    assertEquals(
        0,
        cli.run("keys", "add-machine", "--out", folder.resolve("machine.key").toString()).status());
    KeyPair directorKeys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    X509Certificate director = mailCertificate("director@clinic.test", directorKeys);
    Files.writeString(folder.resolve("director.pem"), KeysCommand.pem(director.getEncoded()));

    Path drop = Files.createDirectories(folder.resolve("drop"));
    Files.writeString(
        drop.resolve("clients.csv"),
        "client_id,given_name,family_name,dob\nC000123,William,Turner,1980-04-02\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        drop.resolve("associates.csv"),
        "associate_id,client_id,relation,given_name,family_name,dob\n"
            + "A000001,C000123,spouse,Mary,Turner,1981-13-01\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        drop.resolve("contacts.csv"),
        "contact_id,kind,given_name,family_name,dob\nK000001,intake,Bill,Turner,1980-04-02\n",
        StandardCharsets.UTF_8);
    Path config = folder.resolve("nightly.yml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "store: store",
            "key_file: machine.key",
            "drop_folder: drop",
            "output_folder: reports",
            "mail:",
            "  host: 127.0.0.1",
            "  port: " + smtp.getSmtp().getPort(),
            "  starttls_required: false",
            "  from: dualcheck@clinic.test",
            "  attempts: 1",
            "  recipients:",
            "    - address: director@clinic.test",
            "      certificate: director.pem",
            ""),
        StandardCharsets.UTF_8);

    Cli.Result first = cli.run("nightly", "--config", config.toString());

    assertEquals(1, first.status(), first::toString);
    assertTrue(first.out().contains("mailed to 1 recipient"), first::toString);
    assertEquals(
        List.of("clients.csv", "contacts.csv"), names(drop.resolve("processed")), first::toString);
    assertEquals(List.of("associates.csv", "associates.csv.reason"), names(drop.resolve("failed")));
    assertTrue(
        Files.readString(drop.resolve("failed/associates.csv.reason"))
            .contains("associates.csv line 2, column dob"));

    MimeMessage[] received = smtp.getReceivedMessages();
    assertEquals(1, received.length);
    MimeMessage message = received[0];
    assertEquals("dualcheck nightly scan 2026-11-27: 1 finding to review", message.getSubject());
    String raw = new String(message.getRawInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    assertFalse(raw.contains("Turner"), "no name travels outside the encryption");
    RecipientInformation forDirector =
        new SMIMEEnveloped(message).getRecipientInfos().get(new JceKeyTransRecipientId(director));
    MimeBodyPart signedPart =
        SMIMEUtil.toMimeBodyPart(
            forDirector.getContent(new JceKeyTransEnvelopedRecipient(directorKeys.getPrivate())));
    SMIMESigned signed = new SMIMESigned((MimeMultipart) signedPart.getContent());
    MimeMultipart mixed = (MimeMultipart) signed.getContent().getContent();
    BodyPart attachment = mixed.getBodyPart(1);
    Path report = folder.resolve("reports").resolve(attachment.getFileName());
    assertArrayEquals(Files.readAllBytes(report), attachment.getInputStream().readAllBytes());
    assertEquals(0, cli.run("report", "verify", report.toString()).status());

    Cli.Result second = cli.run("nightly", "--config", config.toString());
    assertEquals(0, second.status(), second::toString);
    assertTrue(second.out().contains("nothing to do"), second::toString);
    assertEquals(1, smtp.getReceivedMessages().length);
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static X509Certificate mailCertificate(String address, KeyPair keys) throws Exception {
    X500Name name = new X500Name("CN=" + address + ",E=" + address);
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.valueOf(7),
            Date.from(Instant.parse("2026-01-01T00:00:00Z")),
            Date.from(Instant.parse("2028-01-01T00:00:00Z")),
            name,
            keys.getPublic());
    builder.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
    builder.addExtension(
        Extension.extendedKeyUsage,
        false,
        new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
  }
}
