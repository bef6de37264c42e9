package dev.dualcheck.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientId;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.mail.smime.SMIMEEnveloped;
import org.bouncycastle.mail.smime.SMIMESigned;
import org.bouncycastle.mail.smime.SMIMEUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureMailerIT {
  private static final String SUBJECT = "dualcheck nightly report";
  private static final String BODY = "The nightly conflict report is attached.";
  private static final String USER = "reports";
  private static final String PASSWORD = "correct-horse";

  private static TestPki.Issued ca;
  private static TestPki.Issued server;
  private static TestPki.Issued clinic;
  private static TestPki.Issued director;
  private static TestPki.Issued supervisor;
  private static byte[] pdf;

  @TempDir Path dir;
  private GreenMail greenMail;
  private StartTlsRelay relay;
  private Path trustStore;
  private final List<Duration> waits = new ArrayList<>();
  private final Clock clock = Clock.fixed(TestPki.NOW, ZoneOffset.UTC);

  @BeforeAll
  static void keys() throws Exception {
    ca = TestPki.selfSigned("dualcheck test CA", TestPki.ecKeys());
    server = TestPki.serverCertificate(ca);
    clinic = TestPki.clinicCertificate(TestPki.ecKeys());
    Instant nextYear = TestPki.NOW.plus(Duration.ofDays(300));
    director = TestPki.mailCertificate(ca, "director@clinic.test", TestPki.rsaKeys(), nextYear);
    supervisor = TestPki.mailCertificate(ca, "supervisor@clinic.test", TestPki.ecKeys(), nextYear);
    pdf = new byte[50_000];
    new Random(7).nextBytes(pdf);
    System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
  }

  @BeforeEach
  void servers() throws Exception {
    greenMail =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));
    greenMail.start();
    relay = new StartTlsRelay(server, greenMail.getSmtp().getPort());
    trustStore = TestPki.writePem(dir.resolve("ca.pem"), ca.certificate());
  }

  @AfterEach
  void stop() throws Exception {
    relay.close();
    greenMail.stop();
  }

  @Test
  void deliversSignedAndEncryptedReportOverStartTls() throws Exception {
    mailer(settings(relay.port(), true, PASSWORD, 3))
        .send(
            List.of(
                new Recipient("director@clinic.test", director.certificate()),
                new Recipient("supervisor@clinic.test", supervisor.certificate())),
            SUBJECT,
            BODY,
            "report-2026-11-27.pdf",
            pdf);

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertEquals(2, received.length, "one copy per recipient mailbox");
    MimeMessage message = received[0];
    assertEquals(SUBJECT, message.getSubject());
    byte[] raw = rawBytes(message);
    String rawText = new String(raw, StandardCharsets.ISO_8859_1);
    assertFalse(rawText.contains(BODY), "body travels only inside the encryption");
    assertFalse(rawText.contains("%PDF"), "attachment travels only inside the encryption");
    assertTrue(waits.isEmpty());

    SMIMEEnveloped enveloped = new SMIMEEnveloped(message);
    assertEquals(CMSAlgorithm.AES256_CBC.getId(), enveloped.getEncryptionAlgOID());
    assertEquals(2, enveloped.getRecipientInfos().size());

    RecipientInformation forDirector =
        enveloped.getRecipientInfos().get(new JceKeyTransRecipientId(director.certificate()));
    assertNotNull(forDirector, "RSA recipient info for the director");
    assertSignedReport(
        forDirector.getContent(new JceKeyTransEnvelopedRecipient(director.privateKey())));

    RecipientInformation forSupervisor =
        enveloped.getRecipientInfos().get(new JceKeyAgreeRecipientId(supervisor.certificate()));
    assertNotNull(forSupervisor, "ECDH recipient info for the supervisor");
    assertSignedReport(
        forSupervisor.getContent(
            new JceKeyAgreeEnvelopedRecipient(supervisor.privateKey())
                .setProvider(new BouncyCastleProvider())));

    saveSampleForOpenSsl(raw);
  }

  private void assertSignedReport(byte[] decrypted) throws Exception {
    MimeBodyPart signedPart = SMIMEUtil.toMimeBodyPart(decrypted);
    SMIMESigned signed = new SMIMESigned((MimeMultipart) signedPart.getContent());
    List<SignerInformation> signers = new ArrayList<>(signed.getSignerInfos().getSigners());
    assertEquals(1, signers.size());
    assertTrue(
        signers.get(0).verify(new JcaSimpleSignerInfoVerifierBuilder().build(clinic.certificate())),
        "signature verifies against the clinic certificate");

    MimeMultipart mixed = (MimeMultipart) signed.getContent().getContent();
    assertEquals(2, mixed.getCount());
    assertEquals(BODY, ((String) mixed.getBodyPart(0).getContent()).strip());
    BodyPart attachment = mixed.getBodyPart(1);
    assertEquals("report-2026-11-27.pdf", attachment.getFileName());
    assertTrue(attachment.isMimeType("application/pdf"));
    assertArrayEquals(pdf, attachment.getInputStream().readAllBytes());
  }

  @Test
  void pkcs12TrustStoreWithoutPasswordWorksToo() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("test-ca", ca.certificate());
    trustStore = dir.resolve("ca.p12");
    try (OutputStream out = Files.newOutputStream(trustStore)) {
      store.store(out, new char[0]);
    }
    sendToDirector(settings(relay.port(), true, PASSWORD, 1));
    assertEquals(1, greenMail.getReceivedMessages().length);
  }

  @Test
  void unreachableServerIsRetriedWithBackoffThenReported() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    DeliveryException e =
        assertThrows(
            DeliveryException.class, () -> sendToDirector(settings(closedPort, true, PASSWORD, 3)));
    assertEquals(
        "mail server 127.0.0.1:" + closedPort + " unreachable after 3 attempts", e.getMessage());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), waits);
  }

  @Test
  void serverThatComesBackDuringBackoffGetsTheReport() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    GreenMail late =
        new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));
    try {
      SecureMailer mailer =
          new SecureMailer(
              settings(port, false, PASSWORD, 3, false),
              clinic.privateKey(),
              List.of(clinic.certificate()),
              clock,
              wait -> {
                waits.add(wait);
                late.start();
              });
      mailer.send(
          List.of(new Recipient("director@clinic.test", director.certificate())),
          SUBJECT,
          BODY,
          "report.pdf",
          pdf);
      assertEquals(List.of(Duration.ofSeconds(1)), waits);
      assertEquals(1, late.getReceivedMessages().length);
    } finally {
      late.stop();
    }
  }

  @Test
  void temporaryRefusalIsRetriedThenReported() throws Exception {
    try (ScriptedSmtpServer deferring = new ScriptedSmtpServer()) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class,
              () -> sendToDirector(settings(deferring.port(), false, PASSWORD, 2, false)));
      assertEquals(
          "mail server 127.0.0.1:"
              + deferring.port()
              + " deferred the report mail (reply 451) after 2 attempts",
          e.getMessage());
      assertEquals(List.of(Duration.ofSeconds(1)), waits);
      assertEquals(2, deferring.sessions());
    }
  }

  @Test
  void silentServerTimesOutAndIsRetried() throws Exception {
    // bound but never accepting: the connection opens from the backlog, the greeting never comes
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      MailSettings quick =
          new MailSettings(
              "127.0.0.1",
              silent.getLocalPort(),
              true,
              USER,
              PASSWORD.toCharArray(),
              "reports@clinic.test",
              Duration.ofSeconds(5),
              Duration.ofMillis(300),
              2,
              Duration.ofSeconds(1),
              Optional.of(trustStore));
      DeliveryException e = assertThrows(DeliveryException.class, () -> sendToDirector(quick));
      assertEquals(
          "mail server 127.0.0.1:"
              + silent.getLocalPort()
              + " did not answer in time after 2 attempts",
          e.getMessage());
      assertEquals(List.of(Duration.ofSeconds(1)), waits);
    }
  }

  @Test
  void refusedLoginIsNotRetried() throws Exception {
    DeliveryException e =
        assertThrows(
            DeliveryException.class,
            () -> sendToDirector(settings(relay.port(), true, "wrong-password", 3)));
    assertEquals(
        "authentication refused by mail server 127.0.0.1:" + relay.port() + " for user reports",
        e.getMessage());
    assertFalse(e.getMessage().contains("wrong-password"));
    assertTrue(waits.isEmpty(), "no retry after a refused login");
    assertEquals(0, greenMail.getReceivedMessages().length);
  }

  @Test
  void serverWithoutStartTlsIsRefusedWhenRequired() throws Exception {
    int plainPort = greenMail.getSmtp().getPort();
    DeliveryException e =
        assertThrows(
            DeliveryException.class, () -> sendToDirector(settings(plainPort, true, PASSWORD, 3)));
    assertEquals(
        "mail server 127.0.0.1:" + plainPort + " does not offer STARTTLS (required by config)",
        e.getMessage());
    assertTrue(waits.isEmpty());
    assertEquals(0, greenMail.getReceivedMessages().length);
  }

  @Test
  void untrustedServerCertificateFailsTheHandshakeWithoutRetry() throws Exception {
    TestPki.Issued otherCa = TestPki.selfSigned("some other CA", TestPki.ecKeys());
    trustStore = TestPki.writePem(dir.resolve("other-ca.pem"), otherCa.certificate());
    DeliveryException e =
        assertThrows(
            DeliveryException.class,
            () -> sendToDirector(settings(relay.port(), true, PASSWORD, 3)));
    assertTrue(
        e.getMessage().startsWith("TLS handshake with mail server 127.0.0.1:" + relay.port()),
        e.getMessage());
    assertTrue(waits.isEmpty());
    assertEquals(0, greenMail.getReceivedMessages().length);
  }

  @Test
  void recipientWithoutCertificateIsRefusedBeforeConnecting() throws Exception {
    DeliveryException e =
        assertThrows(
            DeliveryException.class,
            () ->
                sendTo(
                    settings(relay.port(), true, PASSWORD, 3),
                    new Recipient("director@clinic.test", director.certificate()),
                    new Recipient("locum@clinic.test", null)));
    assertEquals("no certificate for recipient locum@clinic.test", e.getMessage());
    assertEquals(0, greenMail.getReceivedMessages().length);
  }

  @Test
  void expiredRecipientCertificateIsRefused() throws Exception {
    TestPki.Issued expired =
        TestPki.mailCertificate(
            ca, "former@clinic.test", TestPki.rsaKeys(), Instant.parse("2026-01-01T00:00:00Z"));
    DeliveryException e =
        assertThrows(
            DeliveryException.class,
            () ->
                sendTo(
                    settings(relay.port(), true, PASSWORD, 3),
                    new Recipient("former@clinic.test", expired.certificate())));
    assertEquals("certificate for former@clinic.test expired on 2026-01-01", e.getMessage());
    assertEquals(0, greenMail.getReceivedMessages().length);
  }

  @Test
  void certificatesReadFromPemFiles() throws Exception {
    Path file = TestPki.writePem(dir.resolve("director.pem"), director.certificate());
    assertEquals(director.certificate(), Certificates.readPem(file));
    Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
    Exception e =
        assertThrows(
            java.security.cert.CertificateException.class, () -> Certificates.readPem(empty));
    assertTrue(e.getMessage().startsWith(empty.toString()), e.getMessage());
  }

  private void sendToDirector(MailSettings settings) throws DeliveryException {
    sendTo(settings, new Recipient("director@clinic.test", director.certificate()));
  }

  private void sendTo(MailSettings settings, Recipient... recipients) throws DeliveryException {
    mailer(settings).send(List.of(recipients), SUBJECT, BODY, "report.pdf", pdf);
  }

  private SecureMailer mailer(MailSettings settings) {
    return new SecureMailer(
        settings, clinic.privateKey(), List.of(clinic.certificate()), clock, waits::add);
  }

  private MailSettings settings(int port, boolean startTlsRequired, String password, int attempts) {
    return settings(port, startTlsRequired, password, attempts, true);
  }

  private MailSettings settings(
      int port, boolean startTlsRequired, String password, int attempts, boolean login) {
    return new MailSettings(
        "127.0.0.1",
        port,
        startTlsRequired,
        login ? USER : null,
        login ? password.toCharArray() : null,
        "reports@clinic.test",
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        attempts,
        Duration.ofSeconds(1),
        Optional.of(trustStore));
  }

  private static byte[] rawBytes(MimeMessage message) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message.writeTo(out);
    return out.toByteArray();
  }

  /**
   * With {@code -Ddualcheck.mail.sample=DIR}, leaves the received message and the test keys in DIR
   * for a check by openssl (only made-up test keys and addresses).
   */
  private void saveSampleForOpenSsl(byte[] raw) throws Exception {
    String target = System.getProperty("dualcheck.mail.sample");
    if (target == null) {
      return;
    }
    Path out = Files.createDirectories(Path.of(target));
    Files.write(out.resolve("msg.eml"), raw);
    TestPki.writePem(out.resolve("clinic.pem"), clinic.certificate());
    TestPki.writePem(out.resolve("rcpt.pem"), director.certificate());
    TestPki.writePem(out.resolve("rcpt.key"), director.privateKey());
    TestPki.writePem(out.resolve("rcpt-ec.pem"), supervisor.certificate());
    TestPki.writePem(out.resolve("rcpt-ec.key"), supervisor.privateKey());
  }
}
