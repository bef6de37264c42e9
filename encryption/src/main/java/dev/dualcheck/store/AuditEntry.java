package dev.dualcheck.store;

import java.time.Instant;

/**
 * One entry of the audit log. Holds no personal data: the target is a keyed pseudonym of the
 * client, contact, note or user concerned.
 *
 * @param number position in the chain, from 1
 * @param at when (the store's clock)
 * @param user who (the keyslot's user name, {@code machine}, or {@code unknown} for a failed
 *     unlock)
 * @param role the user's role, lower case
 * @param action what, e.g. {@code check}, {@code note.read}, {@code resolve}
 * @param target pseudonym of the object concerned, or empty
 * @param detail counts, decisions, references: never a name, date or text
 */
public record AuditEntry(
    long number,
    Instant at,
    String user,
    String role,
    String action,
    String target,
    String detail) {}
