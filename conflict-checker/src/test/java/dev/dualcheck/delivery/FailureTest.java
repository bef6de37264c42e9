package dev.dualcheck.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

class FailureTest {
  private static final MailSettings SETTINGS =
      new MailSettings(
          "smtp.example.org",
          587,
          true,
          "reports",
          "secret".toCharArray(),
          "reports@clinic.test",
          Duration.ofSeconds(5),
          Duration.ofSeconds(5),
          3,
          Duration.ofSeconds(1),
          Optional.empty());

  private static SecureMailer.Failure classify(MessagingException e) {
    return SecureMailer.Failure.classify(e, SETTINGS);
  }

  @Test
  void temporaryReplyIsRetried() {
    SecureMailer.Failure failure =
        classify(
            new SMTPSendFailedException(
                "DATA", 451, "451 4.3.0 try later", null, null, null, null));
    assertEquals(
        new SecureMailer.Failure(
            true, "mail server smtp.example.org:587 deferred the report mail (reply 451)"),
        failure);
  }

  @Test
  void permanentReplyEndsDelivery() {
    SecureMailer.Failure failure =
        classify(new SMTPSendFailedException("DATA", 554, "554 5.7.1 no", null, null, null, null));
    assertEquals(
        new SecureMailer.Failure(
            false, "mail server smtp.example.org:587 rejected the report mail (reply 554)"),
        failure);
  }

  @Test
  void rejectedRecipientNestedInSendFailureIsPermanent() throws Exception {
    SendFailedException top = new SendFailedException("Invalid Addresses");
    top.setNextException(
        new SMTPAddressFailedException(
            new InternetAddress("nobody@clinic.test"), "RCPT", 550, "550 5.1.1 unknown"));
    assertEquals(false, classify(top).retry());
  }

  @Test
  void refusedLoginIsPermanentAndNamesUserNotPassword() {
    SecureMailer.Failure failure = classify(new AuthenticationFailedException("535 5.7.8"));
    assertEquals(
        new SecureMailer.Failure(
            false, "authentication refused by mail server smtp.example.org:587 for user reports"),
        failure);
  }

  @Test
  void missingStartTlsIsPermanent() {
    SecureMailer.Failure failure =
        classify(new MessagingException("STARTTLS is required but host does not support STARTTLS"));
    assertEquals(
        new SecureMailer.Failure(
            false, "mail server smtp.example.org:587 does not offer STARTTLS (required by config)"),
        failure);
  }

  @Test
  void tlsFailureIsPermanent() {
    MessagingException e =
        new MessagingException(
            "Could not convert socket to TLS",
            new SSLHandshakeException("PKIX path building failed"));
    assertEquals(
        new SecureMailer.Failure(
            false,
            "TLS handshake with mail server smtp.example.org:587 failed: PKIX path building failed"),
        classify(e));
  }

  @Test
  void brokenConnectionIsRetried() {
    MessagingException e =
        new MessagingException(
            "Exception reading response", new java.net.SocketException("Connection reset"));
    assertEquals(
        new SecureMailer.Failure(true, "connection to mail server smtp.example.org:587 failed"),
        classify(e));
  }

  @Test
  void timeoutIsRetried() {
    MessagingException e =
        new MessagingException(
            "Exception reading response", new SocketTimeoutException("Read timed out"));
    assertEquals(
        new SecureMailer.Failure(true, "mail server smtp.example.org:587 did not answer in time"),
        classify(e));
  }
}
