package dev.dualcheck.spi;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The built-in sources, sinks and rules plus those of plugin jars, each jar in its own {@link
 * URLClassLoader} whose parent is the application's loader (a plugin sees dualcheck's classes, not
 * another plugin's). Built-ins come first, so a plugin cannot replace the CSV reader by accident; a
 * plugin whose name clashes with an earlier one is refused.
 */
public final class Plugins implements AutoCloseable {

  /** The folder beside the store whose jars are loaded. */
  public static final String FOLDER = "plugins";

  private final List<URLClassLoader> loaders;
  private final List<RecordSource> recordSources;
  private final List<ContactSource> contactSources;
  private final List<ReportSink> reportSinks;
  private final List<ConflictRule> conflictRules;

  private Plugins(List<URLClassLoader> loaders) {
    this.loaders = loaders;
    List<ClassLoader> all = new ArrayList<>();
    all.add(Plugins.class.getClassLoader());
    all.addAll(loaders);
    this.recordSources = load(RecordSource.class, all, RecordSource::name);
    this.contactSources = load(ContactSource.class, all, ContactSource::name);
    this.reportSinks = load(ReportSink.class, all, ReportSink::name);
    this.conflictRules = load(ConflictRule.class, all, ConflictRule::name);
  }

  /** The built-in implementations only. */
  public static Plugins builtIn() {
    return new Plugins(List.of());
  }

  /**
   * The built-ins plus every jar in {@code storeDirectory/plugins} (if the folder exists) and every
   * jar named in {@code extraJars} (e.g. the nightly config's {@code plugins: [...]}).
   */
  public static Plugins load(Path storeDirectory, Collection<Path> extraJars) throws IOException {
    List<Path> jars = new ArrayList<>();
    Path folder = storeDirectory.resolve(FOLDER);
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        files
            .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
            .sorted()
            .forEach(jars::add);
      }
    }
    for (Path jar : extraJars) {
      if (!Files.isRegularFile(jar)) {
        throw new PluginException("plugin jar not found: " + jar);
      }
      if (!jars.contains(jar)) {
        jars.add(jar);
      }
    }
    List<URLClassLoader> loaders = new ArrayList<>();
    try {
      for (Path jar : jars) {
        loaders.add(
            new URLClassLoader(
                jar.getFileName().toString(),
                new URL[] {jar.toUri().toURL()},
                Plugins.class.getClassLoader()));
      }
      return new Plugins(loaders);
    } catch (MalformedURLException | RuntimeException e) {
      closeAll(loaders);
      throw e instanceof PluginException p ? p : new PluginException("cannot load plugins", e);
    }
  }

  private static <T> List<T> load(
      Class<T> type, List<ClassLoader> loaders, Function<T, String> name) {
    Map<String, T> byName = new LinkedHashMap<>();
    for (ClassLoader loader : loaders) {
      try {
        for (T service : ServiceLoader.load(type, loader)) {
          if (service.getClass().getClassLoader() != loader && loader != loaders.get(0)) {
            continue; // found through the parent: already loaded as a built-in
          }
          T earlier = byName.putIfAbsent(name.apply(service), service);
          if (earlier != null && earlier.getClass() != service.getClass()) {
            throw new PluginException(
                type.getSimpleName()
                    + " '"
                    + name.apply(service)
                    + "' is defined twice (in "
                    + origin(earlier)
                    + " and "
                    + origin(service)
                    + ")");
          }
        }
      } catch (ServiceConfigurationError e) {
        throw new PluginException(
            "cannot load a " + type.getSimpleName() + " from " + origin(loader), e);
      }
    }
    return List.copyOf(byName.values());
  }

  private static String origin(Object service) {
    return origin(service.getClass().getClassLoader());
  }

  private static String origin(ClassLoader loader) {
    return loader instanceof URLClassLoader u && u.getName() != null ? u.getName() : "dualcheck";
  }

  public List<RecordSource> recordSources() {
    return recordSources;
  }

  public List<ContactSource> contactSources() {
    return contactSources;
  }

  public List<ReportSink> reportSinks() {
    return reportSinks;
  }

  public List<ConflictRule> conflictRules() {
    return conflictRules;
  }

  /** The first record source that reads the file (or the one named by {@code format}). */
  public RecordSource recordSource(Path file, String format) throws IOException {
    for (RecordSource source : recordSources) {
      if (format != null ? source.name().equals(format) : source.accepts(file)) {
        return source;
      }
    }
    throw new PluginException(noSource(file, format, recordSources, RecordSource::name));
  }

  /** The first contact source that reads the file (or the one named by {@code format}). */
  public ContactSource contactSource(Path file, String format) throws IOException {
    for (ContactSource source : contactSources) {
      if (format != null ? source.name().equals(format) : source.accepts(file)) {
        return source;
      }
    }
    throw new PluginException(noSource(file, format, contactSources, ContactSource::name));
  }

  public ReportSink reportSink(String name) {
    for (ReportSink sink : reportSinks) {
      if (sink.name().equals(name)) {
        return sink;
      }
    }
    throw new PluginException(
        "no report sink '" + name + "': known are " + names(reportSinks, ReportSink::name));
  }

  private static <T> String noSource(
      Path file, String format, List<T> sources, Function<T, String> name) {
    return (format != null
            ? "no format '" + format + "'"
            : "no format reads " + file.getFileName() + " (by its extension)")
        + ": known are "
        + names(sources, name);
  }

  private static <T> String names(List<T> items, Function<T, String> name) {
    return String.join(", ", items.stream().map(name).toList());
  }

  @Override
  public void close() throws IOException {
    closeAll(loaders);
  }

  private static void closeAll(List<URLClassLoader> loaders) throws IOException {
    IOException failure = null;
    for (URLClassLoader loader : loaders) {
      try {
        loader.close();
      } catch (IOException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
