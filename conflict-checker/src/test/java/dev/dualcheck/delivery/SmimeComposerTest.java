package dev.dualcheck.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.bouncycastle.mail.smime.SMIMEEnveloped;
import org.bouncycastle.mail.smime.SMIMESigned;
import org.bouncycastle.mail.smime.SMIMEUtil;
import org.junit.jupiter.api.Test;

class SmimeComposerTest {

  @Test
  void rsaClinicKeySignsWithTheInjectedTime() throws Exception {
    TestPki.Issued clinic = TestPki.clinicCertificate(TestPki.rsaKeys());
    TestPki.Issued ca = TestPki.selfSigned("dualcheck test CA", TestPki.ecKeys());
    TestPki.Issued director =
        TestPki.mailCertificate(
            ca, "director@clinic.test", TestPki.rsaKeys(), TestPki.NOW.plus(Duration.ofDays(30)));
    byte[] json = "{\"findings\": []}".getBytes(StandardCharsets.UTF_8);

    MimeBodyPart enveloped =
        new SmimeComposer(clinic.privateKey(), List.of(clinic.certificate()))
            .compose(
                "report attached", "scan.json", json, List.of(director.certificate()), TestPki.NOW);

    RecipientInformation info =
        new SMIMEEnveloped(enveloped)
            .getRecipientInfos()
            .get(new JceKeyTransRecipientId(director.certificate()));
    MimeBodyPart signedPart =
        SMIMEUtil.toMimeBodyPart(
            info.getContent(new JceKeyTransEnvelopedRecipient(director.privateKey())));
    SMIMESigned signed = new SMIMESigned((MimeMultipart) signedPart.getContent());
    SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
    assertTrue(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(clinic.certificate())));
    assertEquals("1.2.840.113549.1.1.11", signer.getEncryptionAlgOID(), "sha256WithRSAEncryption");
    Date signingTime =
        Time.getInstance(
                signer
                    .getSignedAttributes()
                    .get(CMSAttributes.signingTime)
                    .getAttrValues()
                    .getObjectAt(0))
            .getDate();
    assertEquals(Date.from(TestPki.NOW), signingTime);
    MimeMultipart mixed = (MimeMultipart) signed.getContent().getContent();
    assertTrue(mixed.getBodyPart(1).isMimeType("application/json"));
    assertArrayEquals(json, mixed.getBodyPart(1).getInputStream().readAllBytes());
  }

  @Test
  void keyOfAnotherCertificateIsRefused() throws Exception {
    TestPki.Issued clinic = TestPki.clinicCertificate(TestPki.ecKeys());
    PrivateKey other = TestPki.ecKeys().getPrivate();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SmimeComposer(other, List.of(clinic.certificate())));
    assertEquals(
        "signing key does not belong to the first certificate of the chain", e.getMessage());
  }

  @Test
  void dsaKeyIsRefused() throws Exception {
    TestPki.Issued clinic = TestPki.clinicCertificate(TestPki.ecKeys());
    KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA");
    dsa.initialize(2048);
    PrivateKey key = dsa.generateKeyPair().getPrivate();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SmimeComposer(key, List.of(clinic.certificate())));
    assertEquals("signing key is DSA; only RSA and EC keys can sign", e.getMessage());
  }
}
