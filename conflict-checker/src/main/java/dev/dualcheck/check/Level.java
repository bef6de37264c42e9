package dev.dualcheck.check;

import java.util.Locale;

/** Match grades, as FHIR's: strongest first. */
public enum Level {
  CERTAIN,
  PROBABLE,
  POSSIBLE;

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Level fromJsonName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** True when this level is at least as strong as {@code other}. */
  public boolean atLeast(Level other) {
    return ordinal() <= other.ordinal();
  }
}
