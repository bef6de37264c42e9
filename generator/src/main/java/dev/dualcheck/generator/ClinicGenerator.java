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

  public ClinicGenerator(long seed) {
    this.seed = seed;
  }

  public ClinicGenerator clients(int n) {
    require(n >= 1, "clients must be at least 1, was " + n);
    this.clients = n;
    return this;
  }

  public ClinicGenerator contacts(int n) {
    require(n >= 0, "contacts must not be negative, was " + n);
    this.contacts = n;
    return this;
  }

  public ClinicGenerator notesPerClient(double mean) {
    require(mean >= 0 && mean <= 1000, "notesPerClient must be in [0, 1000], was " + mean);
    this.notesPerClient = mean;
    return this;
  }

  public ClinicGenerator associatesPerClient(double mean) {
    require(mean >= 0 && mean <= 100, "associatesPerClient must be in [0, 100], was " + mean);
    this.associatesPerClient = mean;
    return this;
  }

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
