package dev.dualcheck.store;

import java.util.Objects;

/** A person (or the machine) holding a keyslot; staffId is null for users who are not staff. */
public record User(String name, Role role, String staffId) {
  public User {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
  }
}
