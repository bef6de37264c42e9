package dev.dualcheck.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Verifies a signed report offline: the last signature must cover every byte of the file, its CMS
 * must match the signed bytes and the embedded signer certificate, and — when a trusted certificate
 * is given — the signer must be that certificate or be issued by it.
 */
public final class ReportVerifier {

  private ReportVerifier() {}

  /**
   * Verifies {@code pdf}.
   *
   * @param trusted the certificate the signer must be, or be issued by; empty to check integrity
   *     only
   * @return the outcome; a damaged or tampered file gives an invalid outcome, never an exception
   */
  public static Verification verify(byte[] pdf, Optional<X509Certificate> trusted)
      throws IOException {
    PDSignature signature;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<PDSignature> signatures = doc.getSignatureDictionaries();
      if (signatures.isEmpty()) {
        return Verification.invalid("not signed");
      }
      signature = lastSigned(signatures);
    } catch (IOException e) {
      return Verification.invalid("not a readable PDF (damaged, or not a PDF at all)");
    }
    Calendar m = signature.getSignDate();
    Instant signedAt = m == null ? null : m.toInstant();

    int[] br = signature.getByteRange();
    String coverage = checkByteRange(br, pdf.length);
    if (coverage != null) {
      return Verification.invalid(coverage, null, signedAt);
    }
    byte[] contents = hexContents(pdf, br[1], br[2]);
    if (contents == null) {
      return Verification.invalid(
          "invalid: the signature's /Contents is not a hex string", null, signedAt);
    }
    if (!PadesSigner.ETSI_CADES_DETACHED.equals(
        signature.getCOSObject().getCOSName(COSName.SUB_FILTER))) {
      return Verification.invalid(
          "invalid: not PAdES: /SubFilter is not ETSI.CAdES.detached", null, signedAt);
    }
    if (signedAt == null) {
      return Verification.invalid(
          "invalid: the signature has no signing time (/M)", null, signedAt);
    }
    byte[] signed = new byte[br[1] + br[3]];
    System.arraycopy(pdf, br[0], signed, 0, br[1]);
    System.arraycopy(pdf, br[2], signed, br[1], br[3]);
    return checkCms(signed, contents, signedAt, trusted);
  }

  /**
   * The signature whose signed range ends last, i.e. the latest revision's; one with a malformed
   * range counts as last, so that it is reported rather than skipped.
   */
  private static PDSignature lastSigned(List<PDSignature> signatures) {
    PDSignature last = signatures.get(0);
    long lastEnd = -1;
    for (PDSignature s : signatures) {
      int[] br = s.getByteRange();
      long end = br == null || br.length != 4 ? Long.MAX_VALUE : (long) br[2] + br[3];
      if (end > lastEnd) {
        lastEnd = end;
        last = s;
      }
    }
    return last;
  }

  /** Null when the byte range covers the whole file except the /Contents hex string. */
  static String checkByteRange(int[] br, int fileLength) {
    if (br == null || br.length != 4) {
      return "invalid: the signature's /ByteRange is not 4 numbers";
    }
    for (int v : br) {
      if (v < 0) {
        return "invalid: the signature's /ByteRange is malformed";
      }
    }
    if (br[0] != 0) {
      return "invalid: the signature does not cover the start of the file";
    }
    if ((long) br[0] + br[1] >= br[2] || (long) br[2] + br[3] > fileLength) {
      return "invalid: the signature's /ByteRange points outside the file";
    }
    if ((long) br[2] + br[3] < fileLength) {
      return "invalid: bytes were added after signing ("
          + (fileLength - ((long) br[2] + br[3]))
          + " bytes, a later revision)";
    }
    return null;
  }

  /** The bytes of the {@code <…>} hex string that fills the gap, or null if it is not one. */
  private static byte[] hexContents(byte[] pdf, int start, int end) {
    if (end - start < 2 || pdf[start] != '<' || pdf[end - 1] != '>' || (end - start) % 2 != 0) {
      return null;
    }
    byte[] out = new byte[(end - start - 2) / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(pdf[start + 1 + 2 * i], 16);
      int lo = Character.digit(pdf[start + 2 + 2 * i], 16);
      if (hi < 0 || lo < 0) {
        return null;
      }
      out[i] = (byte) (hi << 4 | lo);
    }
    // br[1] + contents.length * 2 + 2 == br[2] holds by construction here.
    return out;
  }

  private static Verification checkCms(
      byte[] signed, byte[] contents, Instant signedAt, Optional<X509Certificate> trusted) {
    SignerInformation signer;
    X509Certificate cert;
    try {
      // The byte[] constructor rejects the zero padding after the DER object (BC >= 1.85).
      CMSSignedData cms =
          new CMSSignedData(
              new CMSProcessableByteArray(signed), new ByteArrayInputStream(contents));
      Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
      if (signers.size() != 1) {
        return Verification.invalid(
            "invalid: expected one CMS signer, found " + signers.size(), null, signedAt);
      }
      signer = signers.iterator().next();
      // SignerId is a raw Selector: match by hand rather than through an unchecked call.
      X509CertificateHolder match = null;
      for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
        if (signer.getSID().match(holder)) {
          match = holder;
          break;
        }
      }
      if (match == null) {
        return Verification.invalid(
            "invalid: the signer certificate is not embedded in the signature", null, signedAt);
      }
      cert = new JcaX509CertificateConverter().getCertificate(match);
    } catch (CMSException | CertificateException | RuntimeException e) {
      return Verification.invalid("invalid: the CMS signature cannot be read", null, signedAt);
    }
    String subject = cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
    try {
      AttributeTable attributes = signer.getSignedAttributes();
      if (attributes == null) {
        return Verification.invalid("invalid: the CMS has no signed attributes", subject, signedAt);
      }
      if (attributes.get(CMSAttributes.signingTime) != null) {
        return Verification.invalid(
            "invalid: not PAdES: the CMS carries a signing-time attribute", subject, signedAt);
      }
      if (!digestMatches(signer, attributes, signed)) {
        return Verification.invalid(
            "invalid: the signed bytes were changed (message digest mismatch)", subject, signedAt);
      }
      if (!signingCertificateMatches(attributes, cert)) {
        return Verification.invalid(
            "invalid: the signing-certificate-v2 attribute does not name the signer certificate",
            subject,
            signedAt);
      }
      if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))) {
        return Verification.invalid(
            "invalid: the signature does not match the signer's key", subject, signedAt);
      }
    } catch (CMSException | OperatorCreationException | GeneralSecurityException | IOException e) {
      return Verification.invalid(
          "invalid: the signature cannot be checked (" + e.getClass().getSimpleName() + ")",
          subject,
          signedAt);
    }
    try {
      cert.checkValidity(Date.from(signedAt));
    } catch (CertificateException e) {
      return Verification.invalid(
          "invalid: the signer certificate was not valid at the signing time " + signedAt,
          subject,
          signedAt);
    }
    if (trusted.isPresent() && !issuedByOrEqual(cert, trusted.get())) {
      return Verification.invalid(
          "signer not trusted: "
              + subject
              + " is neither the trusted certificate nor issued by it ("
              + trusted.get().getSubjectX500Principal().getName(X500Principal.RFC2253)
              + ")",
          subject,
          signedAt);
    }
    String message =
        "valid: signed by "
            + subject
            + ", at "
            + signedAt
            + ", covers the whole document"
            + (trusted.isPresent() ? "" : " (signer not checked: no trusted certificate given)");
    return new Verification(true, message, subject, signedAt);
  }

  private static boolean digestMatches(
      SignerInformation signer, AttributeTable attributes, byte[] signed)
      throws OperatorCreationException, IOException {
    Attribute attribute = attributes.get(CMSAttributes.messageDigest);
    if (attribute == null || attribute.getAttrValues().size() != 1) {
      return false;
    }
    byte[] claimed =
        ASN1OctetString.getInstance(attribute.getAttrValues().getObjectAt(0)).getOctets();
    DigestCalculator calculator =
        new JcaDigestCalculatorProviderBuilder().build().get(signer.getDigestAlgorithmID());
    try (OutputStream out = calculator.getOutputStream()) {
      out.write(signed);
    }
    return MessageDigest.isEqual(claimed, calculator.getDigest());
  }

  private static boolean signingCertificateMatches(AttributeTable attributes, X509Certificate cert)
      throws GeneralSecurityException {
    Attribute attribute = attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
    if (attribute == null || attribute.getAttrValues().size() != 1) {
      return false;
    }
    ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
    ESSCertIDv2[] ids = SigningCertificateV2.getInstance(value).getCerts();
    if (ids.length == 0) {
      return false;
    }
    ESSCertIDv2 first = ids[0];
    String algorithm = first.getHashAlgorithm().getAlgorithm().getId();
    byte[] actual = MessageDigest.getInstance(algorithm).digest(cert.getEncoded());
    return Arrays.equals(actual, first.getCertHash());
  }

  private static boolean issuedByOrEqual(X509Certificate cert, X509Certificate trusted) {
    if (cert.equals(trusted)) {
      return true;
    }
    if (!cert.getIssuerX500Principal().equals(trusted.getSubjectX500Principal())) {
      return false;
    }
    try {
      cert.verify(trusted.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
