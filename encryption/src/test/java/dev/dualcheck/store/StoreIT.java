package dev.dualcheck.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreIT {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T23:00:00Z"), ZoneOffset.UTC);
  static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

  @TempDir Path temp;

  private Path storeDir() {
    return temp.resolve("store");
  }

  private Store create() throws IOException {
    return Store.create(storeDir(), "dana", PASSPHRASE.clone(), "Riverside Counselling", CLOCK);
  }

  @Test
  void createsOpensAndRefusesAWrongPassphrase() throws Exception {
    assertFalse(Store.exists(storeDir()));
    try (Store store = create()) {
      assertEquals(new User("dana", Role.DIRECTOR, null), store.user());
      assertEquals("Riverside Counselling", store.clinicName());
      assertEquals(storeDir(), store.directory());
    }
    assertTrue(Store.exists(storeDir()));
    assertEquals(
        "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(storeDir())));
    assertThrows(IOException.class, this::create);
    try (Store store = Store.open(storeDir(), PASSPHRASE.clone(), CLOCK)) {
      assertEquals("dana", store.user().name());
      assertEquals("Riverside Counselling", store.clinicName());
      try (Stream<Path> files = Files.list(storeDir())) {
        for (Path file : files.toList()) {
          assertEquals(
              "rw-------",
              PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
              file.getFileName().toString());
        }
      }
    }
    StoreAccessException wrong =
        assertThrows(
            StoreAccessException.class,
            () -> Store.open(storeDir(), "correct horse battery stapler".toCharArray(), CLOCK));
    assertEquals("wrong passphrase", wrong.getMessage());
  }

  @Test
  void keyslotsRecordTheirArgon2idParameters() throws Exception {
    create().close();
    try (Connection db = raw();
        Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT kdf_type, kdf_memory_kib, kdf_iterations, kdf_parallelism, kdf_salt"
                    + " FROM keyslot")) {
      assertTrue(rs.next());
      assertEquals("argon2id", rs.getString(1));
      assertTrue(rs.getInt(2) >= 64 * 1024);
      assertTrue(rs.getInt(3) >= 3);
      assertTrue(rs.getInt(4) >= 1);
      assertEquals(16, rs.getBytes(5).length);
      assertFalse(rs.next());
    }
  }

  @Test
  void aKeyslotEditedToWeakerParametersNoLongerUnlocks() throws Exception {
    create().close();
    execute("UPDATE keyslot SET kdf_iterations = 1");
    assertThrows(
        StoreAccessException.class, () -> Store.open(storeDir(), PASSPHRASE.clone(), CLOCK));
  }

  @Test
  void importsClientsAndReadsThemBack() throws Exception {
    SyntheticClinic clinic = new SyntheticClinic(1);
    List<Map<String, String>> clients = clinic.clients(200);
    Path csv = SyntheticClinic.write(temp.resolve("clients.csv"), clients);
    try (Store store = create()) {
      assertEquals(0, store.changeSequence());
      List<ClinicRecord> written = store.importCsv(RecordKind.CLIENT, csv);
      assertEquals(200, written.size());
      assertEquals(200, store.count(RecordKind.CLIENT));
      assertEquals(200, store.changeSequence());
      ClinicRecord c17 = store.get(RecordKind.CLIENT, "C000017").orElseThrow();
      assertEquals(clients.get(16).get("family_name"), c17.get("family_name"));
      assertEquals(clients.get(16).get("dob"), c17.get("dob"));
      assertFalse(c17.fields().containsKey("discharge_date"));
      assertTrue(store.get(RecordKind.CLIENT, "C999999").isEmpty());
      assertTrue(store.get(RecordKind.ASSOCIATE, "C000017").isEmpty());

      List<ClinicRecord> all = new ArrayList<>();
      store.forEach(RecordKind.CLIENT, all::add);
      assertEquals(written, all);

      // the same file again changes nothing; one changed row makes one new version
      assertEquals(List.of(), store.importCsv(RecordKind.CLIENT, csv));
      assertEquals(200, store.changeSequence());
      clients.get(16).put("family_name", "Quillon");
      store.importCsv(RecordKind.CLIENT, SyntheticClinic.write(csv, clients));
      assertEquals(
          "Quillon", store.get(RecordKind.CLIENT, "C000017").orElseThrow().get("family_name"));
      assertEquals(200, store.count(RecordKind.CLIENT));
      List<ClinicRecord> changed = new ArrayList<>();
      store.forEachChangedSince(200, changed::add);
      assertEquals(List.of("C000017"), changed.stream().map(ClinicRecord::id).toList());
    }
    try (Store store = Store.open(storeDir(), PASSPHRASE.clone(), CLOCK)) {
      assertEquals(200, store.count(RecordKind.CLIENT));
      assertEquals(201, store.changeSequence());
    }
  }

  @Test
  void aBadDateAbortsTheImportLeavingTheStoreUnchanged() throws Exception {
    SyntheticClinic clinic = new SyntheticClinic(2);
    List<Map<String, String>> clients = clinic.clients(60);
    try (Store store = create()) {
      store.importCsv(
          RecordKind.CLIENT,
          SyntheticClinic.write(temp.resolve("clients.csv"), clients.subList(0, 20)));
      Map<String, byte[]> before = digests(storeDir());
      clients.get(40).put("dob", "1976-02-30");
      Path bad = SyntheticClinic.write(temp.resolve("clients.csv"), clients);
      CsvFormatException e =
          assertThrows(CsvFormatException.class, () -> store.importCsv(RecordKind.CLIENT, bad));
      assertEquals(
          "clients.csv line 42, column dob: expected a date YYYY-MM-DD, YYYY-MM or YYYY",
          e.getMessage());
      assertEquals(20, store.count(RecordKind.CLIENT));
      assertEquals(20, store.changeSequence());
      Map<String, byte[]> after = digests(storeDir());
      assertEquals(before.keySet(), after.keySet());
      before.forEach((file, digest) -> assertArrayEquals(digest, after.get(file), file));
    }
  }

  @Test
  void associatesNotesAndTiesMustNameWhatExists() throws Exception {
    SyntheticClinic clinic = new SyntheticClinic(3);
    List<Map<String, String>> clients = clinic.clients(10);
    try (Store store = create()) {
      store.importCsv(
          RecordKind.CLIENT, SyntheticClinic.write(temp.resolve("clients.csv"), clients));
      List<Map<String, String>> associates = clinic.associates(clients, 5);
      associates.get(3).put("client_id", "C424242");
      Path file = SyntheticClinic.write(temp.resolve("associates.csv"), associates);
      CsvFormatException e =
          assertThrows(CsvFormatException.class, () -> store.importCsv(RecordKind.ASSOCIATE, file));
      assertEquals(
          "associates.csv line 5, column client_id: expected the id of a client in the store",
          e.getMessage());
      assertEquals(0, store.count(RecordKind.ASSOCIATE));

      Path ties = SyntheticClinic.write(temp.resolve("ties.csv"), clinic.ties(3));
      e = assertThrows(CsvFormatException.class, () -> store.importCsv(RecordKind.TIE, ties));
      assertEquals(
          "ties.csv line 2, column staff_id: expected the id of a staff in the store",
          e.getMessage());
      store.importCsv(
          RecordKind.STAFF, SyntheticClinic.write(temp.resolve("staff.csv"), clinic.staff(2)));
      List<ClinicRecord> imported = store.importCsv(RecordKind.TIE, ties);
      assertEquals(3, store.count(RecordKind.TIE));
      assertEquals(List.of(), store.importCsv(RecordKind.TIE, ties), "same ties, same ids");
      assertEquals(imported.get(0), store.get(RecordKind.TIE, imported.get(0).id()).orElseThrow());
    }
  }

  @Test
  void nothingImportedIsFoundInClearInAnyFile() throws Exception {
    SyntheticClinic clinic = new SyntheticClinic(4);
    List<Map<String, String>> clients = clinic.clients(200);
    List<Map<String, String>> staff = clinic.staff(3);
    List<Map<String, String>> associates = clinic.associates(clients, 50);
    List<Map<String, String>> notes = clinic.notes(clients, 50);
    List<Map<String, String>> ties = clinic.ties(10);
    List<Map<String, String>> everything = new ArrayList<>();
    try (Store store = create()) {
      store.importCsv(
          RecordKind.CLIENT, SyntheticClinic.write(temp.resolve("clients.csv"), clients));
      store.importCsv(RecordKind.STAFF, SyntheticClinic.write(temp.resolve("staff.csv"), staff));
      store.importCsv(
          RecordKind.ASSOCIATE, SyntheticClinic.write(temp.resolve("associates.csv"), associates));
      store.importCsv(RecordKind.NOTE, SyntheticClinic.write(temp.resolve("notes.csv"), notes));
      store.importCsv(RecordKind.TIE, SyntheticClinic.write(temp.resolve("ties.csv"), ties));
      store.addNote(
          "C000001",
          "S0001",
          java.time.LocalDate.of(2026, 11, 2),
          "Met Zelquomir Hembri at the fair.");
      Stream.of(clients, staff, associates, notes, ties).forEach(everything::addAll);
      List<String> secrets = secrets(everything);
      secrets.add("Zelquomir Hembri");
      secrets.add("2026-11-02");
      assertTrue(secrets.size() > 1500, "enough values to look for: " + secrets.size());
      assertNoneOnDisk(secrets); // while open: the WAL holds the latest pages
      store.rotateKeys(ProgressListener.NONE);
      assertNoneOnDisk(secrets);
    }
    assertNoneOnDisk(secrets(everything));
  }

  private static List<String> secrets(List<Map<String, String>> rows) {
    List<String> secrets = new ArrayList<>();
    for (Map<String, String> row : rows) {
      for (String column :
          List.of(
              "given_name",
              "middle_name",
              "family_name",
              "dob",
              "phone",
              "email",
              "street",
              "text",
              "date",
              "intake_date")) {
        String value = row.getOrDefault(column, "");
        if (value.length() >= 5) {
          secrets.add(value);
        }
      }
    }
    return secrets;
  }

  private void assertNoneOnDisk(List<String> secrets) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(storeDir())) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("store.db")));
    for (Path file : files) {
      String bytes =
          new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
      for (String secret : secrets) {
        String needle =
            new String(
                secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains(needle), () -> "a value in clear in " + file.getFileName());
      }
    }
  }

  @Test
  void signsWithASelfSignedP256Certificate() throws Exception {
    byte[] signature;
    try (Store store = create()) {
      SigningIdentity identity = store.signingIdentity();
      X509Certificate certificate = identity.certificate();
      assertEquals("CN=Riverside Counselling", certificate.getSubjectX500Principal().getName());
      assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
      assertEquals("EC", identity.key().getAlgorithm());
      boolean[] usage = certificate.getKeyUsage();
      assertTrue(usage[0] && usage[1], "digitalSignature and nonRepudiation");
      assertFalse(usage[5], "not a CA");
      assertEquals(List.of("1.3.6.1.5.5.7.3.4"), certificate.getExtendedKeyUsage());
      certificate.checkValidity(java.util.Date.from(CLOCK.instant()));
      certificate.checkValidity(java.util.Date.from(Instant.parse("2036-11-01T00:00:00Z")));
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(identity.key());
      signer.update(new byte[] {1, 2, 3});
      signature = signer.sign();
    }
    try (Store store = Store.open(storeDir(), PASSPHRASE.clone(), CLOCK)) {
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(store.signingIdentity().certificate());
      verifier.update(new byte[] {1, 2, 3});
      assertTrue(verifier.verify(signature));
    }
  }

  @Test
  void importsACaIssuedSigningIdentity() throws Exception {
    var keyPair = dev.dualcheck.crypto.Certificates.newSigningKeyPair();
    X509Certificate certificate =
        dev.dualcheck.crypto.Certificates.selfSigned(
            keyPair, "Board Test CA Issued", CLOCK.instant());
    java.security.KeyStore p12 = java.security.KeyStore.getInstance("PKCS12");
    p12.load(null, null);
    char[] password = "p12 secret".toCharArray();
    p12.setKeyEntry(
        "clinic",
        keyPair.getPrivate(),
        password,
        new java.security.cert.Certificate[] {certificate});
    Path file = temp.resolve("clinic.p12");
    try (var out = Files.newOutputStream(file)) {
      p12.store(out, password);
    }
    try (Store store = create()) {
      store.importSigningIdentity(file, password);
    }
    try (Store store = Store.open(storeDir(), PASSPHRASE.clone(), CLOCK)) {
      assertEquals(certificate, store.signingIdentity().certificate());
      assertEquals(keyPair.getPrivate(), store.signingIdentity().key());
    }
  }

  @Test
  void purposeKeysDifferAndSurviveReopening() throws Exception {
    Map<Purpose, byte[]> keys = new HashMap<>();
    try (Store store = create()) {
      for (Purpose purpose : Purpose.values()) {
        keys.put(purpose, store.purposeKey(purpose));
        assertEquals(32, keys.get(purpose).length);
      }
      store.purposeKey(Purpose.INDEX)[0] ^= 1; // a copy: changing it changes nothing
      assertArrayEquals(keys.get(Purpose.INDEX), store.purposeKey(Purpose.INDEX));
    }
    assertEquals(4, keys.values().stream().map(Arrays::toString).distinct().count());
    try (Store store = Store.open(storeDir(), PASSPHRASE.clone(), CLOCK)) {
      for (Purpose purpose : Purpose.values()) {
        assertArrayEquals(keys.get(purpose), store.purposeKey(purpose));
      }
    }
  }

  @Test
  void twoUsersUnlockAndARemovedUserCannot() throws Exception {
    char[] clinicianPassphrase = "lantern orchard 42".toCharArray();
    try (Store store = create()) {
      store.addUser("sam", Role.CLINICIAN, "S0002", clinicianPassphrase.clone());
      assertThrows(
          IllegalArgumentException.class,
          () -> store.addUser("sam", Role.AUDITOR, null, "x".toCharArray()));
      assertEquals(
          List.of(new User("dana", Role.DIRECTOR, null), new User("sam", Role.CLINICIAN, "S0002")),
          store.listUsers());
    }
    try (Store store = Store.open(storeDir(), clinicianPassphrase.clone(), CLOCK)) {
      assertEquals(new User("sam", Role.CLINICIAN, "S0002"), store.user());
      StoreAccessException denied =
          assertThrows(StoreAccessException.class, () -> store.removeUser("dana"));
      assertEquals("access denied: only a director may do this", denied.getMessage());
      store.changePassphrase("new lantern 43".toCharArray());
    }
    assertThrows(
        StoreAccessException.class,
        () -> Store.open(storeDir(), clinicianPassphrase.clone(), CLOCK));
    try (Store store = Store.open(storeDir(), "new lantern 43".toCharArray(), CLOCK)) {
      assertEquals("sam", store.user().name());
    }
    try (Store store = Store.open(storeDir(), PASSPHRASE.clone(), CLOCK)) {
      assertEquals("dana", store.user().name());
      assertThrows(IllegalArgumentException.class, () -> store.removeUser("dana"), "last director");
      store.removeUser("sam");
      assertEquals(List.of(new User("dana", Role.DIRECTOR, null)), store.listUsers());
    }
    assertThrows(
        StoreAccessException.class,
        () -> Store.open(storeDir(), "new lantern 43".toCharArray(), CLOCK));
  }

  @Test
  void aMachineKeyFileUnlocksForNightlyRuns() throws Exception {
    Path keyFile = temp.resolve("machine.key");
    try (Store store = create()) {
      store.addMachineKey(keyFile);
      assertEquals(List.of(new User("dana", Role.DIRECTOR, null)), store.listUsers());
    }
    assertEquals(32, Files.size(keyFile));
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
    try (Store store = Store.openWithKeyFile(storeDir(), keyFile, CLOCK)) {
      assertEquals(new User("machine", Role.DIRECTOR, null), store.user());
      assertEquals("Riverside Counselling", store.clinicName());
    }
    Path otherKey = temp.resolve("other.key");
    Files.write(otherKey, new byte[32]);
    assertThrows(
        StoreAccessException.class, () -> Store.openWithKeyFile(storeDir(), otherKey, CLOCK));
    assertThrows(StoreAccessException.class, () -> Store.open(storeDir(), new char[] {'x'}, CLOCK));
  }

  @Test
  void notesKeepEveryVersion() throws Exception {
    SyntheticClinic clinic = new SyntheticClinic(5);
    List<Map<String, String>> clients = clinic.clients(5);
    List<Map<String, String>> notes = clinic.notes(clients, 4);
    notes.get(0).put("client_id", "C000002");
    try (Store store = create()) {
      store.importCsv(
          RecordKind.CLIENT, SyntheticClinic.write(temp.resolve("clients.csv"), clients));
      long before = store.changeSequence();
      Path notesCsv = SyntheticClinic.write(temp.resolve("notes.csv"), notes);
      store.importCsv(RecordKind.NOTE, notesCsv);
      assertEquals(List.of(), store.importCsv(RecordKind.NOTE, notesCsv));
      notes.get(0).put("text", "Corrected: session cancelled.");
      List<ClinicRecord> second =
          store.importCsv(RecordKind.NOTE, SyntheticClinic.write(notesCsv, notes));
      assertEquals(1, second.size());
      assertEquals("2", second.get(0).get("version"));

      String added =
          store.addNote("C000002", "S0001", java.time.LocalDate.of(2026, 11, 20), "First words.");
      NoteVersion amended = store.amendNote(added, "S0002", "First words, amended.");
      assertEquals(2, amended.version());
      assertEquals(java.time.LocalDate.of(2026, 11, 20), amended.date());

      List<NoteVersion> versions = store.noteVersions(added);
      assertEquals(List.of(1, 2), versions.stream().map(NoteVersion::version).toList());
      assertEquals("First words.", versions.get(0).text());
      assertEquals("S0001", versions.get(0).authorId());
      assertEquals("S0002", versions.get(1).authorId());
      assertEquals(CLOCK.instant(), versions.get(1).createdAt());
      assertEquals(2, store.noteVersions("N1").size());

      assertEquals(5, store.count(RecordKind.NOTE));
      List<String> latest = new ArrayList<>();
      store.forEach(RecordKind.NOTE, r -> latest.add(r.id() + "v" + r.get("version")));
      assertEquals(5, latest.size());
      assertTrue(latest.contains("N1v2"));
      List<String> changes = new ArrayList<>();
      store.forEachChangedSince(before, r -> changes.add(r.id() + "v" + r.get("version")));
      assertEquals(
          List.of("N1v1", "N2v1", "N3v1", "N4v1", "N1v2", added + "v1", added + "v2"), changes);
      assertThrows(IllegalArgumentException.class, () -> store.addNote("C999", null, null, "text"));
    }
  }

  @Test
  void rotationKeepsEverythingReadableAndResumesAfterAFailure() throws Exception {
    SyntheticClinic clinic = new SyntheticClinic(6);
    List<Map<String, String>> clients = clinic.clients(2500);
    char[] clinicianPassphrase = "lantern orchard 42".toCharArray();
    Map<String, ClinicRecord> original = new TreeMap<>();
    byte[] indexKey;
    try (Store store = create()) {
      store.addUser("sam", Role.CLINICIAN, "S0002", clinicianPassphrase.clone());
      store.importCsv(
          RecordKind.CLIENT, SyntheticClinic.write(temp.resolve("clients.csv"), clients));
      store.forEach(RecordKind.CLIENT, r -> original.put(r.id(), r));
      indexKey = store.purposeKey(Purpose.INDEX);
      List<Long> progress = new ArrayList<>();
      store.rotateKeys((done, total) -> progress.add(done));
      assertEquals(List.of(0L, 1000L, 2000L, 2500L), progress);
      assertEquals(2, store.keyVersion());
      assertFalse(Arrays.equals(indexKey, store.purposeKey(Purpose.INDEX)));
      assertRecords(store, original);

      RuntimeException injected = new IllegalStateException("power cut");
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () ->
                  store.rotateKeys(
                      (done, total) -> {
                        if (done == 1000) {
                          throw injected;
                        }
                      }));
      assertEquals(injected, e);
      assertEquals(3, store.keyVersion());
      assertRecords(store, original); // mid-rotation: both versions decrypt
    }
    assertEquals(1500, queryLong("SELECT count(*) FROM record WHERE key_version = 2"));
    assertEquals(1, queryLong("SELECT count(*) FROM master_key"));
    try (Store store = Store.open(storeDir(), clinicianPassphrase.clone(), CLOCK)) {
      assertEquals(3, store.keyVersion());
      assertRecords(store, original);
      assertEquals("Riverside Counselling", store.clinicName());
    }
    assertEquals(0, queryLong("SELECT count(*) FROM record WHERE key_version <> 3"));
    assertEquals(0, queryLong("SELECT count(*) FROM master_key"));
    try (Store store = Store.open(storeDir(), PASSPHRASE.clone(), CLOCK)) {
      assertRecords(store, original);
      assertNotEquals(null, store.signingIdentity().key());
    }
  }

  private static void assertRecords(Store store, Map<String, ClinicRecord> expected)
      throws IOException {
    Map<String, ClinicRecord> actual = new TreeMap<>();
    store.forEach(RecordKind.CLIENT, r -> actual.put(r.id(), r));
    assertEquals(expected, actual);
    assertEquals(expected.get("C000999"), store.get(RecordKind.CLIENT, "C000999").orElseThrow());
  }

  @Test
  @SuppressWarnings("try") // the lock is held for the block
  void aSecondWriterIsToldTheStoreIsInUse() throws Exception {
    Path csv =
        SyntheticClinic.write(temp.resolve("clients.csv"), new SyntheticClinic(7).clients(3));
    try (Store store = create();
        WriterLock held = WriterLock.acquire(storeDir())) {
      long start = System.nanoTime();
      StoreInUseException e =
          assertThrows(StoreInUseException.class, () -> store.importCsv(RecordKind.CLIENT, csv));
      assertEquals("store is in use by another dualcheck command", e.getMessage());
      assertTrue(System.nanoTime() - start >= 2_000_000_000L, "waited before giving up");
      assertEquals(0, store.count(RecordKind.CLIENT));
    }
  }

  private Connection raw() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + storeDir().resolve(Store.DB_FILE));
  }

  private void execute(String sql) throws Exception {
    try (Connection db = raw();
        Statement st = db.createStatement()) {
      st.executeUpdate(sql);
    }
  }

  private long queryLong(String sql) throws Exception {
    try (Connection db = raw();
        Statement st = db.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Map<String, byte[]> digests(Path dir) throws Exception {
    Map<String, byte[]> digests = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      // the -shm file is SQLite's shared-memory index, touched by reads too
      for (Path file :
          walk.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith("-shm")).toList()) {
        digests.put(
            file.getFileName().toString(),
            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
      }
    }
    return digests;
  }
}
