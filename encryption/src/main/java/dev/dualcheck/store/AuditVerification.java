package dev.dualcheck.store;

import java.time.Instant;

/**
 * The outcome of checking the audit chain.
 *
 * @param intact true when every entry authenticates, follows its predecessor, and the chain ends at
 *     the signed head
 * @param entries how many entries were checked
 * @param signedAt when the head was last signed, or null if never
 * @param message "audit chain intact: …" or "audit chain broken at entry N: …"
 */
public record AuditVerification(boolean intact, long entries, Instant signedAt, String message) {}
