package dev.dualcheck.cli;

import dev.dualcheck.check.MatchSettings;
import dev.dualcheck.check.ScanResult;
import dev.dualcheck.report.PadesSigner;
import dev.dualcheck.report.ReportContext;
import dev.dualcheck.report.ReportRenderer;
import dev.dualcheck.store.SigningIdentity;
import dev.dualcheck.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;

/** Renders a scan as a PDF and signs it with the clinic's key. */
final class Reports {

  static final String METHOD =
      "Each contact was compared with every current and former client, every recorded associate"
          + " of a client, every staff member and every clinician's declared personal tie, and its"
          + " name forms were searched in the text of every case note version. The person who"
          + " referred a contact was compared with the clients. Names are compared after Unicode"
          + " folding, with particles, compound and swapped names, nicknames across languages and"
          + " phonetic codes; dates by level; phones in E.164; e-mail addresses in canonical form."
          + " Each field adds a Fellegi-Sunter weight (log2 m/u, common names weighing less); the"
          + " sum gives the score and the level. Discharged clients are always included.";

  private Reports() {}

  static void writeSigned(
      Store store, ScanResult result, String dataFingerprint, boolean redact, Path out, Clock clock)
      throws IOException, GeneralSecurityException {
    ReportContext context =
        new ReportContext(
            store.clinicName(),
            store.user().name(),
            dataFingerprint,
            Version.current(),
            MatchSettings.defaults().thresholds(),
            METHOD,
            ZoneId.systemDefault());
    byte[] unsigned = ReportRenderer.render(result, context, redact);
    SigningIdentity identity = store.signingIdentity();
    byte[] signed =
        PadesSigner.sign(
            unsigned, identity.key(), identity.chain(), clock.instant(), store.clinicName());
    Path partial = out.resolveSibling(out.getFileName() + ".part");
    Files.write(partial, signed);
    Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Identifies the data a scan saw: the store's state and the input files, hashed. */
  static String fingerprint(Store store, List<Path> inputs)
      throws IOException, GeneralSecurityException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    digest.update(Long.toString(store.changeSequence()).getBytes(StandardCharsets.US_ASCII));
    for (Path input : inputs) {
      // streamed: a nightly drop may hold a notes export of gigabytes
      try (InputStream in = Files.newInputStream(input);
          OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
        in.transferTo(sink);
      }
    }
    return "SHA-256:" + HexFormat.of().formatHex(digest.digest(), 0, 16);
  }
}
