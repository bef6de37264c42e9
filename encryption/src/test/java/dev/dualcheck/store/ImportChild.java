package dev.dualcheck.store;

import java.nio.file.Path;
import java.time.Clock;

/** Run in a child JVM by {@link CrashIT}: opens the store, says so, imports, says done. */
public final class ImportChild {
  private ImportChild() {}

  public static void main(String[] args) throws Exception {
    try (Store store = Store.open(Path.of(args[0]), args[1].toCharArray(), Clock.systemUTC())) {
      System.out.println("importing");
      System.out.flush();
      store.importCsv(RecordKind.CLIENT, Path.of(args[2]));
      System.out.println("done");
    }
  }
}
