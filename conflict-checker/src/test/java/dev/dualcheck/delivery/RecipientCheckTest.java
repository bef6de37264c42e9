package dev.dualcheck.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecipientCheckTest {
  private static final String WHO = "director@clinic.test";
  private static TestPki.Issued ca;
  private static KeyPair ec;

  @BeforeAll
  static void keys() throws Exception {
    ca = TestPki.selfSigned("dualcheck test CA", TestPki.ecKeys());
    ec = TestPki.ecKeys();
  }

  private static String refusal(TestPki.Issued issued) {
    return assertThrows(
            DeliveryException.class,
            () -> RecipientCheck.check(new Recipient(WHO, issued.certificate()), TestPki.NOW))
        .getMessage();
  }

  private static TestPki.Issued ecCertificate(int keyUsage, KeyPurposeId purpose) throws Exception {
    return TestPki.custom(
        ca,
        WHO,
        ec,
        TestPki.NOW.minus(Duration.ofDays(1)),
        TestPki.NOW.plus(Duration.ofDays(1)),
        keyUsage,
        purpose);
  }

  @Test
  void usableCertificatePasses() throws Exception {
    RecipientCheck.check(
        new Recipient(
            WHO,
            ecCertificate(KeyUsage.keyAgreement, KeyPurposeId.id_kp_emailProtection).certificate()),
        TestPki.NOW);
  }

  @Test
  void lastSecondOfValidityStillCounts() throws Exception {
    TestPki.Issued issued = TestPki.mailCertificate(ca, WHO, ec, TestPki.NOW);
    RecipientCheck.check(new Recipient(WHO, issued.certificate()), TestPki.NOW);
    assertEquals(
        "certificate for director@clinic.test expired on 2026-11-27",
        assertThrows(
                DeliveryException.class,
                () ->
                    RecipientCheck.check(
                        new Recipient(WHO, issued.certificate()), TestPki.NOW.plusSeconds(1)))
            .getMessage());
  }

  @Test
  void notYetValidCertificateIsRefused() throws Exception {
    TestPki.Issued future =
        TestPki.custom(
            ca,
            WHO,
            ec,
            Instant.parse("2027-01-01T00:00:00Z"),
            Instant.parse("2028-01-01T00:00:00Z"),
            KeyUsage.keyAgreement,
            KeyPurposeId.id_kp_emailProtection);
    assertEquals(
        "certificate for director@clinic.test is not valid before 2027-01-01", refusal(future));
  }

  @Test
  void ecKeyWithoutKeyAgreementIsRefused() throws Exception {
    assertEquals(
        "certificate for director@clinic.test does not allow key agreement",
        refusal(ecCertificate(KeyUsage.digitalSignature, KeyPurposeId.id_kp_emailProtection)));
  }

  @Test
  void rsaKeyWithoutKeyEnciphermentIsRefused() throws Exception {
    TestPki.Issued rsa =
        TestPki.custom(
            ca,
            WHO,
            TestPki.rsaKeys(),
            TestPki.NOW.minus(Duration.ofDays(1)),
            TestPki.NOW.plus(Duration.ofDays(1)),
            KeyUsage.digitalSignature,
            KeyPurposeId.id_kp_emailProtection);
    assertEquals(
        "certificate for director@clinic.test does not allow key encipherment", refusal(rsa));
  }

  @Test
  void certificateForAnotherPurposeIsRefused() throws Exception {
    assertEquals(
        "certificate for director@clinic.test is not for e-mail protection",
        refusal(ecCertificate(KeyUsage.keyAgreement, KeyPurposeId.id_kp_serverAuth)));
  }

  @Test
  void missingCertificateIsRefused() {
    assertEquals(
        "no certificate for recipient director@clinic.test",
        assertThrows(
                DeliveryException.class,
                () -> RecipientCheck.check(new Recipient(WHO, null), TestPki.NOW))
            .getMessage());
  }
}
