package dev.dualcheck.spi;

import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import java.io.IOException;
import java.util.Optional;

/** Read-only access to the store's records, for a {@link ConflictRule}. */
public interface Records {

  /** The latest version of a record by kind and id. */
  Optional<ClinicRecord> get(RecordKind kind, String id) throws IOException;
}
