package dev.dualcheck.delivery;

/**
 * A report could not be delivered. The message is one line that says what went wrong (server,
 * recipient address, certificate date) and never quotes report content.
 */
public final class DeliveryException extends Exception {
  private static final long serialVersionUID = 1L;

  DeliveryException(String message) {
    super(message);
  }

  DeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
