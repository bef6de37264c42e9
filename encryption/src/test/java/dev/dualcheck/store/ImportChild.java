package dev.dualcheck.store;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Run in a child JVM by {@link CrashIT} and {@link StreamingImportIT}: opens the store, says so,
 * imports (clients, or the kind named by a fourth argument), reads the change feed through, and
 * says done with both counts; or, with the single argument {@code --hold-lock DIR}, takes the
 * writer lock and waits to be killed.
 */
public final class ImportChild {
  private ImportChild() {}

  @SuppressWarnings("try") // the lock is held until the process is killed
  public static void main(String[] args) throws Exception {
    if (args[0].equals("--hold-lock")) {
      try (WriterLock lock = WriterLock.acquire(Path.of(args[1]))) {
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(120_000);
      }
      return;
    }
    try (Store store = Store.open(Path.of(args[0]), args[1].toCharArray(), Clock.systemUTC())) {
      System.out.println("importing");
      System.out.flush();
      RecordKind kind = args.length > 3 ? RecordKind.valueOf(args[3]) : RecordKind.CLIENT;
      long written = store.importCsv(kind, Path.of(args[2]), record -> {});
      long[] fed = {0};
      store.forEachChangedSince(0, record -> fed[0]++);
      System.out.println("done " + written + " written, " + fed[0] + " in the feed");
    }
  }
}
