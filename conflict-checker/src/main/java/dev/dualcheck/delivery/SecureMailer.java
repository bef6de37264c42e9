package dev.dualcheck.delivery;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Mails a report signed with the clinic's key and encrypted to each recipient's certificate, over
 * SMTP with STARTTLS, retrying transient failures with exponential backoff.
 */
public final class SecureMailer {
  private static final System.Logger LOG = System.getLogger(SecureMailer.class.getName());
  private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(15);

  private final MailSettings settings;
  private final SmimeComposer composer;
  private final Clock clock;
  private final Sleeper sleeper;

  /**
   * @param signingKey the clinic's private key, RSA or EC
   * @param signingChain the clinic's certificate first, then any intermediate CAs
   * @throws IllegalArgumentException when the key is neither RSA nor EC or does not belong to the
   *     first certificate
   */
  public SecureMailer(
      MailSettings settings,
      PrivateKey signingKey,
      List<X509Certificate> signingChain,
      Clock clock,
      Sleeper sleeper) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.composer =
        new SmimeComposer(
            Objects.requireNonNull(signingKey, "signingKey"),
            Objects.requireNonNull(signingChain, "signingChain"));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * Signs (S/MIME, SHA-256 with the clinic's RSA or EC key), then encrypts (AES-256-CBC
   * EnvelopedData) to every recipient's certificate, and sends one message to all recipients. Only
   * the subject and the addresses travel in clear, so the subject must carry no personal data; the
   * body and the attachment are inside the encryption.
   *
   * <p>Every certificate is checked first (present, valid now, usable for encryption). Transient
   * failures (server unreachable, timeouts, 4xx replies) are retried up to {@link
   * MailSettings#attempts()} times; a refused login, a missing STARTTLS, a failed TLS handshake and
   * 5xx replies end at once.
   *
   * @throws DeliveryException with a one-line reason when the report was not delivered
   */
  public void send(
      List<Recipient> recipients,
      String subject,
      String body,
      String attachmentName,
      byte[] attachment)
      throws DeliveryException {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(attachmentName, "attachmentName");
    Objects.requireNonNull(attachment, "attachment");
    if (recipients.isEmpty()) {
      throw new DeliveryException("no recipients for the report mail");
    }
    Instant now = clock.instant();
    RecipientCheck.checkValidity(composer.signingCertificate(), now, "clinic signing certificate");
    List<X509Certificate> certificates = new ArrayList<>();
    for (Recipient recipient : recipients) {
      RecipientCheck.check(recipient, now);
      certificates.add(recipient.certificate());
    }
    Session session = session();
    MimeMessage message;
    try {
      MimeBodyPart enveloped =
          composer.compose(body, attachmentName, attachment, certificates, now);
      message = message(session, recipients, subject, enveloped, now);
    } catch (AddressException e) {
      throw new DeliveryException("not an e-mail address: " + e.getRef(), e);
    } catch (MessagingException | GeneralSecurityException e) {
      throw new DeliveryException("could not build the signed and encrypted report mail", e);
    }
    sendWithRetries(session, message);
  }

  private MimeMessage message(
      Session session,
      List<Recipient> recipients,
      String subject,
      MimeBodyPart enveloped,
      Instant now)
      throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(settings.from(), true));
    List<InternetAddress> to = new ArrayList<>();
    for (Recipient recipient : recipients) {
      to.add(new InternetAddress(recipient.address(), true));
    }
    message.setRecipients(Message.RecipientType.TO, to.toArray(new InternetAddress[0]));
    message.setSubject(subject, "UTF-8");
    message.setSentDate(Date.from(now));
    // the enveloped entity becomes the whole message: same content, type and disposition
    message.setDataHandler(enveloped.getDataHandler());
    for (String header :
        List.of("Content-Type", "Content-Disposition", "Content-Transfer-Encoding")) {
      String value = enveloped.getHeader(header, null);
      if (value != null) {
        message.setHeader(header, value);
      }
    }
    message.saveChanges();
    return message;
  }

  private void sendWithRetries(Session session, MimeMessage message) throws DeliveryException {
    for (int attempt = 1; ; attempt++) {
      try {
        sendOnce(session, message);
        return;
      } catch (MessagingException e) {
        Failure failure = Failure.classify(e, settings);
        if (!failure.retry()) {
          throw new DeliveryException(failure.reason(), e);
        }
        if (attempt >= settings.attempts()) {
          throw new DeliveryException(
              failure.reason() + " after " + attempt + plural(attempt, " attempt"), e);
        }
        Duration wait = backoff(attempt);
        LOG.log(
            System.Logger.Level.WARNING,
            "report mail attempt {0} of {1} failed: {2}; next attempt in {3}",
            attempt,
            settings.attempts(),
            failure.reason(),
            wait);
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new DeliveryException(
              "report mail to " + settings.server() + " interrupted while waiting to retry",
              interrupted);
        }
      }
    }
  }

  private void sendOnce(Session session, MimeMessage message) throws MessagingException {
    try (Transport transport = session.getTransport("smtp")) {
      String password = settings.password() == null ? null : new String(settings.password());
      transport.connect(settings.host(), settings.port(), settings.username(), password);
      transport.sendMessage(message, message.getAllRecipients());
    }
  }

  /** firstBackoff, then twice that, and so on, at most 15 minutes. */
  Duration backoff(int failedAttempts) {
    Duration wait = settings.firstBackoff();
    for (int i = 1; i < failedAttempts && wait.compareTo(LONGEST_BACKOFF) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : wait;
  }

  private Session session() throws DeliveryException {
    Properties properties = new Properties();
    properties.put("mail.transport.protocol", "smtp");
    properties.put("mail.smtp.host", settings.host());
    properties.put("mail.smtp.port", Integer.toString(settings.port()));
    properties.put("mail.smtp.from", settings.from());
    properties.put("mail.smtp.auth", Boolean.toString(settings.username() != null));
    properties.put("mail.smtp.starttls.enable", "true");
    properties.put("mail.smtp.starttls.required", Boolean.toString(settings.startTlsRequired()));
    properties.put("mail.smtp.ssl.checkserveridentity", "true");
    properties.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
    properties.put("mail.smtp.connectiontimeout", millis(settings.connectTimeout()));
    properties.put("mail.smtp.timeout", millis(settings.readTimeout()));
    properties.put("mail.smtp.writetimeout", millis(settings.readTimeout()));
    if (settings.trustStore().isPresent()) {
      properties.put("mail.smtp.ssl.socketFactory", socketFactory());
    }
    return Session.getInstance(properties);
  }

  private SSLSocketFactory socketFactory() throws DeliveryException {
    try {
      return Certificates.socketFactoryTrusting(settings.trustStore().orElseThrow());
    } catch (IOException | GeneralSecurityException e) {
      throw new DeliveryException(
          "cannot read the mail trust store " + settings.trustStore().orElseThrow(), e);
    }
  }

  private static String millis(Duration duration) {
    return Long.toString(Math.max(1, duration.toMillis()));
  }

  private static String plural(int count, String noun) {
    return count == 1 ? noun : noun + "s";
  }

  /** Why one attempt failed, and whether another attempt could succeed. */
  record Failure(boolean retry, String reason) {
    static Failure classify(MessagingException e, MailSettings settings) {
      String server = "mail server " + settings.server();
      if (e instanceof AuthenticationFailedException) {
        return new Failure(
            false, "authentication refused by " + server + " for user " + settings.username());
      }
      String text = String.valueOf(e.getMessage());
      if (text.contains("STARTTLS is required") || text.contains("STARTTLS required")) {
        return new Failure(false, server + " does not offer STARTTLS (required by config)");
      }
      Integer code = replyCode(e);
      if (code != null) {
        boolean temporary = code >= 400 && code < 500;
        return new Failure(
            temporary,
            server
                + (temporary ? " deferred" : " rejected")
                + " the report mail (reply "
                + code
                + ")");
      }
      Throwable tls = causeOfType(e, SSLException.class);
      if (tls != null) {
        return new Failure(false, "TLS handshake with " + server + " failed: " + rootMessage(tls));
      }
      if (e instanceof MailConnectException) {
        return new Failure(true, server + " unreachable");
      }
      if (causeOfType(e, SocketTimeoutException.class) != null) {
        return new Failure(true, server + " did not answer in time");
      }
      if (causeOfType(e, IOException.class) != null) {
        return new Failure(true, "connection to " + server + " failed");
      }
      return new Failure(true, server + " failed to take the report mail");
    }

    /** The SMTP reply code of a refused command, the first permanent one when there are several. */
    private static Integer replyCode(MessagingException e) {
      Integer found = null;
      for (Exception next = e; next != null; ) {
        int code = -1;
        if (next instanceof SMTPSendFailedException failed) {
          code = failed.getReturnCode();
        } else if (next instanceof SMTPAddressFailedException failed) {
          code = failed.getReturnCode();
        } else if (next instanceof SMTPSenderFailedException failed) {
          code = failed.getReturnCode();
        }
        if (code >= 500) {
          return code;
        }
        if (code >= 400 && found == null) {
          found = code;
        }
        next = next instanceof MessagingException m ? m.getNextException() : null;
      }
      return found;
    }

    private static Throwable causeOfType(Throwable e, Class<? extends Throwable> type) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (type.isInstance(cause)) {
          return cause;
        }
      }
      return null;
    }

    private static String rootMessage(Throwable e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
  }
}
