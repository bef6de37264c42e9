package dev.dualcheck.store;

/** What a key derived from the master key is for; each gets its own HKDF label. */
public enum Purpose {
  NOTES,
  INDEX,
  LOOKUP,
  AUDIT
}
