package dev.dualcheck.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The nightly run's settings, read from a YAML file (see docs/nightly.example.yml). Relative paths
 * are relative to the config file's folder.
 */
record NightlyConfig(
    Path store,
    Path keyFile,
    Path dropFolder,
    Path outputFolder,
    String clinicName,
    String defaultPhoneRegion,
    Mail mail,
    List<Path> plugins,
    List<Sink> sinks) {

  /** A report sink by name (file, mail or a plugin's) and its options. */
  record Sink(String name, java.util.Map<String, String> options) {}

  record Mail(
      String host,
      Integer port,
      Boolean starttlsRequired,
      String username,
      Path passwordFile,
      String from,
      Integer connectTimeoutSeconds,
      Integer readTimeoutSeconds,
      Integer attempts,
      Path trustStore,
      List<Recipient> recipients) {}

  record Recipient(String address, @JsonProperty("certificate") Path certificate) {}

  static NightlyConfig read(Path file) throws UsageException, IOException {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("config file not found: " + file);
    }
    ObjectMapper mapper =
        new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    NightlyConfig config;
    try {
      config = mapper.readValue(file.toFile(), NightlyConfig.class);
    } catch (JsonProcessingException e) {
      throw new UsageException(
          file
              + " line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage().lines().findFirst().orElse("not valid"));
    }
    if (config == null) {
      throw new UsageException(file + ": the config file is empty");
    }
    return config.resolvedAgainst(file.toAbsolutePath().getParent(), file);
  }

  private NightlyConfig resolvedAgainst(Path base, Path file) throws UsageException {
    require(store, "store", file);
    require(keyFile, "key_file", file);
    require(dropFolder, "drop_folder", file);
    require(outputFolder, "output_folder", file);
    Mail resolvedMail = null;
    if (mail != null) {
      require(mail.host, "mail.host", file);
      require(mail.from, "mail.from", file);
      if (mail.recipients == null || mail.recipients.isEmpty()) {
        throw new UsageException(file + ": mail.recipients needs at least one recipient");
      }
      List<Recipient> recipients =
          mail.recipients.stream()
              .map(r -> new Recipient(r.address, resolve(base, r.certificate)))
              .toList();
      for (Recipient recipient : recipients) {
        require(recipient.address, "mail.recipients[].address", file);
      }
      resolvedMail =
          new Mail(
              mail.host,
              mail.port == null ? 587 : mail.port,
              mail.starttlsRequired == null || mail.starttlsRequired,
              mail.username,
              resolve(base, mail.passwordFile),
              mail.from,
              mail.connectTimeoutSeconds == null ? 20 : mail.connectTimeoutSeconds,
              mail.readTimeoutSeconds == null ? 60 : mail.readTimeoutSeconds,
              mail.attempts == null ? 4 : mail.attempts,
              resolve(base, mail.trustStore),
              recipients);
    }
    return new NightlyConfig(
        resolve(base, store),
        resolve(base, keyFile),
        resolve(base, dropFolder),
        resolve(base, outputFolder),
        clinicName,
        defaultPhoneRegion == null ? "US" : defaultPhoneRegion,
        resolvedMail,
        plugins == null ? List.of() : plugins.stream().map(p -> resolve(base, p)).toList(),
        sinks == null ? List.of() : resolvedSinks(base, file));
  }

  /** Sinks need a name; their path options (dir, *_file, to's certificates) stay as written. */
  private List<Sink> resolvedSinks(Path base, Path file) throws UsageException {
    List<Sink> resolved = new java.util.ArrayList<>();
    for (Sink sink : sinks) {
      require(sink.name(), "sinks[].name", file);
      java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
      if (sink.options() != null) {
        sink.options()
            .forEach(
                (k, v) ->
                    options.put(k, k.equals("dir") ? base.resolve(v).normalize().toString() : v));
      }
      resolved.add(new Sink(sink.name(), options));
    }
    return resolved;
  }

  private static void require(Object value, String key, Path file) throws UsageException {
    if (value == null || value.toString().isBlank()) {
      throw new UsageException(file + ": '" + key + "' is required");
    }
  }

  private static Path resolve(Path base, Path path) {
    return path == null ? null : base.resolve(path).normalize();
  }
}
