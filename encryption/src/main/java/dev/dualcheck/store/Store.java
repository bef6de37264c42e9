package dev.dualcheck.store;

import dev.dualcheck.crypto.Aead;
import dev.dualcheck.crypto.Certificates;
import dev.dualcheck.crypto.Hkdf;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encrypted store: one SQLite file whose rows hold only AES-256-GCM ciphertext, keyed hashes
 * and counters. A random master key is sealed into one keyslot per user (Argon2id passphrase) and
 * an optional machine keyslot (key file); every other key is derived from it with HKDF.
 */
// try-with-resources holds the writer lock for the block; the lock itself is never used
@SuppressWarnings("try")
public final class Store implements AutoCloseable {
  static final String DB_FILE = "store.db";
  private static final int FORMAT = 1;
  private static final int ROTATION_BATCH = 1000;
  static final String MACHINE = "machine";
  static final String RECORDS_LABEL = "RECORDS";
  static final String PSEUDONYMS = "pseudonyms";
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");

  private final Path dir;
  private final Connection db;
  private final byte[] storeId;
  private final Clock clock;
  private final User user;
  private final int slot;

  /** Master keys by version: the current one, plus older ones while a rotation is unfinished. */
  private final TreeMap<Integer, byte[]> masterKeys;

  private final Map<String, byte[]> derivedKeys = new HashMap<>();

  /** Hot statements prepared once (imports look up and insert per record). */
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  private int keyVersion;
  private String clinicName;
  private boolean closed;
  private Pseudonyms pseudonyms;
  private final AuditLog auditLog;
  private final Reviews reviews;
  private final Metadata metadata;
  private final Keyslots keyslots;
  private final KeyRotation rotation;

  private Store(
      Path dir,
      Connection db,
      byte[] storeId,
      Clock clock,
      User user,
      int slot,
      int keyVersion,
      TreeMap<Integer, byte[]> masterKeys) {
    this.dir = dir;
    this.db = db;
    this.storeId = storeId;
    this.clock = clock;
    this.user = user;
    this.slot = slot;
    this.keyVersion = keyVersion;
    this.masterKeys = masterKeys;
    StoreState state =
        new StoreState() {
          @Override
          public byte[] key(int version, String label) {
            return derivedKey(version, label);
          }

          @Override
          public int currentVersion() {
            return Store.this.keyVersion;
          }

          @Override
          public byte[] storeId() {
            return storeId;
          }

          @Override
          public Connection db() {
            return db;
          }

          @Override
          public Path dir() {
            return dir;
          }

          @Override
          public byte[] masterKey(int version) {
            return masterKeys.get(version);
          }

          @Override
          public void transaction(StoreState.Work work) throws IOException {
            Store.this.transaction(work);
          }
        };
    this.auditLog = new AuditLog(db, state);
    this.reviews = new Reviews(db, state);
    this.metadata = new Metadata(state);
    this.keyslots = new Keyslots(state);
    this.rotation =
        new KeyRotation(
            state,
            version -> this.keyVersion = version,
            metadata,
            masterKeys,
            derivedKeys,
            keyslots,
            auditLog,
            reviews);
  }

  // ---------------------------------------------------------------- create and open

