package dev.dualcheck.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualcheck.api.Dualcheck;
import dev.dualcheck.api.Person;
import dev.dualcheck.check.Finding;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import dev.dualcheck.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin built apart from dualcheck (compiled here from source into its own jar) and dropped in
 * the store's plugins folder is loaded and used: a ConflictRule and a RecordSource for a toy
 * format.
 */
class PluginJarIT {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T23:00:00Z"), ZoneOffset.UTC);

  private static final String RULE =
      """
      package org.example.plugin;

      import dev.dualcheck.check.ConflictType;
      import dev.dualcheck.check.Finding;
      import dev.dualcheck.check.Level;
      import dev.dualcheck.spi.ConflictRule;
      import dev.dualcheck.spi.Records;
      import dev.dualcheck.store.ClinicRecord;
      import dev.dualcheck.store.RecordKind;
      import java.io.IOException;
      import java.util.List;

      /** Anyone employed by the clinic's landlord is a staff-like conflict with staff S0001. */
      public final class LandlordRule implements ConflictRule {
        @Override
        public String name() {
          return "landlord";
        }

        @Override
        public List<Finding> findings(ClinicRecord contact, Records records) throws IOException {
          if (!contact.get("employer").equalsIgnoreCase("Harbour Properties")) {
            return List.of();
          }
          return List.of(
              new Finding(
                  "F-landlord-" + contact.id(),
                  contact.id(),
                  ConflictType.STAFF,
                  Level.POSSIBLE,
                  0.5,
                  "S0001",
                  "staff",
                  List.of(),
                  null,
                  contact.get("given_name"),
                  records.get(RecordKind.STAFF, "S0001").map(r -> r.get("family_name")).orElse("")));
        }
      }
      """;

  private static final String SOURCE =
      """
      package org.example.plugin;

      import dev.dualcheck.spi.Options;
      import dev.dualcheck.spi.RecordSource;
      import dev.dualcheck.store.ClinicRecord;
      import dev.dualcheck.store.RecordKind;
      import java.io.IOException;
      import java.nio.file.Files;
      import java.nio.file.Path;
      import java.util.ArrayList;
      import java.util.EnumSet;
      import java.util.List;
      import java.util.Map;
      import java.util.Set;

      /** A toy format: one "id|given|family" line per staff member. */
      public final class PipeStaffSource implements RecordSource {
        @Override
        public String name() {
          return "pipe";
        }

        @Override
        public boolean accepts(Path file) {
          return file.getFileName().toString().endsWith(".pipe");
        }

        @Override
        public Set<RecordKind> kinds() {
          return EnumSet.of(RecordKind.STAFF);
        }

        @Override
        public List<ClinicRecord> read(Path file, RecordKind kind, Options options)
            throws IOException {
          List<ClinicRecord> records = new ArrayList<>();
          for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\\\\|");
            records.add(
                new ClinicRecord(
                    RecordKind.STAFF,
                    f[0],
                    Map.of("staff_id", f[0], "given_name", f[1], "family_name", f[2])));
          }
          return records;
        }
      }
      """;

  @TempDir Path folder;

  @Test
  void pluginJarInPluginsFolderIsLoadedAndUsed() throws Exception {
    Path storeFolder = folder.resolve("store");
    Store store =
        Store.create(storeFolder, "director", "test passphrase".toCharArray(), "Test", CLOCK);
    store.close();
    buildPlugin(
        storeFolder.resolve(Plugins.FOLDER).resolve("example-plugin.jar"),
        Files.createDirectories(folder.resolve("plugin-build")));

    try (Dualcheck dc = Dualcheck.open(storeFolder, "test passphrase".toCharArray())) {
      assertTrue(dc.plugins().conflictRules().stream().anyMatch(r -> r.name().equals("landlord")));

      Path staff = folder.resolve("staff.pipe");
      Files.writeString(staff, "S0001|Imogen|Thackeray\n", StandardCharsets.UTF_8);
      assertEquals(1, dc.importFile(staff, null, null, Options.none()));
      assertEquals(
          "Thackeray", dc.store().get(RecordKind.STAFF, "S0001").orElseThrow().get("family_name"));

      List<Finding> findings =
          dc.check(
              Person.builder()
                  .given("Cyprian")
                  .family("Moss")
                  .employer("Harbour Properties")
                  .build());
      assertEquals(1, findings.size(), findings::toString);
      Finding finding = findings.get(0);
      assertEquals("F-landlord-check", finding.id());
      assertEquals("S0001", finding.ref());
      assertEquals("Thackeray", finding.recordName(), "the rule read the store through Records");

      assertTrue(
          dc.check(Person.builder().given("Cyprian").family("Moss").build()).isEmpty(),
          "the rule adds nothing for others");
    }
  }

  @Test
  void aMissingPluginJarIsAUsageError() {
    PluginException e =
        assertThrows(
            PluginException.class,
            () -> Plugins.load(folder, List.of(folder.resolve("nowhere.jar"))));
    assertTrue(e.getMessage().startsWith("plugin jar not found: "), e.getMessage());
  }

  @Test
  void builtInsAreRegisteredThroughTheSameSpi() {
    Plugins plugins = Plugins.builtIn();
    assertEquals(
        List.of("csv", "fhir", "vcard"),
        plugins.recordSources().stream().map(RecordSource::name).toList());
    assertEquals(
        List.of("csv", "vcard"),
        plugins.contactSources().stream().map(ContactSource::name).toList());
    assertEquals(
        List.of("file", "mail"), plugins.reportSinks().stream().map(ReportSink::name).toList());
  }

  /** Compiles the plugin's sources against dualcheck's classes and jars them with service files. */
  static void buildPlugin(Path jar, Path work) throws IOException {
    Path src = Files.createDirectories(work.resolve("src"));
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path pkg = Files.createDirectories(src.resolve("org/example/plugin"));
    Files.writeString(pkg.resolve("LandlordRule.java"), RULE, StandardCharsets.UTF_8);
    Files.writeString(pkg.resolve("PipeStaffSource.java"), SOURCE, StandardCharsets.UTF_8);
    String classPath =
        String.join(
            java.io.File.pathSeparator, location(ConflictRule.class), location(ClinicRecord.class));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status =
        javac.run(
            null,
            null,
            null,
            "-proc:none",
            "-cp",
            classPath,
            "-d",
            classes.toString(),
            pkg.resolve("LandlordRule.java").toString(),
            pkg.resolve("PipeStaffSource.java").toString());
    assertEquals(0, status, "the plugin compiles");
    Files.createDirectories(jar.getParent());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      List<Path> files = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(classes)) {
        walk.filter(Files::isRegularFile).forEach(files::add);
      }
      for (Path file : files) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
      service(out, ConflictRule.class, "org.example.plugin.LandlordRule");
      service(out, RecordSource.class, "org.example.plugin.PipeStaffSource");
    }
  }

  private static void service(JarOutputStream jar, Class<?> type, String implementation)
      throws IOException {
    jar.putNextEntry(new JarEntry("META-INF/services/" + type.getName()));
    jar.write((implementation + "\n").getBytes(StandardCharsets.UTF_8));
    jar.closeEntry();
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
