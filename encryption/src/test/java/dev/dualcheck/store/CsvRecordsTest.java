package dev.dualcheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {
  private static final String CLIENT_HEADER = "client_id,given_name,family_name,dob,phone\n";

  private static List<ClinicRecord> read(RecordKind kind, String text)
      throws IOException, CsvFormatException {
    return CsvRecords.readRows(
            kind, Path.of("in", kind.fileName() + ".csv"), new StringReader(text))
        .stream()
        .map(CsvRecords.Row::record)
        .toList();
  }

  private static CsvFormatException failure(RecordKind kind, String text) {
    return assertThrows(CsvFormatException.class, () -> read(kind, text));
  }

  @Test
  void runsUnderTheTurkishLocaleAsTheBuildSets() {
    assertEquals("tr", Locale.getDefault().getLanguage());
  }

  @Test
  void readsRecordsLeavingEmptyCellsOut() throws Exception {
    List<ClinicRecord> records =
        read(RecordKind.CLIENT, CLIENT_HEADER + "C1,Ida,Quill,1980-02-29,\nC2,,Vane,1975,555\n");
    assertEquals(2, records.size());
    ClinicRecord first = records.get(0);
    assertEquals("C1", first.id());
    assertEquals("Ida", first.get("given_name"));
    assertFalse(first.fields().containsKey("phone"));
    assertEquals("1975", records.get(1).get("dob"));
  }

  @Test
  void namesFileLineAndColumnOfABadDate() {
    CsvFormatException e =
        failure(
            RecordKind.CLIENT,
            CLIENT_HEADER + "C1,Ida,Quill,1980-02-29,\nC2,Al,Vane,1976-13-02,\n");
    assertEquals(
        "clients.csv line 3, column dob: expected a date YYYY-MM-DD, YYYY-MM or YYYY",
        e.getMessage());
    assertEquals(3, e.line());
    assertEquals("dob", e.column());
    assertEquals("clients.csv", e.file().getFileName().toString());
  }

  @Test
  void rejectsDatesThatAreNotOnTheCalendar() {
    for (String date : List.of("1981-02-29", "1980-04-31", "1980-00", "80-01-01", "1980/01/01")) {
      CsvFormatException e =
          failure(RecordKind.CLIENT, CLIENT_HEADER + "C1,Ida,Quill," + date + ",\n");
      assertEquals("dob", e.column(), date);
      assertFalse(e.getMessage().contains(date), "the value stays out of the message");
    }
  }

  @Test
  void accecptsPartialDates() throws Exception {
    for (String date : List.of("1980", "1980-02", "2000-02-29")) {
      assertEquals(
          date,
          read(RecordKind.CLIENT, CLIENT_HEADER + "C1,Ida,Quill," + date + ",\n")
              .get(0)
              .get("dob"));
    }
  }

  @Test
  void rejectsAnUnknownColumn() {
    CsvFormatException e =
        failure(RecordKind.CLIENT, "client_id,given_name,shoe_size\nC1,Ida,42\n");
    assertEquals(1, e.line());
    assertEquals("shoe_size", e.column());
    assertTrue(e.getMessage().startsWith("clients.csv line 1, column shoe_size: unknown column"));
  }

  @Test
  void toleratesAByteOrderMark() throws Exception {
    assertEquals(
        "C1", read(RecordKind.CLIENT, "\uFEFF" + CLIENT_HEADER + "C1,Ida,,,\n").get(0).id());
  }

  @Test
  void needsAnIdAndAName() {
    assertEquals(
        "clients.csv line 2, column client_id: expected an id",
        failure(RecordKind.CLIENT, CLIENT_HEADER + ",Ida,Quill,,\n").getMessage());
    assertEquals(
        "clients.csv line 2, column given_name: expected a given_name or family_name",
        failure(RecordKind.CLIENT, CLIENT_HEADER + "C1,,,1980,\n").getMessage());
  }

  @Test
  void rejectsADuplicateIdNamingBothLines() {
    assertEquals(
        "clients.csv line 4, column client_id: duplicate id, first on line 2",
        failure(RecordKind.CLIENT, CLIENT_HEADER + "C1,Ida,,,\nC2,Al,,,\nC1,Bo,,,\n").getMessage());
  }

  @Test
  void countsLinesInsideQuotedFields() {
    CsvFormatException e =
        failure(
            RecordKind.NOTE,
            "note_id,client_id,date,text\nN1,C1,2020-01-01,\"two\nlines\"\nN2,C1,2020-02-30,x\n");
    assertEquals(4, e.line());
    assertEquals("date", e.column());
  }

  @Test
  void rejectsAShortRow() {
    assertEquals(
        "clients.csv line 2: expected 5 values, found 3",
        failure(RecordKind.CLIENT, CLIENT_HEADER + "C1,Ida,Quill\n").getMessage());
  }

  @Test
  void checksTheKindOfAContact() throws Exception {
    String header = "contact_id,kind,given_name\n";
    assertEquals("hire", read(RecordKind.CONTACT, header + "K1,HIRE,Ida\n").get(0).get("kind"));
    assertEquals(
        "contacts.csv line 2, column kind: expected one of intake, referral, acquaintance, hire",
        failure(RecordKind.CONTACT, header + "K1,friend,Ida\n").getMessage());
  }

  @Test
  void cleansFormerFamilyNames() throws Exception {
    ClinicRecord record =
        read(
                RecordKind.CLIENT,
                "client_id,family_name,former_family_names\nC1,Quill, Vane ;; Orr ;\n")
            .get(0);
    assertEquals("Vane;Orr", record.get("former_family_names"));
  }

  @Test
  void derivesAStableTieIdFromStaffIdNameAndBirthDate() throws Exception {
    String header = "staff_id,relation,given_name,family_name,dob\n";
    ClinicRecord tie = read(RecordKind.TIE, header + "S0003,friend,Ida,Quill,1980\n").get(0);
    assertTrue(tie.id().matches("S0003-[0-9a-f]{10}"), tie.id());
    ClinicRecord same =
        read(RecordKind.TIE, header + "S0003,neighbour,  IDA , quill,1980\n").get(0);
    assertEquals(tie.id(), same.id());
    ClinicRecord other = read(RecordKind.TIE, header + "S0003,friend,Ida,Quill,1981\n").get(0);
    assertNotEquals(tie.id(), other.id());
    assertEquals(
        "ties.csv line 3, column staff_id: duplicate id, first on line 2",
        failure(RecordKind.TIE, header + "S0003,friend,Ida,Quill,1980\nS0003,x,ida,quill,1980\n")
            .getMessage());
  }

  @Test
  void reportsBadQuotingWithItsLine() {
    CsvFormatException e = failure(RecordKind.CLIENT, CLIENT_HEADER + "C1,\"Ida\"x,Quill,,\n");
    assertEquals(2, e.line());
    assertTrue(e.getMessage().startsWith("clients.csv line 2: "), e.getMessage());
  }

  @Test
  void namesTheLineWhereTheTextStopsBeingUtf8() throws Exception {
    byte[] bytes =
        (CLIENT_HEADER + "C1,Ida,Quill,,\nC2,Al,Vane,,\n").getBytes(StandardCharsets.UTF_8);
    bytes[CLIENT_HEADER.length() + 16] = (byte) 0xC3; // a lone lead byte inside line 3
    CsvFormatException e =
        assertThrows(
            CsvFormatException.class, () -> CsvRecords.decodeUtf8(Path.of("clients.csv"), bytes));
    assertEquals("clients.csv line 3: expected UTF-8 text", e.getMessage());
    assertEquals(
        "Ida",
        CsvRecords.readRows(
                RecordKind.CLIENT,
                Path.of("clients.csv"),
                new StringReader(
                    CsvRecords.decodeUtf8(
                        Path.of("clients.csv"),
                        (CLIENT_HEADER + "C1,Ida,,,\n").getBytes(StandardCharsets.UTF_8))))
            .get(0)
            .record()
            .get("given_name"));
  }

  @Test
  void collapsesRunsOfWhiteSpace() {
    assertEquals("Ida", CsvRecords.collapseSpaces("Ida"));
    assertEquals("Ida Mae Quill", CsvRecords.collapseSpaces("Ida Mae Quill"));
    assertEquals("Ida Mae Quill", CsvRecords.collapseSpaces("Ida  Mae\t\nQuill"));
    assertEquals("Ida Mae", CsvRecords.collapseSpaces("Ida\u00a0Mae".replace('\u00a0', '\t')));
  }

  @Test
  void needsTheIdColumn() {
    assertEquals(
        "clients.csv line 1, column client_id: expected this column (the record id)",
        failure(RecordKind.CLIENT, "given_name\nIda\n").getMessage());
  }

  @Test
  void decodesStreamedAcrossBufferBoundariesAndNamesTheLineOfALateBadByte() throws Exception {
    StringBuilder text = new StringBuilder();
    int lines = 0;
    while (text.length() < 200_000) {
      text.append("ä€𝄞 line ").append(++lines).append('\n'); // 2-, 3- and 4-byte characters
    }
    byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
    assertEquals(text.toString(), CsvRecords.decodeUtf8(Path.of("notes.csv"), good));

    byte[] bad = java.util.Arrays.copyOf(good, good.length + 3);
    bad[good.length] = 'x';
    bad[good.length + 1] = (byte) 0xE2; // a 3-byte lead cut short
    bad[good.length + 2] = '\n';
    CsvFormatException e =
        assertThrows(
            CsvFormatException.class, () -> CsvRecords.decodeUtf8(Path.of("notes.csv"), bad));
    assertEquals(lines + 1, e.line());
  }

  @Test
  void idHashesRememberTheFirstLineOfEveryIdAndGrow() {
    CsvRecords.IdLines ids = new CsvRecords.IdLines();
    int count = 100_000;
    for (int i = 1; i <= count; i++) {
      assertEquals(0, ids.putIfAbsent("N" + i, i + 1), "N" + i + " is new");
    }
    for (int i = 1; i <= count; i++) {
      assertTrue(ids.contains("N" + i));
      assertEquals(i + 1, ids.putIfAbsent("N" + i, 5), "N" + i + " was first on line " + (i + 1));
    }
    assertFalse(ids.contains("N0"));
    assertFalse(ids.contains("N" + (count + 1)));
  }

  @Test
  void readsCharByCharThroughPairsOutsideTheBasicPlane() throws Exception {
    String text = "𝄞a\n𝄞𝄞\nä\n";
    StringBuilder read = new StringBuilder();
    try (CsvRecords.Utf8Reader reader =
        new CsvRecords.Utf8Reader(
            new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            java.security.MessageDigest.getInstance("SHA-256"))) {
      for (int c; (c = reader.read()) >= 0; ) {
        read.append((char) c);
      }
    }
    assertEquals(text, read.toString());
  }
}
