package dev.dualcheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualcheck.check.ConflictType;
import dev.dualcheck.check.Finding;
import dev.dualcheck.check.ScanResult;
import dev.dualcheck.store.RecordKind;
import dev.dualcheck.store.Store;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example in docs/embedding.md compiles and does what the page says. */
class EmbeddingExampleIT {

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @TempDir Path folder;

  @Test
  void docsExampleCompilesAndFindsTheClient() throws Exception {
    String page = Files.readString(Path.of("..", "docs", "embedding.md"), StandardCharsets.UTF_8);
    Matcher block = JAVA_BLOCK.matcher(page);
    assertTrue(block.find(), "docs/embedding.md has a java block");
    Path src = Files.createDirectories(folder.resolve("src")).resolve("EmbeddingExample.java");
    Files.writeString(src, block.group(1), StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(folder.resolve("classes"));
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "-proc:none",
                "-Xlint:all",
                "-Werror",
                "-cp",
                System.getProperty("java.class.path"),
                "-d",
                classes.toString(),
                src.toString());
    assertEquals(0, status, "the example compiles without warnings");

    Path storeFolder = folder.resolve("store");
    char[] passphrase = "embedding passphrase".toCharArray();
    try (Store store =
        Store.create(storeFolder, "director", passphrase.clone(), "Test", Clock.systemUTC())) {
      Path clients = folder.resolve("clients.csv");
      Files.writeString(
          clients,
          "client_id,given_name,family_name,dob\nC000123,William,Turner,1980-04-02\n",
          StandardCharsets.UTF_8);
      store.importCsv(RecordKind.CLIENT, clients);
    }
    Path vcf = folder.resolve("contacts.vcf");
    Files.writeString(
        vcf,
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Will Turner\r\nN:Turner;Will;;;\r\nBDAY:19800402\r\n"
            + "END:VCARD\r\n",
        StandardCharsets.UTF_8);

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> example = loader.loadClass("EmbeddingExample");
      Method check = example.getMethod("check", Path.class, char[].class);
      char[] given = passphrase.clone();
      @SuppressWarnings("unchecked")
      List<Finding> findings = (List<Finding>) check.invoke(null, storeFolder, given);
      assertTrue(
          findings.stream()
              .anyMatch(f -> f.type() == ConflictType.IDENTITY && f.ref().equals("C000123")),
          findings::toString);
      assertEquals(new String(new char[given.length]), new String(given), "passphrase wiped");

      Method scan =
          example.getMethod(
              "scanPhoneContacts", Path.class, char[].class, Path.class, String.class);
      ScanResult result =
          (ScanResult) scan.invoke(null, storeFolder, passphrase.clone(), vcf, "S0003");
      assertEquals(1, result.contacts());
      assertTrue(
          result.findings().stream().anyMatch(f -> f.ref().equals("C000123")),
          result.findings()::toString);
    }
  }
}
