package dev.dualcheck.delivery;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Someone a report is mailed to, with the certificate the report is encrypted to.
 *
 * @param address the recipient's e-mail address
 * @param certificate the recipient's S/MIME certificate; null when none was configured, which
 *     {@link SecureMailer#send} reports as an error
 */
public record Recipient(String address, X509Certificate certificate) {
  public Recipient {
    Objects.requireNonNull(address, "address");
    if (address.isBlank()) {
      throw new IllegalArgumentException("recipient address is blank");
    }
  }
}
