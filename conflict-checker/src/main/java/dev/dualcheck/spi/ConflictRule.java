package dev.dualcheck.spi;

import dev.dualcheck.check.Finding;
import dev.dualcheck.store.ClinicRecord;
import java.io.IOException;
import java.util.List;

/**
 * An extra rule: adds findings for a contact beyond the built-in conflict types (e.g. a clinic's
 * own list of people it must not treat). Registered in {@code
 * META-INF/services/dev.dualcheck.spi.ConflictRule}; runs after the built-in checks on every check
 * and scan. A rule's findings need stable ids (the same contact and record give the same id) so
 * that resolutions stick.
 */
public interface ConflictRule {

  /** A short name for messages. */
  String name();

  /**
   * The findings this rule adds for the contact.
   *
   * @param records read-only access to the store's records
   */
  List<Finding> findings(ClinicRecord contact, Records records) throws IOException;
}
