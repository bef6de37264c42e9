package dev.dualcheck.store;

/** What a user may see and do (DESIGN.md, Disclosure). */
public enum Role {
  DIRECTOR,
  CLINICIAN,
  AUDITOR
}
