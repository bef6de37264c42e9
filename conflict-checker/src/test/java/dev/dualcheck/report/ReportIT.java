package dev.dualcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualcheck.check.ConflictType;
import dev.dualcheck.check.Evidence;
import dev.dualcheck.check.Finding;
import dev.dualcheck.check.Level;
import dev.dualcheck.check.Resolution;
import dev.dualcheck.check.ScanResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Renders, signs and verifies real PDFs; samples land in target/report-samples for review. */
class ReportIT {

  static final Instant SIGNED_AT = Instant.parse("2026-11-27T23:05:00Z");
  static final Path SAMPLES = Path.of("target", "report-samples");

  static ScanResult scan;
  static byte[] report;
  static byte[] redacted;
  static TestKeys clinic;
  static byte[] signed;

  @BeforeAll
  static void renderAndSign() throws Exception {
    scan = SampleScan.scan();
    report = ReportRenderer.render(scan, SampleScan.context(), false);
    redacted = ReportRenderer.render(scan, SampleScan.context(), true);
    clinic = TestKeys.selfSigned("Praxis am Koernerpark report signing");
    signed = PadesSigner.sign(report, clinic.key(), clinic.chain(), SIGNED_AT, "Praxis");
    Files.createDirectories(SAMPLES);
    Files.write(SAMPLES.resolve("report.pdf"), report);
    Files.write(SAMPLES.resolve("report-redacted.pdf"), redacted);
    Files.write(SAMPLES.resolve("report-signed.pdf"), signed);
    Files.write(SAMPLES.resolve("clinic.der"), clinic.cert().getEncoded());
  }

  // ---- verification ----

  @Test
  void aGoodReportVerifiesAgainstTheClinicCertificate() throws Exception {
    Verification v = ReportVerifier.verify(signed, Optional.of(clinic.cert()));
    assertTrue(v.valid(), v.message());
    assertEquals(
        "valid: signed by CN=Praxis am Koernerpark report signing, at 2026-11-27T23:05:00Z,"
            + " covers the whole document",
        v.message());
    assertEquals(SIGNED_AT, v.signedAt());
    assertEquals("CN=Praxis am Koernerpark report signing", v.signer());
  }

  @Test
  void withoutATrustedCertificateOnlyIntegrityIsChecked() throws Exception {
    Verification v = ReportVerifier.verify(signed, Optional.empty());
    assertTrue(v.valid(), v.message());
    assertTrue(v.message().endsWith("(signer not checked: no trusted certificate given)"));
  }

  @Test
  void oneFlippedByteInTheSignedRangeIsDetected() throws Exception {
    PDSignature sig = signatureOf(signed);
    int[] br = sig.getByteRange();
    // inside the first page's content stream: parses fine, but the digest changes
    int at = indexOf(signed, "stream", 0) + 20;
    assertTrue(at < br[1]);
    byte[] tampered = signed.clone();
    tampered[at] ^= 0x01;
    Verification v = ReportVerifier.verify(tampered, Optional.of(clinic.cert()));
    assertFalse(v.valid());
    assertEquals("invalid: the signed bytes were changed (message digest mismatch)", v.message());
  }

  @Test
  void aChangedSigningTimeIsDetected() throws Exception {
    int at = indexOf(signed, "/M (D:20261127230500", 0);
    assertTrue(at > 0, "signature dictionary carries /M");
    byte[] tampered = signed.clone();
    tampered[at + "/M (D:2026112723".length()] = '1'; // 23:05 -> 23:15
    Verification v = ReportVerifier.verify(tampered, Optional.of(clinic.cert()));
    assertFalse(v.valid());
    assertEquals("invalid: the signed bytes were changed (message digest mismatch)", v.message());
    assertEquals(Instant.parse("2026-11-27T23:15:00Z"), v.signedAt());
  }

  @Test
  void aSignatureLiftedFromAnotherSigningDoesNotFit() throws Exception {
    byte[] later =
        PadesSigner.sign(report, clinic.key(), clinic.chain(), SIGNED_AT.plusSeconds(60), "Praxis");
    int[] br = signatureOf(signed).getByteRange();
    assertEquals(br[2], signatureOf(later).getByteRange()[2], "same layout, different /M");
    byte[] spliced = signed.clone();
    System.arraycopy(later, br[1], spliced, br[1], br[2] - br[1]);
    Verification v = ReportVerifier.verify(spliced, Optional.of(clinic.cert()));
    assertFalse(v.valid());
    assertEquals("invalid: the signed bytes were changed (message digest mismatch)", v.message());
  }

