package dev.dualcheck.bench;

import dev.dualcheck.index.EncryptedDirectory;
import dev.dualcheck.index.NameKeys;
import dev.dualcheck.index.NoteNames;
import dev.dualcheck.index.PersonIndex;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.Purpose;
import dev.dualcheck.store.RecordKind;
import dev.dualcheck.store.Store;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The index's searches alone, without the checker around them: a check's share of the machine is
 * too noisy to show a change to one search, this is not. For each of the first {@code N} contacts:
 * the candidate search of a check (persons, then staff and ties with their own budget), a search of
 * clients only (the form of the referral search: a kind filter) and a note search for the contact's
 * full name and its mention keys. Prints, per search, the thread's CPU time and allocation per call
 * and a digest of the records found, to show two versions find the same. {@code WARMUP} passes over
 * the last contacts come first, untimed.
 *
 * <pre>
 * DUALCHECK_PASSPHRASE=… java -Xmx2g -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar \
 *     dev.dualcheck.bench.IndexSearchMain STORE_DIR contacts.csv 2000 1000
 * </pre>
 */
public final class IndexSearchMain {
  private IndexSearchMain() {}

  private static final Set<RecordKind> PERSONS =
      EnumSet.of(RecordKind.CLIENT, RecordKind.ASSOCIATE, RecordKind.STAFF, RecordKind.TIE);
  private static final Set<RecordKind> STAFF_AND_TIES =
      EnumSet.of(RecordKind.STAFF, RecordKind.TIE);
  private static final Set<RecordKind> CLIENTS = EnumSet.of(RecordKind.CLIENT);
  private static final int MAX = 30;
  private static final String[] SEARCHES = {"candidates", "clients", "notes"};

  public static void main(String[] args) throws Exception {
    StoreArgs parsed = StoreArgs.parse("IndexSearchMain", args);
    Path storeDir = parsed.store();
    List<ClinicRecord> contacts = parsed.contacts();
    int n = parsed.n();
    int warmup = parsed.warmup();
    char[] passphrase = WarmCheckMain.passphrase();
    try (Store store = Store.open(storeDir, passphrase, Clock.systemUTC())) {
      Arrays.fill(passphrase, '\0');
      byte[] key = store.purposeKey(Purpose.INDEX);
      try (PersonIndex index =
          PersonIndex.open(EncryptedDirectory.open(storeDir.resolve("index"), key))) {
        Arrays.fill(key, (byte) 0);
        for (int i = 0; i < warmup; i++) {
          ClinicRecord contact = contacts.get(contacts.size() - 1 - i % contacts.size());
          for (int s = 0; s < SEARCHES.length; s++) {
            search(index, s, contact);
          }
        }
        long[] cpu = new long[SEARCHES.length];
        long[] allocated = new long[SEARCHES.length];
        MessageDigest[] digests = new MessageDigest[SEARCHES.length];
        for (int s = 0; s < SEARCHES.length; s++) {
          digests[s] = MessageDigest.getInstance("SHA-256");
        }
        for (int i = 0; i < n; i++) {
          for (int s = 0; s < SEARCHES.length; s++) {
            long a0 = allocatedBytes();
            long c0 = Latencies.cpuNanos();
            List<ClinicRecord> found = search(index, s, contacts.get(i));
            cpu[s] += Latencies.cpuNanos() - c0;
            allocated[s] += allocatedBytes() - a0;
            for (ClinicRecord r : found) {
              digests[s].update((r.kind() + " " + r.id() + "\n").getBytes(StandardCharsets.UTF_8));
            }
          }
        }
        for (int s = 0; s < SEARCHES.length; s++) {
          System.out.printf(
              Locale.ROOT,
              "%s_cpu_mean_ms=%.3f%n%s_allocated_kib=%.0f%n%s_digest=%s%n",
              SEARCHES[s],
              cpu[s] / 1e6 / n,
              SEARCHES[s],
              allocated[s] / 1024.0 / n,
              SEARCHES[s],
              HexFormat.of().formatHex(digests[s].digest(), 0, 8));
        }
      }
    }
  }

  private static List<ClinicRecord> search(PersonIndex index, int search, ClinicRecord contact)
      throws IOException {
    switch (search) {
      case 0:
        return index.candidates(contact, List.of(PERSONS, STAFF_AND_TIES), MAX);
      case 1:
        return index.candidates(contact, CLIENTS, MAX);
      default:
        List<String> given = NameKeys.tokens(NameKeys.fold(contact.get("given_name")));
        List<String> family = NameKeys.tokens(NameKeys.fold(contact.get("family_name")));
        if (given.isEmpty() || family.isEmpty()) {
          return List.of();
        }
        List<String> phrase = new ArrayList<>(given.subList(0, 1));
        phrase.addAll(family);
        Set<String> keys = NoteNames.keys(given.get(0), family);
        return index.notesMentioning(List.of(phrase), keys, 1, 50);
    }
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }
}
