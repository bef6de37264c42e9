package dev.dualcheck.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailSettingsTest {
  private static MailSettings settings(int attempts, Duration firstBackoff) {
    return new MailSettings(
        "smtp.example.org",
        587,
        true,
        "reports",
        "s3cret-pass".toCharArray(),
        "reports@clinic.test",
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        attempts,
        firstBackoff,
        Optional.empty());
  }

  @Test
  void printingTheSettingsNeverShowsThePassword() {
    String printed = settings(3, Duration.ofSeconds(2)).toString();
    assertFalse(printed.contains("s3cret-pass"), printed);
    assertTrue(printed.contains("password=***"), printed);
  }

  private static String refusal(int port, boolean startTls, String user, String password) {
    return assertThrows(
            IllegalArgumentException.class,
            () ->
                new MailSettings(
                    "smtp.example.org",
                    port,
                    startTls,
                    user,
                    password == null ? null : password.toCharArray(),
                    "reports@clinic.test",
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    1,
                    Duration.ZERO,
                    Optional.empty()))
        .getMessage();
  }

  @Test
  void invalidSettingsAreRefusedWithTheirReason() {
    assertEquals(
        "mail attempts must be at least 1, not 0",
        assertThrows(IllegalArgumentException.class, () -> settings(0, Duration.ofSeconds(1)))
            .getMessage());
    assertEquals("mail port 70000 is not between 1 and 65535", refusal(70000, true, null, null));
    assertEquals(
        "mail username and password must be given together", refusal(587, true, "reports", null));
    assertEquals(
        "a mail password needs startTlsRequired", refusal(587, false, "reports", "s3cret-pass"));
  }

  @Test
  void backoffDoublesAndIsCapped() throws Exception {
    TestPki.Issued clinic = TestPki.clinicCertificate(TestPki.ecKeys());
    SecureMailer mailer =
        new SecureMailer(
            settings(30, Duration.ofSeconds(30)),
            clinic.privateKey(),
            List.of(clinic.certificate()),
            Clock.fixed(TestPki.NOW, ZoneOffset.UTC),
            duration -> {});
    assertEquals(Duration.ofSeconds(30), mailer.backoff(1));
    assertEquals(Duration.ofSeconds(60), mailer.backoff(2));
    assertEquals(Duration.ofSeconds(120), mailer.backoff(3));
    assertEquals(Duration.ofMinutes(15), mailer.backoff(6));
    assertEquals(Duration.ofMinutes(15), mailer.backoff(29));
  }
}
