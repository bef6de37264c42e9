package dev.dualcheck.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a PDF as PAdES baseline B-B: an incremental revision holding a signature dictionary with
 * {@code /SubFilter /ETSI.CAdES.detached} and {@code /M}, and a detached CMS over the byte range
 * whose signed attributes are content-type, message-digest and ESS signing-certificate-v2, with no
 * CMS signing-time (PAdES puts the time in {@code /M} only).
 */
public final class PadesSigner {

  static final COSName ETSI_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");

  private PadesSigner() {}

  /**
   * Signs {@code pdf} with {@code key}.
   *
   * @param chain the signer's certificate first, then any intermediate certificates to embed
   * @param signingTime written to the signature dictionary's {@code /M}
   * @param signerName written to the signature dictionary's {@code /Name}
   * @return the signed PDF: the input bytes followed by one incremental revision
   */
  public static byte[] sign(
      byte[] pdf,
      PrivateKey key,
      List<X509Certificate> chain,
      Instant signingTime,
      String signerName)
      throws IOException, GeneralSecurityException {
    Objects.requireNonNull(pdf, "pdf");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(signingTime, "signingTime");
    if (chain == null || chain.isEmpty()) {
      throw new IllegalArgumentException("the certificate chain must hold the signer certificate");
    }
    int reserve = 8192;
    for (X509Certificate c : chain) {
      reserve += c.getEncoded().length;
    }
    try (PDDocument doc = Loader.loadPDF(pdf);
        SignatureOptions options = new SignatureOptions()) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(ETSI_CADES_DETACHED);
      if (signerName != null) {
        signature.setName(signerName);
      }
      signature.setReason("Dual-relationship conflict report");
      Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
      when.setTimeInMillis(signingTime.toEpochMilli());
      signature.setSignDate(when);
      options.setPreferredSignatureSize(reserve);
      doc.addSignature(signature, options);

      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * reserve + 4096);
      ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
      byte[] cms = cms(external.getContent().readAllBytes(), key, chain);
      if (cms.length > reserve) {
        throw new IOException(
            "the CMS signature (" + cms.length + " bytes) exceeds the space reserved for it");
      }
      external.setSignature(cms);
      return out.toByteArray();
    }
  }

  /** A detached CMS SignedData over {@code content}, DER-encoded. */
  static byte[] cms(byte[] content, PrivateKey key, List<X509Certificate> chain)
      throws IOException, GeneralSecurityException {
    X509Certificate signer = chain.get(0);
    try {
      ContentSigner contentSigner = new JcaContentSignerBuilder(algorithm(key)).build(key);
      JcaSignerInfoGeneratorBuilder infoBuilder =
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build());
      infoBuilder.setSignedAttributeGenerator(withoutSigningTime(signingCertificateV2(signer)));
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(infoBuilder.build(contentSigner, signer));
      generator.addCertificates(new JcaCertStore(chain));
      CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), false);
      return signed.getEncoded("DER");
    } catch (OperatorCreationException | CMSException e) {
      throw new GeneralSecurityException("could not create the CMS signature", e);
    }
  }

  private static String algorithm(PrivateKey key) throws GeneralSecurityException {
    return switch (key.getAlgorithm()) {
      case "EC", "ECDSA" -> "SHA256withECDSA";
      case "RSA" -> "SHA256withRSA";
      default ->
          throw new GeneralSecurityException(
              "unsupported signing key type " + key.getAlgorithm() + " (use EC P-256 or RSA)");
    };
  }

  /** ESS signing-certificate-v2 (RFC 5035): binds the signer certificate into the signature. */
  private static Attribute signingCertificateV2(X509Certificate signer)
      throws GeneralSecurityException {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(signer.getEncoded());
    IssuerSerial issuerSerial =
        new IssuerSerial(
            new GeneralNames(
                new GeneralName(
                    X500Name.getInstance(signer.getIssuerX500Principal().getEncoded()))),
            signer.getSerialNumber());
    ESSCertIDv2 id =
        new ESSCertIDv2(
            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuerSerial);
    return new Attribute(
        PKCSObjectIdentifiers.id_aa_signingCertificateV2,
        new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
  }

  /**
   * Bouncy Castle's default generator adds content-type, message-digest, CMS algorithm protection
   * and signing-time; PAdES forbids the last, so it is removed.
   */
  private static CMSAttributeTableGenerator withoutSigningTime(Attribute extra) {
    DefaultSignedAttributeTableGenerator defaults =
        new DefaultSignedAttributeTableGenerator(new AttributeTable(extra));
    return parameters -> defaults.getAttributes(parameters).remove(CMSAttributes.signingTime);
  }
}