  @Test
  void aRevisionAppendedAfterSigningIsDetected() throws Exception {
    byte[] updated;
    try (PDDocument doc = Loader.loadPDF(signed)) {
      doc.addPage(new PDPage());
      doc.getPages().getCOSObject().setNeedToBeUpdated(true);
      doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.saveIncremental(out);
      updated = out.toByteArray();
    }
    int pagesBefore;
    try (PDDocument before = Loader.loadPDF(signed);
        PDDocument after = Loader.loadPDF(updated)) {
      pagesBefore = before.getNumberOfPages();
      assertEquals(pagesBefore + 1, after.getNumberOfPages(), "the update really adds a page");
    }
    Verification v = ReportVerifier.verify(updated, Optional.of(clinic.cert()));
    assertFalse(v.valid());
    assertTrue(v.message().startsWith("invalid: bytes were added after signing"), v.message());
  }

  @Test
  void aReportSignedByAnotherKeyIsNotTrusted() throws Exception {
    TestKeys other = TestKeys.selfSigned("Praxis am Koernerpark report signing");
    byte[] forged = PadesSigner.sign(report, other.key(), other.chain(), SIGNED_AT, "Praxis");
    assertTrue(ReportVerifier.verify(forged, Optional.empty()).valid(), "intact, just untrusted");
    Verification v = ReportVerifier.verify(forged, Optional.of(clinic.cert()));
    assertFalse(v.valid());
    assertTrue(v.message().startsWith("signer not trusted: "), v.message());
  }

  @Test
  void aSignerIssuedByTheTrustedCertificateIsTrusted() throws Exception {
    TestKeys ca = TestKeys.selfSigned("Clinic Root");
    TestKeys leaf = ca.issue("Clinic report signing 2026");
    byte[] pdf =
        PadesSigner.sign(report, leaf.key(), List.of(leaf.cert(), ca.cert()), SIGNED_AT, "Clinic");
    Verification v = ReportVerifier.verify(pdf, Optional.of(ca.cert()));
    assertTrue(v.valid(), v.message());
    assertFalse(ReportVerifier.verify(pdf, Optional.of(clinic.cert())).valid());
  }

  @Test
  void anRsaKeySignsToo() throws Exception {
    TestKeys rsa = TestKeys.rsa("RSA clinic");
    byte[] pdf = PadesSigner.sign(report, rsa.key(), rsa.chain(), SIGNED_AT, "Clinic");
    Verification v = ReportVerifier.verify(pdf, Optional.of(rsa.cert()));
    assertTrue(v.valid(), v.message());
  }

  @Test
  void anUnsignedReportIsNotValid() throws Exception {
    Verification v = ReportVerifier.verify(report, Optional.of(clinic.cert()));
    assertFalse(v.valid());
    assertEquals("not signed", v.message());
    assertNull(v.signer());
  }

  @Test
  void somethingThatIsNotAPdfIsNotValid() throws Exception {
    Verification v =
        ReportVerifier.verify("hello".getBytes(StandardCharsets.US_ASCII), Optional.empty());
    assertFalse(v.valid());
    assertTrue(v.message().startsWith("not a readable PDF"), v.message());
  }

