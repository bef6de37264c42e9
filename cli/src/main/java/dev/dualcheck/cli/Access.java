package dev.dualcheck.cli;

import dev.dualcheck.store.RecordKind;
import dev.dualcheck.store.Role;
import dev.dualcheck.store.StoreAccessException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** Which role may run which command (README, Who may do what); refusals are audited, exit 3. */
final class Access {

  private Access() {}

  /** Refuses unless the user's role is one of those allowed. */
  static void require(Workspace workspace, String action, Role... allowed)
      throws StoreAccessException, IOException {
    Role role = workspace.store.user().role();
    if (!List.of(allowed).contains(role)) {
      deny(workspace, action);
    }
  }

  /**
   * Directors may act on any client; clinicians only on their own clients. The refusal is the same
   * whether the client is another clinician's or does not exist, so it tells nothing.
   */
  static void requireOwnClient(Workspace workspace, String action, String clientId)
      throws StoreAccessException, IOException {
    Role role = workspace.store.user().role();
    if (role == Role.DIRECTOR) {
      return;
    }
    String staffId = workspace.store.user().staffId();
    boolean own =
        role == Role.CLINICIAN
            && staffId != null
            && workspace
                .store
                .get(RecordKind.CLIENT, clientId)
                .map(client -> client.get("clinician_id").equals(staffId))
                .orElse(false);
    if (!own) {
      deny(workspace, action + " for another clinician's client");
    }
  }

  static void deny(Workspace workspace, String action) throws StoreAccessException, IOException {
    String role = roleName(workspace.store.user().role());
    workspace.store.audit("denied", null, null, action);
    throw new StoreAccessException("access denied: " + role + " may not " + action);
  }

  static String roleName(Role role) {
    return role.name().toLowerCase(Locale.ROOT);
  }
}
