package dev.dualcheck.report;

import dev.dualcheck.check.Level;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * What a report says about the run that produced it, besides the findings.
 *
 * @param clinicName the clinic, as printed on the cover
 * @param ranBy the user who ran the scan (shown as a pseudonym in the board copy)
 * @param dataFingerprint a digest identifying the state of the store that was checked
 * @param softwareVersion dualcheck's version
 * @param thresholds the minimum score for each level
 * @param method a paragraph saying what was checked and how
 * @param zone the time zone in which dates and times are printed
 */
public record ReportContext(
    String clinicName,
    String ranBy,
    String dataFingerprint,
    String softwareVersion,
    Map<Level, Double> thresholds,
    String method,
    ZoneId zone) {

  public ReportContext {
    Objects.requireNonNull(clinicName, "clinicName");
    Objects.requireNonNull(ranBy, "ranBy");
    Objects.requireNonNull(dataFingerprint, "dataFingerprint");
    Objects.requireNonNull(softwareVersion, "softwareVersion");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(zone, "zone");
    thresholds = Map.copyOf(thresholds);
  }
}
