package dev.dualcheck.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the clinic's outgoing mail server.
 *
 * @param host SMTP server host name
 * @param port SMTP submission port, usually 587
 * @param startTlsRequired refuse to send unless the server upgrades the connection with STARTTLS;
 *     when false, STARTTLS is still used whenever the server offers it. Must be true when a
 *     password is given.
 * @param username SMTP login, or null for a server without authentication
 * @param password SMTP password, or null without authentication; never printed
 * @param from the envelope and header sender address
 * @param connectTimeout limit for opening the connection
 * @param readTimeout limit for each read and write on the connection
 * @param attempts how many times to try before giving up on transient failures, at least 1
 * @param firstBackoff wait after the first failed attempt; doubles after each further one
 * @param trustStore PEM file of CA certificates, or PKCS#12 file without password, that the
 *     server's certificate must chain to; empty for the JDK's default trust store
 */
public record MailSettings(
    String host,
    int port,
    boolean startTlsRequired,
    String username,
    char[] password,
    String from,
    Duration connectTimeout,
    Duration readTimeout,
    int attempts,
    Duration firstBackoff,
    Optional<Path> trustStore) {

  public MailSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(firstBackoff, "firstBackoff");
    Objects.requireNonNull(trustStore, "trustStore");
    if (host.isBlank()) {
      throw new IllegalArgumentException("mail host is blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("mail port " + port + " is not between 1 and 65535");
    }
    if (from.isBlank()) {
      throw new IllegalArgumentException("mail sender address is blank");
    }
    if ((username == null) != (password == null)) {
      throw new IllegalArgumentException("mail username and password must be given together");
    }
    if (password != null && !startTlsRequired) {
      // without STARTTLS the password would cross the network in clear
      throw new IllegalArgumentException("a mail password needs startTlsRequired");
    }
    if (!isPositive(connectTimeout) || !isPositive(readTimeout)) {
      throw new IllegalArgumentException("mail timeouts must be positive");
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("mail attempts must be at least 1, not " + attempts);
    }
    if (firstBackoff.isNegative()) {
      throw new IllegalArgumentException("mail backoff must not be negative");
    }
  }

  private static boolean isPositive(Duration duration) {
    return !duration.isNegative() && !duration.isZero();
  }

  String server() {
    return host + ":" + port;
  }

  /** Leaves the password out, so the settings can be logged. */
  @Override
  public String toString() {
    return "MailSettings[host="
        + host
        + ", port="
        + port
        + ", startTlsRequired="
        + startTlsRequired
        + ", username="
        + username
        + ", password="
        + (password == null ? "none" : "***")
        + ", from="
        + from
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", attempts="
        + attempts
        + ", firstBackoff="
        + firstBackoff
        + ", trustStore="
        + trustStore
        + "]";
  }
}
