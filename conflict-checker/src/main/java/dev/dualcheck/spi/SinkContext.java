package dev.dualcheck.spi;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/**
 * What a {@link ReportSink} may use besides the report: the clinic's signing identity (for S/MIME)
 * and the clock.
 */
public interface SinkContext {

  String clinicName();

  PrivateKey signingKey();

  /** The clinic's certificate first, then any intermediate CAs. */
  List<X509Certificate> signingChain();

  Clock clock();
}
