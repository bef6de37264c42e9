package dev.dualcheck.delivery;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/** Throwaway keys and certificates for the delivery tests; every name is made up. */
final class TestPki {
  static final Instant NOW = Instant.parse("2026-11-27T23:00:00Z");
  private static final AtomicLong SERIAL = new AtomicLong(1);

  record Issued(KeyPair keys, X509Certificate certificate) {
    PrivateKey privateKey() {
      return keys.getPrivate();
    }
  }

  private TestPki() {}

  static KeyPair ecKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  static KeyPair rsaKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** The clinic's self-signed S/MIME signing certificate, as {@code init} makes one. */
  static Issued clinicCertificate(KeyPair keys) throws Exception {
    X500Name name = new X500Name("CN=Example Clinic reports");
    X509v3CertificateBuilder builder =
        builder(name, name, keys, NOW.minusSeconds(86_400), NOW.plusSeconds(365L * 86_400));
    builder.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    builder.addExtension(
        Extension.extendedKeyUsage,
        false,
        new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
    return new Issued(keys, sign(builder, keys.getPrivate()));
  }

  /** A self-signed test CA. */
  static Issued selfSigned(String commonName, KeyPair keys) throws Exception {
    X500Name name = new X500Name("CN=" + commonName);
    X509v3CertificateBuilder builder =
        builder(name, name, keys, NOW.minusSeconds(86_400), NOW.plusSeconds(365L * 86_400));
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    builder.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    return new Issued(keys, sign(builder, keys.getPrivate()));
  }

  /** An S/MIME certificate for {@code address}, issued by {@code ca}. */
  static Issued mailCertificate(Issued ca, String address, KeyPair keys, Instant notAfter)
      throws Exception {
    boolean rsa = keys.getPublic().getAlgorithm().equals("RSA");
    X509v3CertificateBuilder builder =
        builder(
            new X500Name("CN=" + address),
            issuerName(ca),
            keys,
            notAfter.minusSeconds(365L * 86_400),
            notAfter);
    builder.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(
            KeyUsage.digitalSignature | (rsa ? KeyUsage.keyEncipherment : KeyUsage.keyAgreement)));
    builder.addExtension(
        Extension.extendedKeyUsage,
        false,
        new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.rfc822Name, address)));
    return new Issued(keys, sign(builder, ca.privateKey()));
  }

  /** A certificate with exactly the given validity, key usage bits and extended key usage. */
  static Issued custom(
      Issued ca,
      String address,
      KeyPair keys,
      Instant notBefore,
      Instant notAfter,
      int keyUsage,
      KeyPurposeId extendedUsage)
      throws Exception {
    X509v3CertificateBuilder builder =
        builder(new X500Name("CN=" + address), issuerName(ca), keys, notBefore, notAfter);
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(extendedUsage));
    return new Issued(keys, sign(builder, ca.privateKey()));
  }

  /** A TLS server certificate for 127.0.0.1 and localhost, issued by {@code ca}. */
  static Issued serverCertificate(Issued ca) throws Exception {
    KeyPair keys = ecKeys();
    X509v3CertificateBuilder builder =
        builder(
            new X500Name("CN=localhost"),
            issuerName(ca),
            keys,
            NOW.minusSeconds(86_400),
            NOW.plusSeconds(30L * 86_400));
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
              new GeneralName(GeneralName.dNSName, "localhost")
            }));
    builder.addExtension(
        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    return new Issued(keys, sign(builder, ca.privateKey()));
  }

  static Path writePem(Path file, Object... objects) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      for (Object object : objects) {
        // PKCS#8, so openssl gets EC keys with their curve
        writer.writeObject(
            object instanceof PrivateKey key
                ? new PemObject("PRIVATE KEY", key.getEncoded())
                : object);
      }
    }
    return Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
  }

  static List<X509Certificate> chain(Issued... certificates) {
    List<X509Certificate> chain = new ArrayList<>();
    for (Issued issued : certificates) {
      chain.add(issued.certificate());
    }
    return chain;
  }

  private static X500Name issuerName(Issued ca) {
    return X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
  }

  private static X509v3CertificateBuilder builder(
      X500Name subject, X500Name issuer, KeyPair keys, Instant notBefore, Instant notAfter) {
    return new JcaX509v3CertificateBuilder(
        issuer,
        BigInteger.valueOf(SERIAL.getAndIncrement()),
        Date.from(notBefore),
        Date.from(notAfter),
        subject,
        keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
      throws OperatorCreationException, GeneralSecurityException {
    String algorithm = issuerKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
  }
}
