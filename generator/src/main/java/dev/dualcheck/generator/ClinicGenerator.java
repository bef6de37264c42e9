package dev.dualcheck.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a seeded synthetic clinic: staff, their declared ties, clients with associates and case
 * notes, a batch of contacts to scan, and {@code truth.csv}, the conflicts planted among them. The
 * same seed and settings give byte-identical files. Clients, associates and notes are streamed, so
 * a million clients need little memory; only what planting needs is kept.
 *
 * <p>Truth semantics: {@code note_mention} is planted when a client's notes name the person with
 * the surname (full name, with a middle initial, or nickname and surname); first-name-only and "Mr.
 * X" mentions also occur but are not counted. Strangers get one row with an empty type; a quarter
 * of them are namesakes of clients, some share a client's surname and address. Ids are zero-padded
 * to the contract's width ({@code C000001}, {@code N0000001}, {@code S0001}) and wider only when
 * the counts need it (a million clients give {@code C0000001}).
 *
 * <pre>{@code
 * GeneratedClinic clinic = new ClinicGenerator(42).clients(5000).contacts(500).writeTo(dir);
 * }</pre>
 */
public final class ClinicGenerator {
  private final long seed;
  private int clients = 1000;
  private int contacts = 200;
  private double notesPerClient = 3.0;
  private double associatesPerClient = 1.0;
  private int staff = -1;

  /** A generator whose every draw comes from this seed. */
  public ClinicGenerator(long seed) {
    this.seed = seed;
  }

  /** Number of clients (default 1000); a good share are discharged. */
  public ClinicGenerator clients(int n) {
    require(n >= 1, "clients must be at least 1, was " + n);
    this.clients = n;
    return this;
  }

  /** Number of contacts to scan (default 200), planted in the mix of DESIGN.md. */
  public ClinicGenerator contacts(int n) {
    require(n >= 0, "contacts must not be negative, was " + n);
    this.contacts = n;
    return this;
  }

  /** Mean notes per client (default 3), Poisson-distributed. */
  public ClinicGenerator notesPerClient(double mean) {
    require(mean >= 0 && mean <= 1000, "notesPerClient must be in [0, 1000], was " + mean);
    this.notesPerClient = mean;
    return this;
  }

  /** Mean recorded associates per client (default 1), Poisson-distributed. */
  public ClinicGenerator associatesPerClient(double mean) {
    require(mean >= 0 && mean <= 100, "associatesPerClient must be in [0, 100], was " + mean);
    this.associatesPerClient = mean;
    return this;
  }

  /** Number of staff (default max(8, clients / 100)); at least one is a clinician. */
  public ClinicGenerator staff(int n) {
    require(n >= 1, "staff must be at least 1, was " + n);
    this.staff = n;
    return this;
  }

  /**
   * Writes the seven files into {@code dir} (created if missing; existing files of the same names
   * are replaced).
   */
  public GeneratedClinic writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    int staffCount = staff > 0 ? staff : Math.max(8, clients / 100);
    Plan plan = Plan.of(contacts);
    return new ClinicRun(seed, dir, clients, staffCount, notesPerClient, associatesPerClient, plan)
        .write();
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
