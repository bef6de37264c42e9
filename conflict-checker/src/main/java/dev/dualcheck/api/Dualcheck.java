package dev.dualcheck.api;

import dev.dualcheck.check.ConflictChecker;
import dev.dualcheck.check.Finding;
import dev.dualcheck.check.MatchSettings;
import dev.dualcheck.check.ScanResult;
import dev.dualcheck.index.EncryptedDirectory;
import dev.dualcheck.index.PersonIndex;
import dev.dualcheck.policy.Reviews;
import dev.dualcheck.spi.ConflictRule;
import dev.dualcheck.spi.Options;
import dev.dualcheck.spi.Plugins;
import dev.dualcheck.spi.RecordSource;
import dev.dualcheck.spi.Records;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.CsvFormatException;
import dev.dualcheck.store.CsvRecords;
import dev.dualcheck.store.NoteVersion;
import dev.dualcheck.store.Purpose;
import dev.dualcheck.store.RecordKind;
import dev.dualcheck.store.Store;
import dev.dualcheck.store.StoreAccessException;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * dualcheck for a JVM application (an EHR, a practice system): open a store, check people, scan
 * contact files, import exports, close. The command line uses this class too, so both behave the
 * same; the index is kept in step with the store before every check.
 *
 * <pre>{@code
 * try (Dualcheck dc = Dualcheck.open(storeFolder, passphrase)) {
 *   List<Finding> findings =
 *       dc.check(Person.builder().given("Bill").family("Turner").dob("1980-04-02").build());
 * }
 * }</pre>
 *
 * <p>Findings carry names for display ({@link Finding#contactName()}, {@link
 * Finding#recordName()}): they are personal data; show them only to those who may see them. Not
 * thread-safe: one instance per thread, or synchronise.
 */
public final class Dualcheck implements AutoCloseable {

  private final Store store;
  private final Plugins plugins;
  private final Clock clock;
  private MatchSettings settings = MatchSettings.defaults();
  private PersonIndex index;

  private Dualcheck(Store store, Plugins plugins, Clock clock) {
    this.store = store;
    this.plugins = plugins;
    this.clock = clock;
  }

  /**
   * Unlocks the store in the folder with a user's passphrase, and loads the plugin jars in its
   * {@code plugins} folder. The caller should wipe the passphrase afterwards.
   *
   * @throws StoreAccessException wrong passphrase
   */
  public static Dualcheck open(Path storeFolder, char[] passphrase)
      throws IOException, StoreAccessException {
    return wrap(
        Store.open(storeFolder, passphrase, Clock.systemUTC()), Clock.systemUTC(), List.of());
  }

  /** Unlocks the store with the machine key file (unattended use). */
  public static Dualcheck openWithKeyFile(Path storeFolder, Path keyFile)
      throws IOException, StoreAccessException {
    return wrap(
        Store.openWithKeyFile(storeFolder, keyFile, Clock.systemUTC()),
        Clock.systemUTC(),
        List.of());
  }

  /**
   * Takes over an unlocked store (closed with this object), loading the plugins of its folder and
   * the extra jars named.
   */
  public static Dualcheck wrap(Store store, Clock clock, Collection<Path> extraPluginJars)
      throws IOException {
    try {
      return new Dualcheck(store, Plugins.load(store.directory(), extraPluginJars), clock);
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** Uses these match settings (e.g. another default phone region) from now on. */
  public Dualcheck settings(MatchSettings newSettings) {
    this.settings = newSettings;
    return this;
  }

  /**
   * Every conflict the person may have, strongest first, including plugin rules' findings, with
   * reviewers' decisions applied as on the command line: each finding shows its latest resolution,
   * and one decided {@code not_same_person} stays hidden while both sides' fields are unchanged.
   * Findings are remembered in the store so that they can be resolved by id.
   */
  public List<Finding> check(Person person) throws IOException {
    return check(person.toRecord());
  }

  /** As {@link #check(Person)}, for a contact record of the contract. */
  public List<Finding> check(ClinicRecord contact) throws IOException {
    List<Finding> findings = new ArrayList<>(checker().check(contact));
    findings.addAll(ruleFindings(contact));
    return new Reviews(store, this::owned).apply(contact, findings);
  }

  /**
   * Checks each contact (on every processor), with decisions applied as by {@link
   * #check(ClinicRecord)}; {@code progress} receives the number checked so far. A batch first
   * authenticates every index file and compares its counts with the store, so a scan never runs on
   * a damaged index, even in parts a single check would not read. (Authenticating beside the checks
   * instead, on a thread of its own, cost the checks 10 s more CPU at full size.)
   */
  public ScanResult scan(List<ClinicRecord> contacts, IntConsumer progress) throws IOException {
    verifyIndex();
    ScanResult scanned =
        checker().scan(contacts, "S-" + UUID.randomUUID(), clock.instant(), progress);
    List<Finding> all = new ArrayList<>(scanned.findings());
    for (ClinicRecord contact : contacts) {
      all.addAll(ruleFindings(contact));
    }
    ScanResult found = new ScanResult(scanned.scanId(), scanned.created(), contacts.size(), all);
    return new Reviews(store, this::owned).apply(contacts, found);
  }

  /**
   * Reads a file of contacts in any format a {@link dev.dualcheck.spi.ContactSource} reads (CSV,
   * vCard, plugins), validated as a contacts CSV is.
   *
   * @param options e.g. {@code staff_id} for a vCard of a therapist's acquaintances
   */
  public List<ClinicRecord> readContacts(Path file, String format, Options options)
      throws IOException, CsvFormatException {
    return CsvRecords.contacts(file, plugins.contactSource(file, format).contacts(file, options));
  }

  /**
   * Imports an export in any format a {@link RecordSource} reads, validated whole and written in
   * one transaction, then updates the index. CSV goes through the store's own reader (errors by
   * line); other formats name their own places.
   *
   * @param kind the kind to import, or null for every kind the file holds
   * @return how many records were written (unchanged ones are skipped); a CSV file is streamed, so
   *     its size is bounded by the disk, not the heap
   */
  public long importFile(Path file, RecordKind kind, String format, Options options)
      throws IOException, CsvFormatException {
    RecordSource source = plugins.recordSource(file, format);
    long written;
    if (source.name().equals("csv") && kind != null) {
      written = store.importCsv(kind, file, record -> {});
    } else {
      written = store.importRecords(file, source.read(file, kind, options)).size();
    }
    updateIndex();
    return written;
  }

  /** The unlocked store (for the command line's other commands). */
  /**
   * The latest version of each note about the client, by date: found through the index, read from
   * the store (which decides: a note the index files under the client but the store does not is
   * left out).
   */
  public List<NoteVersion> notesOf(String clientId) throws IOException {
    List<NoteVersion> notes = new ArrayList<>();
    for (String noteId : idsOwnedBy(RecordKind.NOTE, clientId)) {
      List<NoteVersion> versions = store.noteVersions(noteId);
      if (!versions.isEmpty() && versions.get(versions.size() - 1).clientId().equals(clientId)) {
        notes.add(versions.get(versions.size() - 1));
      }
    }
    notes.sort(
        Comparator.comparing((NoteVersion n) -> n.date() == null ? LocalDate.MIN : n.date())
            .thenComparing(NoteVersion::noteId));
    return notes;
  }

  /** The records of a kind an owner has now, found through the index, read from the store. */
  private List<ClinicRecord> owned(RecordKind kind, String ownerId) throws IOException {
    List<ClinicRecord> records = new ArrayList<>();
    for (String id : idsOwnedBy(kind, ownerId)) {
      store.get(kind, id).ifPresent(records::add);
    }
    return records;
  }

  /** The ids of an owner's records of a kind, each once (a note has a document per version). */
  private Set<String> idsOwnedBy(RecordKind kind, String ownerId) throws IOException {
    Set<String> ids = new TreeSet<>();
    for (ClinicRecord record : index().ownedBy(kind, ownerId)) {
      ids.add(record.id());
    }
    return ids;
  }

  public Store store() {
    return store;
  }

  public Plugins plugins() {
    return plugins;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * The index, brought up to date with the store's changes since its last commit. An index already
   * in step is opened for searching only, so checks by several people at once (and beside a running
   * {@code serve}) do not wait for one another; one that is behind is opened for writing and caught
   * up.
   */
  public PersonIndex index() throws IOException {
    if (index == null) {
      index = openInStepForSearching();
    }
    if (index == null) {
      index = openIndex();
      updateIndex();
    }
    return index;
  }

  /** Indexes every store change the index has not seen yet; returns how many records. */
  public long updateIndex() throws IOException {
    long sequence = store.changeSequence();
    if (index != null && index.committedSequence() == sequence) {
      return 0;
    }
    if (index != null && index.readOnly()) {
      index.close();
      index = null;
    }
    if (index == null) {
      index = openIndex();
    }
    PersonIndex current = index;
    long seen = current.committedSequence();
    if (seen == sequence) {
      return 0;
    }
    long[] count = {0};
    try {
      store.forEachChangedSince(
          seen,
          record -> {
            try {
              current.upsert(record);
              count[0]++;
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (IOException | RuntimeException e) {
      // the feed comes in pages: a failure (tampering) after some of them must not leave their
      // records in the writer for a later commit, so the index goes back to its last commit
      index = null;
      try {
        current.rollback();
      } catch (IOException | RuntimeException r) {
        e.addSuppressed(r);
      }
      if (e instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      throw e;
    }
    current.commit(sequence);
    return count[0];
  }

  /** Throws the index away and builds it again from the store; returns how many records. */
  public long rebuildIndex() throws IOException {
    if (index != null) {
      index.close();
      index = null;
    }
    deleteRecursively(indexFolder());
    index = openIndex();
    return updateIndex();
  }

  /**
   * Authenticates every index file, then compares per-kind document counts with the store; throws
   * {@link IndexDamagedException} (naming {@code index --rebuild}) on any difference. Returns the
   * counts, e.g. "client 300, note 1200".
   */
  public String verifyIndex() throws IOException {
    if (index != null) {
      index.close();
      index = null;
    }
    byte[] key = store.purposeKey(Purpose.INDEX);
    try (EncryptedDirectory directory = EncryptedDirectory.open(indexFolder(), key)) {
      directory.verifyAll();
    } catch (CorruptIndexException | NoSuchFileException | EOFException e) {
      throw new IndexDamagedException(e.getClass().getSimpleName(), e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    index = openIndex();
    updateIndex(); // an index merely behind the store (a crash before its commit) is caught up
    StringBuilder counts = new StringBuilder();
    for (RecordKind kind : RecordKind.values()) {
      if (kind == RecordKind.CONTACT) {
        continue;
      }
      long inIndex = index.count(kind);
      long inStore = store.countVersions(kind);
      if (inIndex != inStore) {
        throw new IndexDamagedException(kind.singular() + " documents missing or extra", null);
      }
      counts
          .append(counts.length() == 0 ? "" : ", ")
          .append(kind.singular())
          .append(' ')
          .append(inIndex);
    }
    return counts.toString();
  }

  /** Where the encrypted index lives: {@code index} in the store folder. */
  public Path indexFolder() {
    return store.directory().resolve("index");
  }

  private ConflictChecker checker() throws IOException {
    return new ConflictChecker(index(), settings);
  }

  private List<Finding> ruleFindings(ClinicRecord contact) throws IOException {
    List<Finding> found = new ArrayList<>();
    Records records = store::get;
    for (ConflictRule rule : plugins.conflictRules()) {
      found.addAll(rule.findings(contact, records));
    }
    return found;
  }

  /** The committed index, opened for searching only, if there is one in step with the store. */
  private PersonIndex openInStepForSearching() throws IOException {
    if (!Files.isDirectory(indexFolder())) {
      return null;
    }
    PersonIndex searching;
    try {
      searching = openIndex(PersonIndex::openReadOnly);
    } catch (IndexNotFoundException e) {
      return null;
    }
    if (searching.committedSequence() == store.changeSequence()) {
      return searching;
    }
    searching.close();
    return null;
  }

  private PersonIndex openIndex() throws IOException {
    Files.createDirectories(indexFolder());
    return openIndex(PersonIndex::open);
  }

  /** How the index is opened on its encrypted directory: for writing or for searching. */
  private interface IndexOpening {
    PersonIndex open(Directory directory) throws IOException;
  }

  /** Opens the index folder with the index key; Lucene's failures in the project's words. */
  private PersonIndex openIndex(IndexOpening opening) throws IOException {
    byte[] key = store.purposeKey(Purpose.INDEX);
    try {
      return opening.open(EncryptedDirectory.open(indexFolder(), key));
    } catch (CorruptIndexException
        | IndexFormatTooOldException
        | IndexFormatTooNewException
        | NoSuchFileException
        | EOFException e) {
      throw new IndexDamagedException(e.getClass().getSimpleName(), e);
    } catch (LockObtainFailedException e) {
      throw new IndexInUseException(e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (index != null) {
        index.close();
      }
    } finally {
      try {
        plugins.close();
      } finally {
        store.close();
      }
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Dualcheck[%s]", store.directory().getFileName());
  }
}
