package dev.dualcheck.delivery;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

/** Refuses certificates a report must not be encrypted to, naming the recipient and the reason. */
final class RecipientCheck {
  private static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
  private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
  private static final int KEY_ENCIPHERMENT = 2;
  private static final int KEY_AGREEMENT = 4;

  private RecipientCheck() {}

  static void check(Recipient recipient, Instant now) throws DeliveryException {
    X509Certificate certificate = recipient.certificate();
    String who = recipient.address();
    if (certificate == null) {
      throw new DeliveryException("no certificate for recipient " + who);
    }
    checkValidity(certificate, now, "certificate for " + who);
    String algorithm = certificate.getPublicKey().getAlgorithm();
    switch (algorithm) {
      case "RSA" -> requireKeyUsage(certificate, KEY_ENCIPHERMENT, who, "key encipherment");
      case "EC" -> requireKeyUsage(certificate, KEY_AGREEMENT, who, "key agreement");
      default ->
          throw new DeliveryException(
              "certificate for " + who + " has a " + algorithm + " key, which cannot receive mail");
    }
    List<String> extendedUsage;
    try {
      extendedUsage = certificate.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      throw new DeliveryException("certificate for " + who + " has a damaged extension", e);
    }
    if (extendedUsage != null
        && !extendedUsage.contains(EMAIL_PROTECTION)
        && !extendedUsage.contains(ANY_EXTENDED_KEY_USAGE)) {
      throw new DeliveryException("certificate for " + who + " is not for e-mail protection");
    }
  }

  /** Both ends inclusive, as RFC 5280 defines the validity period. */
  static void checkValidity(X509Certificate certificate, Instant now, String what)
      throws DeliveryException {
    if (now.isAfter(certificate.getNotAfter().toInstant())) {
      throw new DeliveryException(what + " expired on " + day(certificate.getNotAfter()));
    }
    if (now.isBefore(certificate.getNotBefore().toInstant())) {
      throw new DeliveryException(what + " is not valid before " + day(certificate.getNotBefore()));
    }
  }

  private static void requireKeyUsage(
      X509Certificate certificate, int bit, String who, String usageName) throws DeliveryException {
    boolean[] usage = certificate.getKeyUsage();
    // no key usage extension means no restriction
    if (usage != null && (usage.length <= bit || !usage[bit])) {
      throw new DeliveryException("certificate for " + who + " does not allow " + usageName);
    }
  }

  private static String day(Date date) {
    return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC).toString();
  }
}
