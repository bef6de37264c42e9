package dev.dualcheck.spi;

import dev.dualcheck.check.ScanResult;

/**
 * A finished report for a {@link ReportSink}: the findings, the signed PDF and the findings JSON.
 *
 * @param name a file name without extension, e.g. {@code dualcheck-2026-11-27}
 * @param summary one line without personal data, for a mail subject or a log
 */
public record Report(String name, String summary, ScanResult result, byte[] pdf, byte[] json) {

  public Report {
    pdf = pdf.clone();
    json = json.clone();
  }

  @Override
  public byte[] pdf() {
    return pdf.clone();
  }

  @Override
  public byte[] json() {
    return json.clone();
  }
}
