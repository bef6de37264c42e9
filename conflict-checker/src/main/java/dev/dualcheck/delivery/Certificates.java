package dev.dualcheck.delivery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** Reads the certificates a mail configuration names. */
public final class Certificates {
  private static final String PEM_START = "-----BEGIN";

  private Certificates() {}

  /**
   * Reads the first certificate of a PEM file (a recipient's S/MIME certificate, say).
   *
   * @throws CertificateException when the file holds no certificate or a damaged one; the message
   *     names the file
   */
  public static X509Certificate readPem(Path file) throws IOException, GeneralSecurityException {
    List<X509Certificate> certificates = readAllPem(file);
    return certificates.get(0);
  }

  /** Reads every certificate of a PEM file, in file order; there must be at least one. */
  static List<X509Certificate> readAllPem(Path file) throws IOException, GeneralSecurityException {
    byte[] bytes = Files.readAllBytes(file);
    Collection<? extends Certificate> parsed;
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      parsed = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (CertificateException e) {
      throw new CertificateException(file + ": not a readable PEM certificate", e);
    }
    List<X509Certificate> certificates = new ArrayList<>();
    for (Certificate certificate : parsed) {
      if (certificate instanceof X509Certificate x509) {
        certificates.add(x509);
      }
    }
    if (certificates.isEmpty()) {
      throw new CertificateException(file + ": no certificate found");
    }
    return List.copyOf(certificates);
  }

  /**
   * Socket factory that trusts exactly the CA certificates of {@code trustStore}: a PEM file, or a
   * PKCS#12 file without password.
   */
  static SSLSocketFactory socketFactoryTrusting(Path trustStore)
      throws IOException, GeneralSecurityException {
    KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
    anchors.load(null, null);
    int index = 0;
    for (X509Certificate certificate : readTrustAnchors(trustStore)) {
      anchors.setCertificateEntry("ca-" + index++, certificate);
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(anchors);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context.getSocketFactory();
  }

  private static List<X509Certificate> readTrustAnchors(Path trustStore)
      throws IOException, GeneralSecurityException {
    if (startsWithPem(trustStore)) {
      return readAllPem(trustStore);
    }
    // without a password the JDK reads the unencrypted certificate bags (as in cacerts, or
    // openssl pkcs12 -export -nokeys -certpbe NONE); a store that hides them needs a PEM export
    List<X509Certificate> certificates = new ArrayList<>();
    for (char[] password : Arrays.asList(null, new char[0])) {
      KeyStore pkcs12 = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(trustStore)) {
        pkcs12.load(in, password);
      } catch (IOException e) {
        throw new CertificateException(trustStore + ": neither a PEM nor a PKCS#12 file", e);
      }
      for (String alias : Collections.list(pkcs12.aliases())) {
        if (pkcs12.getCertificate(alias) instanceof X509Certificate x509) {
          certificates.add(x509);
        }
      }
      if (!certificates.isEmpty()) {
        return certificates;
      }
    }
    throw new CertificateException(
        trustStore + ": no readable certificate (a password-protected PKCS#12? use PEM)");
  }

  private static boolean startsWithPem(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(64);
      String text = new String(head, StandardCharsets.US_ASCII).stripLeading();
      return text.startsWith(PEM_START);
    }
  }
}