  /**
   * Creates a new store in dir (refuses if dir holds a store): SQLite file + metadata, random
   * 256-bit master key in a keyslot for the first user (role director) under Argon2id, signing key
   * (EC P-256) + self-signed certificate.
   */
  public static Store create(
      Path dir, String userName, char[] passphrase, String clinicName, Clock clock)
      throws IOException {
    requireName(userName);
    if (passphrase == null || passphrase.length == 0) {
      throw new IllegalArgumentException("the passphrase is empty");
    }
    if (clinicName == null || clinicName.isBlank()) {
      throw new IllegalArgumentException("the clinic needs a name");
    }
    if (exists(dir)) {
      throw new FileAlreadyExistsException(dir.toString(), null, "a store already exists here");
    }
    Files.createDirectories(dir);
    restrict(dir, OWNER_ONLY_DIR);
    Path building = dir.resolve(DB_FILE + ".new");
    Files.deleteIfExists(building);
    byte[] storeId = Aead.randomBytes(16);
    TreeMap<Integer, byte[]> keys = new TreeMap<>();
    keys.put(1, Aead.newKey());
    User first = new User(userName, Role.DIRECTOR, null);
    try (WriterLock lock = WriterLock.acquire(dir)) {
      // built under another name and moved into place, so a crash leaves no half store
      try (Connection db = connect(building)) {
        createSchema(db);
        Store store = new Store(dir, db, storeId, clock, first, 1, 1, keys);
        db.setAutoCommit(false);
        store.metadata.put("format", ByteBuffer.allocate(4).putInt(FORMAT).array());
        store.metadata.put("store_id", storeId);
        store.metadata.put("seq", ByteBuffer.allocate(8).putLong(0).array());
        store.metadata.putSealed("clinic", clinicName.strip().getBytes(StandardCharsets.UTF_8));
        KeyPair signing = Certificates.newSigningKeyPair();
        X509Certificate certificate =
            Certificates.selfSigned(signing, clinicName.strip(), clock.instant());
        store.metadata.putSealed(
            "signing",
            SigningIdentities.encode(
                new SigningIdentity(signing.getPrivate(), List.of(certificate))));
        store.metadata.putSealed(PSEUDONYMS, Aead.newKey());
        store.keyslots.insertPassphraseSlot(1, first, passphrase);
        db.commit();
        db.setAutoCommit(true);
        try (Statement st = db.createStatement()) {
          st.execute("PRAGMA journal_mode=DELETE"); // no -wal file may stay behind the move
        }
      } catch (SQLException | GeneralSecurityException e) {
        Files.deleteIfExists(building);
        throw new IOException("cannot create the store: " + e.getMessage(), e);
      }
      restrict(building, OWNER_ONLY_FILE);
      Files.move(building, dir.resolve(DB_FILE), StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Store store =
          new Store(dir, connect(dir.resolve(DB_FILE)), storeId, clock, first, 1, 1, keys);
      store.clinicName = clinicName.strip();
      store.ensurePseudonymKey();
      return store;
    } catch (SQLException e) {
      throw new IOException("cannot open the new store: " + e.getMessage(), e);
    }
  }

  /**
   * Unlocks with a passphrase: tries every user keyslot; wrong passphrase => "wrong passphrase".
   */
  public static Store open(Path dir, char[] passphrase, Clock clock)
      throws IOException, StoreAccessException {
    return unlock(dir, clock, passphrase, null);
  }

  /** Unlocks with the machine keyslot's key file (unattended nightly runs). */
  public static Store openWithKeyFile(Path dir, Path keyFile, Clock clock)
      throws IOException, StoreAccessException {
    byte[] fileKey = Files.readAllBytes(keyFile);
    try {
      if (fileKey.length != Aead.KEY_BYTES) {
        throw new StoreAccessException("the key file is not a dualcheck machine key");
      }
      return unlock(dir, clock, null, fileKey);
    } finally {
      Aead.wipe(fileKey);
    }
  }

  public static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve(DB_FILE));
  }

  private static Store unlock(Path dir, Clock clock, char[] passphrase, byte[] fileKey)
      throws IOException, StoreAccessException {
    if (!exists(dir)) {
      throw new IOException("no dualcheck store in " + dir);
    }
    Connection db;
    try {
      db = connect(dir.resolve(DB_FILE));
    } catch (SQLException e) {
      throw new IOException("cannot open the store database: " + e.getMessage(), e);
    }
    boolean unlocked = false;
    try {
      byte[] storeId = Metadata.read(db, "store_id");
      Keyslots.Slot found = Keyslots.unlock(db, storeId, passphrase, fileKey);
      if (found == null) {
        try {
          AuditLog.recordFailedUnlock(
              db, clock.instant(), fileKey != null ? "key file" : "passphrase");
        } catch (SQLException busy) {
          // the database stayed busy past the timeout: the refusal matters more than its note
        }
        throw new StoreAccessException(
            fileKey != null ? "the key file does not unlock this store" : "wrong passphrase");
      }
      ByteBuffer master = ByteBuffer.wrap(found.master());
      int version = master.getInt();
      byte[] key = new byte[Aead.KEY_BYTES];
      master.get(key);
      Aead.wipe(found.master());
      TreeMap<Integer, byte[]> keys = new TreeMap<>();
      keys.put(version, key);
      Store store = new Store(dir, db, storeId, clock, found.user(), found.slot(), version, keys);
      store.rotation.loadOldMasterKeys();
      store.clinicName = new String(store.metadata.openSealed("clinic"), StandardCharsets.UTF_8);
      store.resumeRotation();
      store.ensurePseudonymKey();
      store.foldFailedUnlocks();
      unlocked = true;
      return store;
    } catch (SQLException e) {
      throw new IOException("cannot read the store database: " + e.getMessage(), e);
    } finally {
      if (!unlocked) {
        try {
          db.close();
        } catch (SQLException e) {
          // nothing more to do: the store stays locked
        }
      }
    }
  }

  private static Connection connect(Path file) throws SQLException {
    Properties properties = new Properties();
    // no "SELECT last_insert_rowid()" after every INSERT: rows are numbered by the store itself
    properties.setProperty("jdbc.get_generated_keys", "false");
    Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties);
    try (Statement st = db.createStatement()) {
      st.execute("PRAGMA busy_timeout=10000");
      st.execute("PRAGMA journal_mode=WAL");
      st.execute("PRAGMA synchronous=FULL");
      st.execute("PRAGMA temp_store=MEMORY");
      // 64 MiB of page cache (default 2 MiB): imports insert into indexes on random keyed hashes
      st.execute("PRAGMA cache_size=-65536");
      st.execute("PRAGMA secure_delete=ON");
    }
    return db;
  }

  private static void createSchema(Connection db) throws SQLException {
    try (Statement st = db.createStatement()) {
      st.execute("CREATE TABLE meta(name TEXT PRIMARY KEY, value BLOB NOT NULL)");
      st.execute(
          "CREATE TABLE keyslot(slot INTEGER PRIMARY KEY, kind TEXT NOT NULL,"
              + " user_name TEXT NOT NULL UNIQUE, role TEXT NOT NULL, staff_id TEXT,"
              + " kdf_type TEXT, kdf_memory_kib INTEGER, kdf_iterations INTEGER,"
              + " kdf_parallelism INTEGER, kdf_salt BLOB, public_key BLOB NOT NULL,"
              + " wrapped_private BLOB NOT NULL, wrapped_master BLOB NOT NULL, mac BLOB NOT NULL)");
      // older master keys sealed under the current one, only while a rotation is unfinished
      st.execute("CREATE TABLE master_key(version INTEGER PRIMARY KEY, sealed BLOB NOT NULL)");
      st.execute(
          "CREATE TABLE record(row INTEGER PRIMARY KEY, kind TEXT NOT NULL, lookup BLOB NOT NULL,"
              + " version INTEGER NOT NULL, key_version INTEGER NOT NULL, latest INTEGER NOT NULL,"
              + " seq INTEGER NOT NULL, data BLOB NOT NULL)");
      st.execute("CREATE INDEX record_lookup ON record(kind, lookup, key_version)");
      st.execute("CREATE INDEX record_latest ON record(kind, latest)");
      st.execute("CREATE INDEX record_seq ON record(seq)");
    }
    AuditLog.createTables(db);
    Reviews.createTables(db);
  }

  private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, permissions);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: rely on the platform's default access control
    }
  }

  // ---------------------------------------------------------------- who and what

  /** The clock the store stamps changes and audit entries with. */
  public Clock clock() {
    return clock;
  }

  /** Who unlocked the store. */
  public User user() {
    return user;
  }

  /** The clinic's name, read (and authenticated) when the store was unlocked. */
  public String clinicName() {
    return clinicName;
  }

  public Path directory() {
    return dir;
  }

  /** The current master key version; purpose keys change with it. */
  public synchronized int keyVersion() {
    return keyVersion;
  }

  /** A fresh copy of the purpose key: HKDF-SHA256 from the current master key. */
  public synchronized byte[] purposeKey(Purpose purpose) {
    checkOpen();
    return derivedKey(keyVersion, purpose.name()).clone();
  }

  private byte[] derivedKey(int version, String label) {
    return derivedKeys.computeIfAbsent(
        label + "/" + version,
        info -> {
          byte[] master = masterKeys.get(version);
          return master == null ? null : Hkdf.derive(master, storeId, info);
        });
  }

  // ---------------------------------------------------------------- pseudonyms

  /**
   * The reference a clinician is given instead of a finding's details: {@code R-} and ten
   * characters of a keyed hash of the finding id, stable across key rotations.
   */
  public synchronized String findingReference(String findingId) {
    checkOpen();
    return pseudonyms.reference(findingId);
  }

  /** A keyed hash of the values in order, for noticing that matched data changed. */
  public synchronized String fingerprint(List<String> values) {
    checkOpen();
    return pseudonyms.fingerprint(values);
  }

  /** Stores created before pseudonyms, reviews and audit existed get them at the first unlock. */
  private void ensurePseudonymKey() throws SQLException, IOException {
    if (!metadata.has(PSEUDONYMS) || !hasTable("audit_pending") || !hasTable("decision")) {
      try (WriterLock lock = WriterLock.acquire(dir)) {
        transaction(
            () -> {
              AuditLog.createTables(db);
              Reviews.createTables(db);
              if (!metadata.has(PSEUDONYMS)) {
                metadata.putSealed(PSEUDONYMS, Aead.newKey());
              }
            });
      }
    }
    byte[] secret = metadata.openSealed(PSEUDONYMS);
    pseudonyms = new Pseudonyms(secret, storeId);
    Aead.wipe(secret);
  }

  private boolean hasTable(String name) throws SQLException {
    try (PreparedStatement ps =
        db.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Failed unlocks noted without a key are entered into the audit chain now that it is open. */
  private void foldFailedUnlocks() throws SQLException, IOException {
    if (!auditLog.hasPending()) {
      return;
    }
    SigningIdentity signer = signingIdentity();
    try (WriterLock lock = WriterLock.acquire(dir)) {
      transaction(() -> auditLog.append(List.of(), signer, clock.instant()));
    } catch (StoreInUseException e) {
      // another process writes; its next audit entry or our next unlock folds them in
    }
  }

  // ---------------------------------------------------------------- audit log

  /**
   * Appends an entry to the audit log as the current user and signs the chain's new head.
   *
   * @param action what was done, e.g. {@code check}, {@code note.read}
   * @param targetKind kind of the object concerned ({@code client}, {@code contact}, {@code note},
   *     {@code user}, {@code finding}), or null
   * @param targetId its id: stored only as a keyed pseudonym
   * @param detail counts, decisions or references; never personal data
   */
  public synchronized void audit(String action, String targetKind, String targetId, String detail)
      throws IOException {
    checkOpen();
    String target =
        targetKind == null || targetId == null ? "" : pseudonyms.target(targetKind, targetId);
    AuditEntry entry =
        new AuditEntry(
            0,
            clock.instant(),
            user.name(),
            user.role().name().toLowerCase(java.util.Locale.ROOT),
            action,
            target,
            detail == null ? "" : detail);
    SigningIdentity signer = signingIdentity();
    try (WriterLock lock = WriterLock.acquire(dir)) {
      transaction(() -> auditLog.append(List.of(entry), signer, clock.instant()));
    }
  }

  /** The pseudonym the audit log gives an object, to find its entries. */
  public synchronized String auditTarget(String targetKind, String targetId) {
    checkOpen();
    return pseudonyms.target(targetKind, targetId);
  }

  /** Checks the whole audit chain against its signed head. */
  public synchronized AuditVerification verifyAudit() throws IOException {
    checkOpen();
    try {
      return auditLog.verify(signingIdentity().chain().get(0).getPublicKey());
    } catch (SQLException e) {
      throw sqlFailure(e);
    }
  }

  /** The audit entries from the given time on (all when since is null), oldest first. */
  public synchronized List<AuditEntry> auditEntries(Instant since) throws IOException {
    checkOpen();
    try {
      return auditLog.entries(since);
    } catch (SQLException e) {
      throw sqlFailure(e);
    }
  }

  // ---------------------------------------------------------------- findings and decisions

  /** Keeps the findings just reported (replacing earlier copies), so they can be resolved. */
  public synchronized void rememberFindings(List<StoredFinding> findings) throws IOException {
    checkOpen();
    if (findings.isEmpty()) {
      return;
    }
    try (WriterLock lock = WriterLock.acquire(dir)) {
      transaction(() -> reviews.remember(findings));
    }
  }

  /** A reported finding by its {@code F-} id or {@code R-} reference. */
  public synchronized Optional<StoredFinding> storedFinding(String idOrReference)
      throws IOException {
    checkOpen();
    try {
      return reviews.find(referenceOf(idOrReference));
    } catch (SQLException e) {
      throw sqlFailure(e);
    }
  }

  /**
   * Records a director's decision on a reported finding, with the fingerprints the finding had when
   * last reported.
   */
  public synchronized Decision resolve(String idOrReference, String decision, String note)
      throws IOException, StoreAccessException {
    checkOpen();
    requireDirector();
    if (!Decision.DECISIONS.contains(decision)) {
      throw new IllegalArgumentException(
          "unknown decision: expected one of " + String.join(", ", Decision.DECISIONS));
    }
    if (note == null || note.isBlank()) {
      throw new IllegalArgumentException("a decision needs a note");
    }
    String reference = referenceOf(idOrReference);
    try (WriterLock lock = WriterLock.acquire(dir)) {
      StoredFinding finding =
          reviews
              .find(reference)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "no reported finding " + idOrReference + ": check or scan first"));
      Decision made =
          new Decision(
              finding.findingId(),
              decision,
              note.strip(),
              user.name(),
              clock.instant(),
              finding.contactFingerprint(),
              finding.recordFingerprint());
      transaction(() -> reviews.add(reference, made));
      return made;
    } catch (SQLException e) {
      throw sqlFailure(e);
    }
  }

  /** Every decision on a finding, oldest first. */
  public synchronized List<Decision> decisions(String idOrReference) throws IOException {
    checkOpen();
    try {
      return reviews.history(referenceOf(idOrReference));
    } catch (SQLException e) {
      throw sqlFailure(e);
    }
  }

  /** The latest decision on each finding that has one, by finding id. */
  public synchronized Map<String, Decision> latestDecisions() throws IOException {
    checkOpen();
    try {
      Map<String, Decision> byId = new HashMap<>();
      for (Decision d : reviews.latest().values()) {
        byId.put(d.findingId(), d);
      }
      return byId;
    } catch (SQLException e) {
      throw sqlFailure(e);
    }
  }

  private String referenceOf(String idOrReference) {
    return idOrReference.startsWith("R-") ? idOrReference : pseudonyms.reference(idOrReference);
  }

  // ---------------------------------------------------------------- records

  /**
   * Validates the whole file first, then writes it in one transaction; re-importing an id updates
   * that record (new version). Returns the records written (unchanged ones are skipped): meant for
   * small files such as ties; a large file should go through {@link #importCsv(RecordKind, Path,
   * Consumer)}, which holds no list.
   */
  public synchronized List<ClinicRecord> importCsv(RecordKind kind, Path csv)
      throws IOException, CsvFormatException {
    List<ClinicRecord> written = new ArrayList<>();
    importCsv(kind, csv, written::add);
    return written;
  }

  /**
   * Imports a file of any size in bounded memory: a first streaming pass validates every row, its
   * ids and references (nothing is written if any fails), a second pass over the same bytes (proved
   * by their SHA-256) writes them in one transaction. Each record written is handed to {@code
   * written} during that transaction, so it is final only once this method returns normally.
   * Returns how many records were written (unchanged ones are skipped).
   */
  public synchronized long importCsv(RecordKind kind, Path csv, Consumer<ClinicRecord> written)
      throws IOException, CsvFormatException {
    checkOpen();
    if (kind == RecordKind.CONTACT) {
      throw new IllegalArgumentException("contacts are checked, never stored");
    }
    try (WriterLock lock = WriterLock.acquire(dir)) {
      References references = new References(kind, csv);
      byte[] validated = CsvRecords.scan(kind, csv, true, references::check);
      long[] count = {0};
      CsvFormatException[] failed = {null};
      try {
        transaction(
            () -> {
              Writer writer = new Writer();
              byte[] writing;
              try {
                writing =
                    CsvRecords.scan(
                        kind,
                        csv,
                        false,
                        row -> {
                          ClinicRecord stored;
                          try {
                            stored = writer.write(row.record(), null);
                          } catch (SQLException | GeneralSecurityException e) {
                            throw new IOException("writing the import failed", e);
                          }
                          if (stored != null) {
                            count[0]++;
                            written.accept(stored);
                          }
                        });
              } catch (CsvFormatException e) {
                failed[0] = e;
                throw new ImportAborted();
              }
              if (!java.security.MessageDigest.isEqual(validated, writing)) {
                failed[0] =
                    new CsvFormatException(csv, 0, null, "the file changed during the import");
                throw new ImportAborted();
              }
              writer.finish();
            });
      } catch (ImportAborted e) {
        throw failed[0];
      }
      return count[0];
    }
  }

  /** Unwinds the import's transaction (rolled back) to rethrow a validation error. */
  private static final class ImportAborted extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Checks that each row's client or staff id names a record in the store, remembering the ids
   * found as 64-bit hashes (a million referenced clients cost tens of megabytes, not hundreds). A
   * missing id would pass only by sharing a seeded hash with a found one: with a million clients
   * found, odds of about one in 10^13 per missing id.
   */
  private final class References {
    private final Path csv;
    private final String column;
    private final RecordKind target;
    private final CsvRecords.IdLines found = new CsvRecords.IdLines();

    References(RecordKind kind, Path csv) {
      this.csv = csv;
      switch (kind) {
        case ASSOCIATE, NOTE -> {
          column = "client_id";
          target = RecordKind.CLIENT;
        }
        case TIE -> {
          column = "staff_id";
          target = RecordKind.STAFF;
        }
        default -> {
          column = null;
          target = null;
        }
      }
    }

    void check(CsvRecords.Row row) throws IOException, CsvFormatException {
      if (column == null) {
        return;
      }
      String id = row.record().get(column);
      if (found.contains(id)) {
        return;
      }
      if (findLatest(target, id) == null) {
        throw CsvRecords.fail(
            csv, row, column, "expected the id of a " + target.singular() + " in the store");
      }
      found.putIfAbsent(id, 1);
    }
  }

  /**
   * Imports records another format produced (FHIR, vCard, a plugin), of one or several kinds, as
   * {@link #importCsv} does: every record is validated as a CSV row would be and every reference
   * resolved (against the store or this batch) before one transaction writes them all. Errors name
   * the source, the record and the column.
   */
  public synchronized List<ClinicRecord> importRecords(Path source, List<ClinicRecord> records)
      throws IOException, CsvFormatException {
    checkOpen();
    List<CsvRecords.Row> rows = CsvRecords.validate(source, records);
    try (WriterLock lock = WriterLock.acquire(dir)) {
      for (RecordKind kind : List.of(RecordKind.ASSOCIATE, RecordKind.NOTE, RecordKind.TIE)) {
        List<CsvRecords.Row> ofKind = rows.stream().filter(r -> r.record().kind() == kind).toList();
        checkReferences(kind, source, ofKind, rows);
      }
      return write(rows);
    }
  }

  /** Writes validated rows in one transaction; the caller holds the writer lock. */
  private List<ClinicRecord> write(List<CsvRecords.Row> rows) throws IOException {
    List<ClinicRecord> written = new ArrayList<>();
    transaction(
        () -> {
          Writer writer = new Writer();
          for (CsvRecords.Row row : rows) {
            ClinicRecord stored = writer.write(row.record(), null);
            if (stored != null) {
              written.add(stored);
            }
          }
          writer.finish();
        });
    return written;
  }

  /** Each row's client or staff id must name a record in the store or in {@code batch}. */
  private void checkReferences(
      RecordKind kind, Path csv, List<CsvRecords.Row> rows, List<CsvRecords.Row> batch)
      throws IOException, CsvFormatException {
    String column;
    RecordKind target;
    switch (kind) {
      case ASSOCIATE, NOTE -> {
        column = "client_id";
        target = RecordKind.CLIENT;
      }
      case TIE -> {
        column = "staff_id";
        target = RecordKind.STAFF;
      }
      default -> {
        return;
      }
    }
    Map<String, Boolean> known = new HashMap<>();
    for (CsvRecords.Row row : batch) {
      if (row.record().kind() == target) {
        known.put(row.record().id(), true);
      }
    }
    for (CsvRecords.Row row : rows) {
      String id = row.record().get(column);
      Boolean exists = known.get(id);
      if (exists == null) {
        exists = findLatest(target, id) != null;
        known.put(id, exists);
      }
      if (!exists) {
        throw CsvRecords.fail(
            csv, row, column, "expected the id of a " + target.singular() + " in the store");
      }
    }
  }

  /** Decrypts every latest record of the kind, then hands them out in row order. */
  /**
   * Hands out the latest version of every record of a kind, in pages of {@link #CHANGE_PAGE}: each
   * page is decrypted and authenticated whole before any of it is handed out, so memory stays
   * bounded however many records there are.
   */
  public synchronized void forEach(RecordKind kind, Consumer<ClinicRecord> action)
      throws IOException {
    checkOpen();
    long after = -1;
    while (true) {
      List<ClinicRecord> page = new ArrayList<>();
      try (PreparedStatement ps =
          db.prepareStatement(
              "SELECT row, kind, version, key_version, data FROM record WHERE kind = ? AND latest = 1"
                  + " AND row > ? ORDER BY row LIMIT "
                  + CHANGE_PAGE)) {
        ps.setString(1, kind.name());
        ps.setLong(2, after);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            StoredRow row = decryptRow(rs);
            page.add(row.record());
            after = row.row();
          }
        }
      } catch (SQLException e) {
        throw sqlFailure(e);
      }
      page.forEach(action);
      if (page.size() < CHANGE_PAGE) {
        return;
      }
    }
  }

  public synchronized Optional<ClinicRecord> get(RecordKind kind, String id) throws IOException {
    checkOpen();
    return Optional.ofNullable(findLatest(kind, id)).map(StoredRow::record);
  }

  public synchronized long count(RecordKind kind) throws IOException {
    checkOpen();
    try (PreparedStatement ps =
        db.prepareStatement("SELECT count(*) FROM record WHERE kind = ? AND latest = 1")) {
      ps.setString(1, kind.name());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw sqlFailure(e);
    }
  }

  /** Every stored version of the kind's records (notes keep each version; others one). */
  public synchronized long countVersions(RecordKind kind) throws IOException {
    checkOpen();
    try (PreparedStatement ps = db.prepareStatement("SELECT count(*) FROM record WHERE kind = ?")) {
      ps.setString(1, kind.name());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw sqlFailure(e);
    }
  }

  /** Rows per page of {@link #forEach} and {@link #forEachChangedSince}: a few MB decrypted. */
  static final int CHANGE_PAGE = 10_000;

  /** Grows with every write; compare with {@link #forEachChangedSince}. */
  public synchronized long changeSequence() throws IOException {
    checkOpen();
    try {
      return ByteBuffer.wrap(Metadata.read(db, "seq")).getLong();
    } catch (SQLException e) {
      throw sqlFailure(e);
    }
  }

  /**
   * Every record written after the sequence number, in write order; each version of a note. Hands
   * them out in pages of {@value #CHANGE_PAGE} rows, each page decrypted and authenticated whole
   * before any of its records is handed out, so memory stays bounded however many rows changed. A
   * tampered row throws {@link IntegrityException} after the pages before it were handed out: a
   * caller building something from the feed (the index) must discard it unless the call returns.
   */
  public synchronized void forEachChangedSince(long sequence, Consumer<ClinicRecord> action)
      throws IOException {
    checkOpen();
    long after = sequence;
    while (true) {
      List<ClinicRecord> page = new ArrayList<>();
      try (PreparedStatement ps =
          db.prepareStatement(
              "SELECT row, kind, version, key_version, data, seq FROM record WHERE seq > ?"
                  + " ORDER BY seq LIMIT "
                  + CHANGE_PAGE)) {
        ps.setLong(1, after);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            page.add(decryptRow(rs).record());
            after = rs.getLong("seq");
          }
        }
      } catch (SQLException e) {
        throw sqlFailure(e);
      }
      page.forEach(action);
      if (page.size() < CHANGE_PAGE) {
        return;
      }
    }
  }

  // ---------------------------------------------------------------- notes

  /** Adds a case note (version 1) for a client in the store and returns its new id. */
  public synchronized String addNote(String clientId, String authorId, LocalDate date, String text)
      throws IOException {
    checkOpen();
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a note needs text");
    }
    String noteId = "N-" + HexFormat.of().formatHex(Aead.randomBytes(8));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("note_id", noteId);
    fields.put("client_id", clientId);
    if (authorId != null && !authorId.isBlank()) {
      fields.put("author_id", authorId);
    }
    if (date != null) {
      fields.put("date", date.toString());
    }
    fields.put("text", text.strip());
    try (WriterLock lock = WriterLock.acquire(dir)) {
      if (findLatest(RecordKind.CLIENT, clientId) == null) {
        throw new IllegalArgumentException("no client with that id in the store");
      }
      transaction(
          () -> {
            Writer writer = new Writer();
            writer.write(new ClinicRecord(RecordKind.NOTE, noteId, fields), null);
            writer.finish();
          });
    }
    return noteId;
  }

  /** Adds a version to a note: same client and date, new author and text. */
  public synchronized NoteVersion amendNote(String noteId, String authorId, String text)
      throws IOException {
    checkOpen();
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a note needs text");
    }
    try (WriterLock lock = WriterLock.acquire(dir)) {
      StoredRow latest = findLatest(RecordKind.NOTE, noteId);
      if (latest == null) {
        throw new IllegalArgumentException("no note with that id in the store");
      }
      Map<String, String> fields = new LinkedHashMap<>(latest.record().fields());
      fields.remove("author_id");
      if (authorId != null && !authorId.isBlank()) {
        fields.put("author_id", authorId);
      }
      fields.put("text", text.strip());
      ClinicRecord[] stored = new ClinicRecord[1];
      transaction(
          () -> {
            Writer writer = new Writer();
            stored[0] = writer.write(new ClinicRecord(RecordKind.NOTE, noteId, fields), null);
            writer.finish();
          });
      return stored[0] == null ? toNoteVersion(latest.record()) : toNoteVersion(stored[0]);
    }
  }

  /** Every version of a note, oldest first; empty if there is no such note. */
  public synchronized List<NoteVersion> noteVersions(String noteId) throws IOException {
    checkOpen();
    List<NoteVersion> versions = new ArrayList<>();
    for (int version : masterKeys.keySet()) {
      byte[] lookup = lookup(version, RecordKind.NOTE, noteId);
      query(
              "SELECT row, kind, version, key_version, data FROM record"
                  + " WHERE kind = ? AND lookup = ? AND key_version = ?",
              ps -> {
                ps.setString(1, RecordKind.NOTE.name());
                ps.setBytes(2, lookup);
                ps.setInt(3, version);
              })
          .forEach(record -> versions.add(toNoteVersion(record)));
    }
    versions.sort(Comparator.comparingInt(NoteVersion::version));
    return versions;
  }

  private static NoteVersion toNoteVersion(ClinicRecord note) {
    String date = note.get("date");
    return new NoteVersion(
        note.id(),
        note.get("client_id"),
        Integer.parseInt(note.get("version")),
        note.fields().get("author_id"),
        date.length() == 10 ? LocalDate.parse(date) : null,
        note.get("text"),
        Instant.parse(note.get("created_at")));
  }

  // ---------------------------------------------------------------- users and keyslots

  public synchronized void addUser(String name, Role role, String staffId, char[] passphrase)
      throws IOException, StoreAccessException {
    checkOpen();
    requireDirector();
    requireName(name);
    keyslots.addUser(name, role, staffId, passphrase);
  }

  /**
   * Removes a user's keyslot. Rotate the keys afterwards so an old copy of the store is useless.
   */
  public synchronized void removeUser(String name) throws IOException, StoreAccessException {
    checkOpen();
    requireDirector();
    keyslots.removeUser(name);
  }

  /** The users holding a keyslot (not the machine); never a secret. */
  public synchronized List<User> listUsers() throws IOException {
    checkOpen();
    return keyslots.listUsers();
  }

  /** Replaces the current user's keyslot with one under the new passphrase. */
  public synchronized void changePassphrase(char[] newPassphrase)
      throws IOException, StoreAccessException {
    checkOpen();
    keyslots.changePassphrase(slot, user, newPassphrase);
  }

  /**
   * Writes a new random 32-byte key file (owner read/write only) and a machine keyslot for it,
   * replacing any earlier machine keyslot, for unattended runs with {@link #openWithKeyFile}.
   */
  public synchronized void addMachineKey(Path keyFile) throws IOException, StoreAccessException {
    checkOpen();
    requireDirector();
    keyslots.addMachineKey(keyFile);
  }

  // ---------------------------------------------------------------- rotation

  /**
   * Makes a new master key version: every keyslot is re-wrapped at once, then records are
   * re-encrypted in batches, each its own transaction. Interrupted, it is finished by the next
   * {@link #open}; until then the old version still decrypts.
   */
  public synchronized void rotateKeys(ProgressListener listener)
      throws IOException, StoreAccessException {
    checkOpen();
    requireDirector();
    try (WriterLock lock = WriterLock.acquire(dir)) {
      int previousVersion = keyVersion;
      try {
        transaction(rotation::start);
      } catch (IOException | RuntimeException e) {
        // rolled back on disk: forget the new key in memory too
        rotation.abandon(previousVersion);
        throw e;
      }
      reencryptAll(listener);
    }
  }

  /**
   * Re-encrypts the records still under an older version in batches, then lets the rotation drop
   * the older keys. The batches stay here: they read and write record rows like the rest below.
   */
  private void reencryptAll(ProgressListener listener) throws IOException {
    long total = countOldRows();
    long done = 0;
    long lastRow = 0;
    listener.progress(done, total);
    while (true) {
      List<StoredRow> batch = new ArrayList<>();
      try (PreparedStatement ps =
          db.prepareStatement(
              "SELECT row, kind, version, key_version, data FROM record"
                  + " WHERE key_version < ? AND row > ? ORDER BY row LIMIT "
                  + ROTATION_BATCH)) {
        ps.setInt(1, keyVersion);
        ps.setLong(2, lastRow);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            batch.add(decryptRow(rs));
          }
        }
      } catch (SQLException e) {
        throw sqlFailure(e);
      }
      if (batch.isEmpty()) {
        break;
      }
      transaction(
          () -> {
            try (PreparedStatement update =
                db.prepareStatement(
                    "UPDATE record SET lookup = ?, key_version = ?, data = ? WHERE row = ?")) {
              for (StoredRow row : batch) {
                ClinicRecord record = row.record();
                update.setBytes(1, lookup(keyVersion, record.kind(), record.id()));
                update.setInt(2, keyVersion);
                update.setBytes(3, encrypt(record, row.row(), row.version(), keyVersion));
                update.setLong(4, row.row());
                update.addBatch();
              }
              update.executeBatch();
            }
          });
      done += batch.size();
      lastRow = batch.get(batch.size() - 1).row();
      listener.progress(done, total);
    }
    rotation.finish();
  }

  private long countOldRows() throws IOException {
    try (PreparedStatement ps =
        db.prepareStatement("SELECT count(*) FROM record WHERE key_version < ?")) {
      ps.setInt(1, keyVersion);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw sqlFailure(e);
    }
  }

  /** Finishes a rotation an earlier process left unfinished, unless another process writes. */
  private void resumeRotation() throws IOException {
    if (masterKeys.size() == 1) {
      return;
    }
    WriterLock lock;
    try {
      lock = WriterLock.acquire(dir);
    } catch (StoreInUseException e) {
      return; // the other writer may be rotating; old versions still decrypt
    }
    try (lock) {
      reencryptAll(ProgressListener.NONE);
    }
  }

  // ---------------------------------------------------------------- signing identity

  public synchronized SigningIdentity signingIdentity() throws IOException {
    checkOpen();
    return SigningIdentities.decode(metadata.openSealed("signing"));
  }

  /** Replaces the clinic's signing identity with the first key entry of a PKCS#12 file. */
  public synchronized void importSigningIdentity(Path p12, char[] password)
      throws IOException, StoreAccessException {
    checkOpen();
    requireDirector();
    SigningIdentity identity = SigningIdentities.readPkcs12(p12, password);
    byte[] encoded = SigningIdentities.encode(identity);
    try (WriterLock lock = WriterLock.acquire(dir)) {
      transaction(() -> metadata.putSealed("signing", encoded));
    }
  }

  // ---------------------------------------------------------------- rows

  private record StoredRow(long row, int version, int keyVersion, ClinicRecord record) {}

  /** Writes records inside one transaction, numbering rows and changes. */
  private final class Writer {
    private long nextRow;
    private long seq;

    /**
     * For each kind with no row when this writer first met it, the ids it has written since: only
     * those can have an earlier version, so a first import needs no lookup per record.
     */
    private final Map<RecordKind, CsvRecords.IdLines> writtenToEmptyKind =
        new EnumMap<>(RecordKind.class);

    private final Set<RecordKind> storedKinds = EnumSet.noneOf(RecordKind.class);

    Writer() throws SQLException, IOException {
      try (Statement st = db.createStatement();
          ResultSet rs = st.executeQuery("SELECT coalesce(max(row), 0) + 1 FROM record")) {
        rs.next();
        nextRow = rs.getLong(1);
      }
      seq = ByteBuffer.wrap(Metadata.read(db, "seq")).getLong();
    }

    /** Writes the record unless it is unchanged; returns what was stored, or null. */
    ClinicRecord write(ClinicRecord record, Instant createdAt)
        throws SQLException, IOException, GeneralSecurityException {
      StoredRow existing = mayExist(record) ? findLatest(record.kind(), record.id()) : null;
      if (record.kind() == RecordKind.NOTE) {
        int version = 1;
        if (existing != null) {
          Map<String, String> previous = new HashMap<>(existing.record().fields());
          previous.remove("version");
          previous.remove("created_at");
          if (previous.equals(record.fields())) {
            return null;
          }
          version = existing.version() + 1;
          try (PreparedStatement ps =
              db.prepareStatement("UPDATE record SET latest = 0 WHERE row = ?")) {
            ps.setLong(1, existing.row());
            ps.executeUpdate();
          }
        }
        Map<String, String> fields = new HashMap<>(record.fields());
        fields.put("version", Integer.toString(version));
        fields.put("created_at", (createdAt == null ? clock.instant() : createdAt).toString());
        ClinicRecord note = new ClinicRecord(RecordKind.NOTE, record.id(), fields);
        insert(note, nextRow++, version);
        return note;
      }
      if (existing == null) {
        insert(record, nextRow++, 1);
        return record;
      }
      if (existing.record().fields().equals(record.fields())) {
        return null;
      }
      int version = existing.version() + 1;
      try (PreparedStatement ps =
          db.prepareStatement(
              "UPDATE record SET lookup = ?, version = ?, key_version = ?, seq = ?, data = ?"
                  + " WHERE row = ?")) {
        ps.setBytes(1, lookup(keyVersion, record.kind(), record.id()));
        ps.setInt(2, version);
        ps.setInt(3, keyVersion);
        ps.setLong(4, ++seq);
        ps.setBytes(5, encrypt(record, existing.row(), version, keyVersion));
        ps.setLong(6, existing.row());
        ps.executeUpdate();
      }
      return record;
    }

    /** False only when the record's kind had no row and this writer has not written its id. */
    private boolean mayExist(ClinicRecord record) throws SQLException {
      RecordKind kind = record.kind();
      if (storedKinds.contains(kind)) {
        return true;
      }
      // ids as 64-bit hashes: a shared hash merely costs one lookup
      CsvRecords.IdLines written = writtenToEmptyKind.get(kind);
      if (written == null) {
        PreparedStatement ps = prepared("SELECT 1 FROM record WHERE kind = ? LIMIT 1");
        ps.setString(1, kind.name());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            storedKinds.add(kind);
            return true;
          }
        }
        written = new CsvRecords.IdLines();
        writtenToEmptyKind.put(kind, written);
      }
      return written.putIfAbsent(record.id(), 1) != 0;
    }

    private void insert(ClinicRecord record, long row, int version)
        throws SQLException, GeneralSecurityException {
      PreparedStatement ps =
          prepared(
              "INSERT INTO record(row, kind, lookup, version, key_version, latest, seq, data)"
                  + " VALUES (?, ?, ?, ?, ?, 1, ?, ?)");
      ps.setLong(1, row);
      ps.setString(2, record.kind().name());
      ps.setBytes(3, lookup(keyVersion, record.kind(), record.id()));
      ps.setInt(4, version);
      ps.setInt(5, keyVersion);
      ps.setLong(6, ++seq);
      ps.setBytes(7, encrypt(record, row, version, keyVersion));
      ps.executeUpdate();
    }

    void finish() throws SQLException {
      metadata.put("seq", ByteBuffer.allocate(8).putLong(seq).array());
    }
  }

  private StoredRow findLatest(RecordKind kind, String id) throws IOException {
    for (int version : masterKeys.descendingKeySet()) {
      byte[] lookup = lookup(version, kind, id);
      try {
        PreparedStatement ps =
            prepared(
                "SELECT row, kind, version, key_version, data FROM record"
                    + " WHERE kind = ? AND lookup = ? AND key_version = ? AND latest = 1");
        ps.setString(1, kind.name());
        ps.setBytes(2, lookup);
        ps.setInt(3, version);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            StoredRow row = decryptRow(rs);
            if (!row.record().id().equals(id)) {
              throw IntegrityException.record(row.row());
            }
            return row;
          }
        }
      } catch (SQLException e) {
        throw sqlFailure(e);
      }
    }
    return null;
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Decrypts every row the query selects before returning any, so tampering gives no output. */
  private List<ClinicRecord> query(String sql, Binder binder) throws IOException {
    List<ClinicRecord> records = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          records.add(decryptRow(rs).record());
        }
      }
    } catch (SQLException e) {
      throw sqlFailure(e);
    }
    return records;
  }

  private StoredRow decryptRow(ResultSet rs) throws SQLException, IntegrityException {
    long row = rs.getLong("row");
    int version = rs.getInt("version");
    int rowKeyVersion = rs.getInt("key_version");
    RecordKind kind;
    try {
      kind = RecordKind.valueOf(rs.getString("kind"));
    } catch (IllegalArgumentException e) {
      throw IntegrityException.record(row);
    }
    byte[] key = derivedKey(rowKeyVersion, recordLabel(kind));
    if (key == null) {
      throw IntegrityException.record(row);
    }
    try {
      byte[] plaintext =
          Aead.open(key, rs.getBytes("data"), recordAad(kind, row, version, rowKeyVersion));
      ClinicRecord record = RecordCodec.decode(plaintext);
      Aead.wipe(plaintext);
      if (record == null || record.kind() != kind) {
        throw IntegrityException.record(row);
      }
      return new StoredRow(row, version, rowKeyVersion, record);
    } catch (GeneralSecurityException e) {
      throw IntegrityException.record(row);
    }
  }

  private byte[] encrypt(ClinicRecord record, long row, int version, int withKeyVersion)
      throws GeneralSecurityException {
    byte[] plaintext = RecordCodec.encode(record);
    try {
      return Aead.seal(
          derivedKey(withKeyVersion, recordLabel(record.kind())),
          plaintext,
          recordAad(record.kind(), row, version, withKeyVersion));
    } finally {
      Aead.wipe(plaintext);
    }
  }

  private static String recordLabel(RecordKind kind) {
    return kind == RecordKind.NOTE ? Purpose.NOTES.name() : RECORDS_LABEL;
  }

  /** Binds a ciphertext to its store, kind, row, version and key version. */
  private byte[] recordAad(RecordKind kind, long row, int version, int withKeyVersion) {
    byte[] kindName = kind.name().getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(17 + storeId.length + kindName.length + 16)
        .put("dualcheck-record\u0000".getBytes(StandardCharsets.US_ASCII))
        .put(storeId)
        .put(kindName)
        .putLong(row)
        .putInt(version)
        .putInt(withKeyVersion)
        .array();
  }

  /** The keyed hash that finds a record by kind and external id without storing the id. */
  private byte[] lookup(int version, RecordKind kind, String id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(derivedKey(version, Purpose.LOOKUP.name()), "HmacSHA256"));
      mac.update(kind.name().getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) 0);
      return mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  // ---------------------------------------------------------------- plumbing

  /** Runs work in one SQLite transaction; the caller holds the writer lock. */
  private void transaction(StoreState.Work work) throws IOException {
    try {
      db.setAutoCommit(false);
      boolean committed = false;
      try {
        work.run();
        db.commit();
        committed = true;
      } finally {
        if (!committed) {
          db.rollback();
        }
        db.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw sqlFailure(e);
    } catch (GeneralSecurityException e) {
      throw new IOException("encryption failed", e);
    }
  }

  private PreparedStatement prepared(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = db.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  static IOException sqlFailure(SQLException e) {
    return new IOException("store database error: " + e.getMessage(), e);
  }

  private void requireDirector() throws StoreAccessException {
    if (user.role() != Role.DIRECTOR) {
      throw new StoreAccessException("access denied: only a director may do this");
    }
  }

  private static void requireName(String name) {
    if (name == null || name.isBlank() || name.equals(MACHINE)) {
      throw new IllegalArgumentException("a user needs a name other than \"machine\"");
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the store is closed");
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    masterKeys.values().forEach(Aead::wipe);
    derivedKeys.values().forEach(Aead::wipe);
    derivedKeys.clear();
    try {
      for (PreparedStatement statement : statements.values()) {
        statement.close();
      }
      db.close();
    } catch (SQLException e) {
      // closing releases what it can; nothing is left to protect
    }
  }
}
