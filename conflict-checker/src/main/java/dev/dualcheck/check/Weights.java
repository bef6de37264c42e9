package dev.dualcheck.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fellegi–Sunter parameters read from {@code weights.tsv}: for each field and comparison level the
 * probability m of that level among true matches and u among non-matches, plus the prior and the
 * level thresholds. A level's weight is log2(m/u) bits; "missing" always weighs 0.
 */
final class Weights {

  static final String RESOURCE = "weights.tsv";

  /** One comparison level's parameters. */
  record Level(double m, double u) {
    double bits() {
      return log2(m / u);
    }
  }

  private final Map<String, Map<String, Level>> levels;
  private final Map<String, Double> params;

  private Weights(Map<String, Map<String, Level>> levels, Map<String, Double> params) {
    this.levels = levels;
    this.params = params;
  }

  private static final Weights DEFAULTS = load();

  static Weights defaults() {
    return DEFAULTS;
  }

  private static Weights load() {
    try (InputStream in = Weights.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Weights parse(InputStream in) throws IOException {
    Map<String, Map<String, Level>> levels = new LinkedHashMap<>();
    Map<String, Double> params = new HashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      int hash = line.indexOf('#');
      String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (content.isEmpty()) {
        continue;
      }
      String[] cells = content.split("\\s+");
      try {
        if (cells[0].equals("param") && cells.length == 3) {
          params.put(cells[1], Double.parseDouble(cells[2]));
        } else if (cells.length == 4) {
          double m = Double.parseDouble(cells[2]);
          double u = Double.parseDouble(cells[3]);
          if (!(m > 0 && m < 1 && u > 0 && u < 1)) {
            throw new IllegalArgumentException(
                RESOURCE + " line " + number + ": m and u must lie strictly between 0 and 1");
          }
          levels
              .computeIfAbsent(cells[0], k -> new LinkedHashMap<>())
              .put(cells[1], new Level(m, u));
        } else {
          throw new IllegalArgumentException(
              RESOURCE + " line " + number + ": expected 'field level m u' or 'param name value'");
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(RESOURCE + " line " + number + ": not a number", e);
      }
    }
    for (String required : new String[] {"match_share", "certain", "probable", "possible"}) {
      if (!params.containsKey(required)) {
        throw new IllegalArgumentException(RESOURCE + ": missing param " + required);
      }
    }
    return new Weights(levels, params);
  }

  Map<String, Map<String, Level>> levels() {
    return levels;
  }

  double param(String name) {
    Double value = params.get(name);
    if (value == null) {
      throw new IllegalArgumentException(RESOURCE + ": missing param " + name);
    }
    return value;
  }

  Level level(String field, String level) {
    Map<String, Level> byLevel = levels.get(field);
    Level found = byLevel == null ? null : byLevel.get(level);
    if (found == null) {
      throw new IllegalArgumentException(RESOURCE + ": no level " + level + " for " + field);
    }
    return found;
  }

  /** The weight of a level in bits; 0 for missing. */
  double bits(String field, String level) {
    return level.equals("missing") ? 0.0 : level(field, level).bits();
  }

  /**
   * The weight of agreeing on a value that {@code documents} of {@code total} persons share: u
   * becomes the value's own frequency, blended with the file's u by a pseudo-count so that a small
   * index does not make every name look rare or common.
   */
  double bitsWithFrequency(String field, String level, int documents, int total) {
    return log2(level(field, level).m() / uWithFrequency(field, level, documents, total));
  }

  /** u of {@link #bitsWithFrequency}: the value's frequency blended with the level's u. */
  double uWithFrequency(String field, String level, int documents, int total) {
    double pseudo = param("tf_pseudocount");
    return (documents + pseudo * level(field, level).u()) / (total + pseudo);
  }

  /**
   * The weight of a level whose agreement is on a value that {@code documents} of {@code total}
   * persons share, as Splink adjusts term frequencies: the level's own weight, shifted by as much
   * as the value's frequency shifts exact agreement from its average.
   */
  double bitsShiftedByFrequency(String field, String level, int documents, int total) {
    return bits(field, level)
        + bitsWithFrequency(field, "exact", documents, total)
        - bits(field, "exact");
  }

  /**
   * Prior odds, in bits, that a contact is one particular record among {@code records} of a kind:
   * the share of contacts expected to match some record of the kind, spread over them. A name
   * shared with one of twenty staff says more than one shared with one of 100,000 clients.
   */
  double priorBits(long records) {
    double prior = Math.min(0.5, param("match_share") / Math.max(1, records));
    return log2(prior / (1 - prior));
  }

  /** Match probability for a total weight and prior odds in bits. */
  static double probability(double totalBits, double priorBits) {
    return 1.0 / (1.0 + Math.pow(2, -(totalBits + priorBits)));
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
