package dev.dualcheck.delivery;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.smime.SMIMECapabilitiesAttribute;
import org.bouncycastle.asn1.smime.SMIMECapability;
import org.bouncycastle.asn1.smime.SMIMECapabilityVector;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.mail.smime.SMIMEEnvelopedGenerator;
import org.bouncycastle.mail.smime.SMIMEException;
import org.bouncycastle.mail.smime.SMIMESignedGenerator;
import org.bouncycastle.operator.OperatorCreationException;

/** Builds the signed, then encrypted, S/MIME entity that carries a report. */
final class SmimeComposer {
  // Bouncy Castle only for ECDH with a KDF, which the JDK lacks; not registered globally.
  private static final Provider BC = new BouncyCastleProvider();

  private final PrivateKey signingKey;
  private final List<X509Certificate> signingChain;
  private final String signatureAlgorithm;

  SmimeComposer(PrivateKey signingKey, List<X509Certificate> signingChain) {
    if (signingChain.isEmpty()) {
      throw new IllegalArgumentException("signing certificate chain is empty");
    }
    this.signingKey = signingKey;
    this.signingChain = List.copyOf(signingChain);
    this.signatureAlgorithm = signatureAlgorithm(signingKey);
    requireMatchingKey();
  }

  X509Certificate signingCertificate() {
    return signingChain.get(0);
  }

  /** multipart/mixed of the text body and the attachment, signed, then enveloped. */
  MimeBodyPart compose(
      String body,
      String attachmentName,
      byte[] attachment,
      List<X509Certificate> recipients,
      Instant signingTime)
      throws MessagingException, GeneralSecurityException {
    try {
      MimeBodyPart content = content(body, attachmentName, attachment);
      MimeBodyPart signed = new MimeBodyPart();
      signed.setContent(sign(content, signingTime));
      return encrypt(signed, recipients);
    } catch (CMSException | SMIMEException | OperatorCreationException e) {
      throw new GeneralSecurityException("could not sign or encrypt the report mail", e);
    }
  }

  private static MimeBodyPart content(String body, String attachmentName, byte[] attachment)
      throws MessagingException {
    MimeBodyPart text = new MimeBodyPart();
    text.setText(body, "UTF-8");
    // fixed transfer encodings, so nothing re-encodes the parts after they are signed
    text.setHeader("Content-Transfer-Encoding", "quoted-printable");
    MimeBodyPart file = new MimeBodyPart();
    file.setDataHandler(
        new DataHandler(new ByteArrayDataSource(attachment, mediaType(attachmentName))));
    file.setFileName(attachmentName);
    file.setDisposition(Part.ATTACHMENT);
    file.setHeader("Content-Transfer-Encoding", "base64");
    MimeMultipart mixed = new MimeMultipart("mixed");
    mixed.addBodyPart(text);
    mixed.addBodyPart(file);
    MimeBodyPart content = new MimeBodyPart();
    content.setContent(mixed);
    return content;
  }

  private MimeMultipart sign(MimeBodyPart content, Instant signingTime)
      throws OperatorCreationException, GeneralSecurityException, SMIMEException {
    SMIMECapabilityVector capabilities = new SMIMECapabilityVector();
    capabilities.addCapability(SMIMECapability.aES256_CBC);
    ASN1EncodableVector attributes = new ASN1EncodableVector();
    attributes.add(new SMIMECapabilitiesAttribute(capabilities));
    // the injected clock's time, not Bouncy Castle's own call to the system clock
    attributes.add(
        new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
    SMIMESignedGenerator generator = new SMIMESignedGenerator();
    generator.addSignerInfoGenerator(
        new JcaSimpleSignerInfoGeneratorBuilder()
            .setSignedAttributeGenerator(new AttributeTable(attributes))
            .build(signatureAlgorithm, signingKey, signingCertificate()));
    generator.addCertificates(new JcaCertStore(signingChain));
    return generator.generate(content);
  }

  private static MimeBodyPart encrypt(MimeBodyPart signed, List<X509Certificate> recipients)
      throws GeneralSecurityException, CMSException, SMIMEException {
    SMIMEEnvelopedGenerator generator = new SMIMEEnvelopedGenerator();
    for (X509Certificate recipient : recipients) {
      if (recipient.getPublicKey() instanceof ECPublicKey ecKey) {
        // ephemeral-static ECDH: a fresh originator key on the recipient's curve
        KeyPairGenerator keys = KeyPairGenerator.getInstance("EC", BC);
        keys.initialize(ecKey.getParams());
        KeyPair ephemeral = keys.generateKeyPair();
        generator.addRecipientInfoGenerator(
            new JceKeyAgreeRecipientInfoGenerator(
                    CMSAlgorithm.ECDH_SHA256KDF,
                    ephemeral.getPrivate(),
                    ephemeral.getPublic(),
                    CMSAlgorithm.AES256_WRAP)
                .addRecipient(recipient)
                .setProvider(BC));
      } else {
        generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(recipient));
      }
    }
    return generator.generate(
        signed, new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).build());
  }

  private static String signatureAlgorithm(PrivateKey key) {
    return switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default ->
          throw new IllegalArgumentException(
              "signing key is " + key.getAlgorithm() + "; only RSA and EC keys can sign");
    };
  }

  private void requireMatchingKey() {
    try {
      byte[] probe = "dualcheck signing key probe".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(signatureAlgorithm);
      signer.initSign(signingKey);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(signatureAlgorithm);
      verifier.initVerify(signingCertificate().getPublicKey());
      verifier.update(probe);
      if (!verifier.verify(signature)) {
        throw new IllegalArgumentException(
            "signing key does not belong to the first certificate of the chain");
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "signing key does not belong to the first certificate of the chain", e);
    }
  }

  private static String mediaType(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".pdf")) {
      return "application/pdf";
    }
    if (lower.endsWith(".json")) {
      return "application/json";
    }
    return "application/octet-stream";
  }
}
