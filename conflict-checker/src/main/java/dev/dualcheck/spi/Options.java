package dev.dualcheck.spi;

import java.util.Map;
import java.util.Optional;

/** Named string options for a source or sink (from the command line or the nightly config). */
public record Options(Map<String, String> values) {

  public Options {
    values = Map.copyOf(values);
  }

  public static Options none() {
    return new Options(Map.of());
  }

  public static Options of(String name, String value) {
    return new Options(Map.of(name, value));
  }

  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
  }

  /** The option's value; a missing one is a usage error that says what it is for. */
  public String require(String name, String why) {
    return get(name).orElseThrow(() -> new PluginException(why));
  }
}
