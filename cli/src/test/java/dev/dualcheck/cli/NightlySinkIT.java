package dev.dualcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly run hands its report to the sinks its config names, and loads listed plugins. */
class NightlySinkIT {

  @TempDir Path folder;

  @Test
  void fileSinkGetsTheSignedReportAndJson() throws Exception {
    Cli cli = new Cli(folder.resolve("store"));
    assertEquals(0, cli.run("init", "--clinic", "Test Clinic").status());
    Path key = folder.resolve("machine.key");
    assertEquals(0, cli.run("keys", "add-machine", "--out", key.toString()).status());
    Path drop = Files.createDirectories(folder.resolve("drop"));
    Files.writeString(
        drop.resolve("clients.csv"),
        "client_id,given_name,family_name,dob\nC000123,William,Turner,1980-04-02\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        drop.resolve("contacts.csv"),
        "contact_id,kind,given_name,family_name,dob\nK000001,intake,Bill,Turner,1980-04-02\n",
        StandardCharsets.UTF_8);
    Path config = folder.resolve("nightly.yml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "store: store",
            "key_file: machine.key",
            "drop_folder: drop",
            "output_folder: reports",
            "plugins: []",
            "sinks:",
            "  - name: file",
            "    options:",
            "      dir: share",
            ""),
        StandardCharsets.UTF_8);
    Files.createDirectories(folder.resolve("reports"));

    Cli.Result result = cli.run("nightly", "--config", config.toString());
    assertEquals(1, result.status(), result::toString);
    assertTrue(result.out().contains(", delivered to file"), result::toString);
    List<String> shared;
    try (Stream<Path> files = Files.list(folder.resolve("share"))) {
      shared = files.map(f -> f.getFileName().toString()).sorted().toList();
    }
    assertEquals(List.of("dualcheck-2026-11-27.json", "dualcheck-2026-11-27.pdf"), shared);
    assertTrue(
        Files.readString(folder.resolve("share/dualcheck-2026-11-27.json")).contains("C000123"));
    Cli.Result verified =
        cli.run("report", "verify", folder.resolve("share/dualcheck-2026-11-27.pdf").toString());
    assertEquals(0, verified.status(), verified::toString);
  }

  @Test
  void aListedPluginJarThatIsMissingIsABadConfig() throws Exception {
    Cli cli = new Cli(folder.resolve("store"));
    assertEquals(0, cli.run("init", "--clinic", "Test Clinic").status());
    Path key = folder.resolve("machine.key");
    assertEquals(0, cli.run("keys", "add-machine", "--out", key.toString()).status());
    Path drop = Files.createDirectories(folder.resolve("drop"));
    Files.writeString(
        drop.resolve("contacts.csv"),
        "contact_id,kind,given_name,family_name\nK000001,intake,Bill,Turner\n",
        StandardCharsets.UTF_8);
    Path config = folder.resolve("nightly.yml");
    Files.writeString(
        config,
        "store: store\nkey_file: machine.key\ndrop_folder: drop\noutput_folder: reports\n"
            + "plugins: [plugins/missing.jar]\n",
        StandardCharsets.UTF_8);
    Cli.Result result = cli.run("nightly", "--config", config.toString());
    assertEquals(2, result.status(), result::toString);
    assertEquals(
        "error: plugin jar not found: " + folder.resolve("plugins/missing.jar") + "\n",
        result.err());
  }
}
