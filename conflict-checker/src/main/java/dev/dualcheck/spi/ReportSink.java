package dev.dualcheck.spi;

import java.io.IOException;

/**
 * Where a finished report goes (a folder, S/MIME mail, a plugin's document system). Registered in
 * {@code META-INF/services/dev.dualcheck.spi.ReportSink}; the nightly config names sinks under
 * {@code sinks:} with their options.
 */
public interface ReportSink {

  /** The name the config uses, e.g. {@code file}. */
  String name();

  /** Delivers the report; throws with a message naming what failed (never report content). */
  void deliver(Report report, Options options, SinkContext context) throws IOException;
}
