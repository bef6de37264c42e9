package dev.dualcheck.report;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Throwaway signing identities for tests: EC P-256 (or RSA), self-signed or CA-issued. */
record TestKeys(PrivateKey key, X509Certificate cert) {

  static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");

  static TestKeys selfSigned(String cn) throws GeneralSecurityException {
    KeyPair pair = ec();
    return new TestKeys(pair.getPrivate(), issue(cn, pair, cn, pair.getPrivate(), true));
  }

  static TestKeys rsa(String cn) throws GeneralSecurityException {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    KeyPair pair = gen.generateKeyPair();
    return new TestKeys(pair.getPrivate(), issue(cn, pair, cn, pair.getPrivate(), false));
  }

  /** A certificate for a new EC key, issued by this identity. */
  TestKeys issue(String cn) throws GeneralSecurityException {
    KeyPair pair = ec();
    String issuer = cert.getSubjectX500Principal().getName();
    return new TestKeys(pair.getPrivate(), issue(cn, pair, issuer, key, false));
  }

  List<X509Certificate> chain() {
    return List.of(cert);
  }

  private static KeyPair ec() throws GeneralSecurityException {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
    gen.initialize(new ECGenParameterSpec("secp256r1"));
    return gen.generateKeyPair();
  }

  private static X509Certificate issue(
      String cn, KeyPair subject, String issuerDn, PrivateKey issuerKey, boolean ca)
      throws GeneralSecurityException {
    try {
      X500Name issuer = new X500Name(issuerDn.startsWith("CN=") ? issuerDn : "CN=" + issuerDn);
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer,
              BigInteger.valueOf(System.nanoTime()),
              Date.from(NOT_BEFORE),
              Date.from(NOT_BEFORE.plus(3650, ChronoUnit.DAYS)),
              new X500Name("CN=" + cn),
              subject.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(
              ca
                  ? KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyCertSign
                  : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      String algorithm =
          issuerKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
    } catch (OperatorCreationException | org.bouncycastle.cert.CertIOException e) {
      throw new GeneralSecurityException(e);
    }
  }
}
