/**
 * The encrypted clinic store. Entry points: {@link dev.dualcheck.store.Store} (create, unlock,
 * import, read, notes, users, keys) and {@link dev.dualcheck.store.CsvRecords} (validation only,
 * e.g. for contact files to scan).
 *
 * <p>On disk ({@code store.db}, SQLite in WAL mode, directory 0700): the {@code record} table holds
 * per row only kind, an HMAC of kind + external id, version, key version, a change sequence and the
 * AES-256-GCM ciphertext of the record's fields; the associated data binds store id, kind, row,
 * version and key version. The {@code keyslot} table holds, in clear, each user's login name, role
 * and staff id (bound into the slot's associated data, so an edit makes the slot useless), the
 * Argon2id parameters and salt, an X25519 public key, the private key sealed under the passphrase
 * key, and the master key sealed to the public key, so that a rotation re-wraps every slot without
 * anybody's passphrase.
 *
 * <p>Notes: each version is its own row; a note's {@link dev.dualcheck.store.ClinicRecord} carries
 * the extra fields {@code version} and {@code created_at} (ISO instant).
 */
package dev.dualcheck.store;
