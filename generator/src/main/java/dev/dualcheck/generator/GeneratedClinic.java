package dev.dualcheck.generator;

import java.nio.file.Path;

/**
 * What {@link ClinicGenerator#writeTo} wrote: the directory and how many rows of each kind. {@code
 * plantedConflicts} counts the non-empty rows of {@code truth.csv}.
 */
public record GeneratedClinic(
    Path dir,
    int clients,
    int associates,
    int notes,
    int staff,
    int ties,
    int contacts,
    int plantedConflicts) {

  /** The path of one written file, e.g. {@code file("clients.csv")}. */
  public Path file(String name) {
    if (!Csv.FILES.contains(name)) {
      throw new IllegalArgumentException("not a generated file: " + name);
    }
    return dir.resolve(name);
  }
}
