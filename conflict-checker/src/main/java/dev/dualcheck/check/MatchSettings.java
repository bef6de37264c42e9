package dev.dualcheck.check;

/**
 * Settings of the matching engine.
 *
 * @param defaultRegion ISO 3166 region for phone numbers written without a country code, e.g.
 *     {@code US}
 * @param maxCandidates how many person candidates the index returns per contact
 * @param maxNoteHits how many note versions that mention a contact are examined
 */
public record MatchSettings(String defaultRegion, int maxCandidates, int maxNoteHits) {

  public MatchSettings {
    if (defaultRegion == null || defaultRegion.length() != 2) {
      throw new IllegalArgumentException("defaultRegion must be a two-letter region code");
    }
    if (maxCandidates < 1 || maxNoteHits < 1) {
      throw new IllegalArgumentException("maxCandidates and maxNoteHits must be positive");
    }
  }

  public static MatchSettings defaults() {
    return new MatchSettings("US", 30, 20);
  }

  /** These settings with another default phone region. */
  public MatchSettings withDefaultRegion(String region) {
    return new MatchSettings(region, maxCandidates, maxNoteHits);
  }

  /** The match-probability thresholds of each level, as the weights file sets them. */
  public java.util.Map<Level, Double> thresholds() {
    Weights weights = Weights.defaults();
    java.util.Map<Level, Double> thresholds = new java.util.EnumMap<>(Level.class);
    for (Level level : Level.values()) {
      thresholds.put(level, weights.param(level.jsonName()));
    }
    return thresholds;
  }
}
