package dev.dualcheck.report;

import java.time.Instant;

/**
 * The outcome of verifying a signed report.
 *
 * @param valid true only when the signature is intact, covers the whole file and (if a trusted
 *     certificate was given) comes from it
 * @param message {@code "valid: signed by CN=…, at …, covers the whole document"} or the reason it
 *     is not valid
 * @param signer the signer certificate's subject, or null when there is no readable signature
 * @param signedAt the signing time claimed in the signature dictionary ({@code /M}), or null
 */
public record Verification(boolean valid, String message, String signer, Instant signedAt) {

  static Verification invalid(String reason) {
    return new Verification(false, reason, null, null);
  }

  static Verification invalid(String reason, String signer, Instant signedAt) {
    return new Verification(false, reason, signer, signedAt);
  }
}