  @Test
  void theSignatureIsPadesBaselineB() throws Exception {
    PDSignature sig = signatureOf(signed);
    assertEquals("ETSI.CAdES.detached", sig.getSubFilter());
    assertEquals(COSName.ADOBE_PPKLITE.getName(), sig.getFilter());
    assertEquals(SIGNED_AT, sig.getSignDate().toInstant());
    int[] br = sig.getByteRange();
    byte[] contents = sig.getContents(signed);
    assertEquals(0, br[0]);
    assertEquals(br[2], br[1] + contents.length * 2 + 2);
    assertEquals(signed.length, br[2] + br[3]);

    byte[] covered = new byte[br[1] + br[3]];
    System.arraycopy(signed, 0, covered, 0, br[1]);
    System.arraycopy(signed, br[2], covered, br[1], br[3]);
    CMSSignedData cms =
        new CMSSignedData(new CMSProcessableByteArray(covered), new ByteArrayInputStream(contents));
    AttributeTable attributes =
        cms.getSignerInfos().getSigners().iterator().next().getSignedAttributes();
    assertNotNull(attributes.get(CMSAttributes.contentType));
    assertNotNull(attributes.get(CMSAttributes.messageDigest));
    assertNotNull(attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2));
    assertNull(attributes.get(CMSAttributes.signingTime), "PAdES: signing time only in /M");
    assertTrue(cms.isDetachedSignature());
  }

  // ---- rendering ----

  @Test
  void theReportNamesEveryoneInEveryScript() throws Exception {
    // table cells wrap names onto two lines
    String text = text(report).replace('\u00a0', ' ').replaceAll("\\s+", " ");
    for (Finding f : scan.findings()) {
      if (f.contactName().equals(SampleScan.UNPRINTABLE_NAME)) {
        assertTrue(text.contains("? Wei Oyelaran"), "a missing glyph prints as '?'");
      } else {
        assertTrue(text.contains(f.contactName()), "contact name of " + f.id());
      }
      assertTrue(text.contains(f.recordName()), "record name of " + f.id());
      assertTrue(text.contains(f.contactId()), f.id());
      assertTrue(text.contains(f.id()), f.id());
    }
    for (String name :
        List.of(
            "Jürgen",
            "Łucja",
            "Ñuflo",
            "Kőszegváry",
            "Şebnem",
            "Юлия",
            "Nguyễn Thị Ngọc Diễm",
            "Trần Văn Lộc",
            "Đỗ Minh Hữu")) {
      assertTrue(text.contains(name), name);
    }
    assertTrue(text.contains("given name: nickname, Bill ~ William, +2.4 bits"), "evidence line");
    assertTrue(text.contains("Dr. Anneliese Körbl"), "reviewer");
    // no ligatures: names copy and extract as typed
    assertTrue(text.contains("Steffi Świątkowska"), "reviewer with ff");
    assertTrue(text.contains("Staff member"), "label with ff");
  }

  @Test
  void theRedactedCopyHoldsNoNamesDatesPhonesOrEmails() throws Exception {
    String text = text(redacted).replace('\u00a0', ' ');
    String squeezed = text.replaceAll("\\s+", "");
    List<String> secrets = new ArrayList<>();
    for (Finding f : scan.findings()) {
      secrets.add(f.contactName());
      secrets.add(f.recordName());
      secrets.add(f.contactId());
      secrets.add(f.ref());
      secrets.add(f.id());
      for (Evidence e : f.evidence()) {
        secrets.add(e.contactValue());
        secrets.add(e.recordValue());
      }
      if (f.resolution() != null) {
        secrets.add(f.resolution().by());
        secrets.add(f.resolution().note());
        secrets.add(f.resolution().at().toString().substring(0, 10));
      }
    }
    secrets.add(SampleScan.context().ranBy());
    for (String secret : secrets) {
      if (secret.length() < 3) {
        continue; // "F" for sex is not identifying and occurs in ordinary words
      }
      assertFalse(
          squeezed.contains(secret.replaceAll("\\s+", "")),
          "leaked: a value of length " + secret.length());
    }
    assertTrue(text.contains("given name: nickname, +2.4 bits"), "field outcomes stay");
    assertTrue(text.matches("(?s).*P-[0-9a-f]{10}.*"), "pseudonyms");
    assertTrue(text.contains(scan.scanId()));
  }

  @Test
  void everyPageSaysPageXOfY() throws Exception {
    for (byte[] pdf : List.of(report, redacted)) {
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        int pages = doc.getNumberOfPages();
        assertTrue(pages >= 4, "cover, findings, resolutions, appendix: " + pages);
        PDFTextStripper stripper = new PDFTextStripper();
        for (int i = 1; i <= pages; i++) {
          stripper.setStartPage(i);
          stripper.setEndPage(i);
          String page = stripper.getText(doc);
          assertTrue(page.contains("Page " + i + " of " + pages), "page " + i);
        }
      }
    }
  }

  @Test
  void fontsAreEmbeddedSubsets() throws Exception {
    try (PDDocument doc = Loader.loadPDF(report)) {
      for (COSName name : doc.getPage(0).getResources().getFontNames()) {
        var font = doc.getPage(0).getResources().getFont(name);
        assertTrue(font.isEmbedded(), font.getName());
        assertTrue(font.getName().matches("[A-Z]{6}\\+DejaVuSans.*"), font.getName());
      }
    }
    assertTrue(report.length < 400_000, "subset fonts keep the file small: " + report.length);
  }

  @Test
  void anEmptyScanRendersAndSaysSo() throws Exception {
    ScanResult empty = new ScanResult("S-empty", SampleScan.CREATED, 12, List.of());
    String text = text(ReportRenderer.render(empty, SampleScan.context(), false));
    assertTrue(text.contains("No findings: none of the 12 contacts checked matched"));
    assertTrue(text.contains("No finding in this report has been resolved yet."));
  }

  @Test
  void unprintableCharactersBecomeQuestionMarks() throws Exception {
    Finding odd =
        new Finding(
            "F-odd",
            "K1",
            ConflictType.IDENTITY,
            Level.POSSIBLE,
            0.6,
            "C1",
            "client",
            List.of(),
            null,
            "Ann\uD83E\uDDE0e\tMarie\u0007Ørsted 李",
            "Anne-Marie Ørsted");
    ScanResult s = new ScanResult("S-odd", SampleScan.CREATED, 1, List.of(odd));
    String text = text(ReportRenderer.render(s, SampleScan.context(), false));
    assertTrue(text.contains("Ann?e Marie Ørsted ?"), "missing glyphs as '?', controls as spaces");
  }

  @Test
  void noTextRunsOffThePage() throws Exception {
    String longToken = "x".repeat(400);
    Finding wide =
        new Finding(
            "F-" + "9".repeat(120),
            "K" + "7".repeat(150),
            ConflictType.NOTE_MENTION,
            Level.PROBABLE,
            0.81,
            "C" + "3".repeat(150),
            "note",
            List.of(
                new Evidence("email", "different", -0.6, longToken + "@example.org", longToken)),
            new Resolution(
                "cleared",
                longToken + " " + "word ".repeat(300),
                "Ödön " + longToken,
                SampleScan.CREATED),
            "Grzegorz " + longToken,
            "Łucja " + "Brzęczyszczykiewicz ".repeat(20));
    List<Finding> all = new ArrayList<>(scan.findings());
    all.add(wide);
    ScanResult s = new ScanResult("S-" + "5".repeat(90), SampleScan.CREATED, 3001, all);
    for (boolean redact : List.of(false, true)) {
      byte[] pdf = ReportRenderer.render(s, SampleScan.context(), redact);
      Files.write(SAMPLES.resolve(redact ? "stress-redacted.pdf" : "stress.pdf"), pdf);
      float[] box = glyphBounds(pdf);
      assertTrue(box[0] >= 60 - 0.5f, "left edge " + box[0]);
      assertTrue(box[1] <= 595.28f - 60 + 0.5f, "right edge " + box[1]);
      assertTrue(box[2] >= 30, "lowest glyph " + box[2]);
      assertTrue(box[3] <= 841.89f - 50, "highest glyph " + box[3]);
    }
  }

  /** min x, max x, min y, max y of every glyph, in PDF user space. */
  private static float[] glyphBounds(byte[] pdf) throws IOException {
    float[] box = {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE};
    PDFTextStripper stripper =
        new PDFTextStripper() {
          @Override
          protected void writeString(String text, List<TextPosition> positions) {
            for (TextPosition p : positions) {
              float pageHeight = p.getPageHeight();
              box[0] = Math.min(box[0], p.getXDirAdj());
              box[1] = Math.max(box[1], p.getXDirAdj() + p.getWidthDirAdj());
              box[2] = Math.min(box[2], pageHeight - p.getYDirAdj());
              box[3] = Math.max(box[3], pageHeight - p.getYDirAdj() + p.getHeightDir());
            }
          }
        };
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      stripper.getText(doc);
    }
    return box;
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  private static PDSignature signatureOf(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return doc.getLastSignatureDictionary();
    }
  }

  private static int indexOf(byte[] haystack, String needle, int from) {
    byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1);
    outer:
    for (int i = from; i <= haystack.length - n.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (haystack[i + j] != n[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
