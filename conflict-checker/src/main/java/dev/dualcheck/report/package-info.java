/**
 * Signed PDF reports a licensing board can verify offline.
 *
 * <p>{@link dev.dualcheck.report.ReportRenderer} turns a scan into an unsigned PDF (or its redacted
 * board copy), {@link dev.dualcheck.report.PadesSigner} signs it as PAdES baseline B-B with the
 * clinic's key, and {@link dev.dualcheck.report.ReportVerifier} checks that the signature is
 * intact, covers every byte of the file and comes from a trusted certificate. Fonts: DejaVu Sans,
 * shipped in this package's resources with its licence.
 */
package dev.dualcheck.report;
