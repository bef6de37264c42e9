package dev.dualcheck.interop;

import dev.dualcheck.spi.Options;
import dev.dualcheck.spi.Report;
import dev.dualcheck.spi.ReportSink;
import dev.dualcheck.spi.SinkContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Copies the signed PDF and the findings JSON into a folder (option {@code dir}), e.g. a share the
 * director reads. An existing file is never overwritten: a second run the same day gets {@code -2}.
 */
public final class FileReportSink implements ReportSink {

  @Override
  public String name() {
    return "file";
  }

  @Override
  public void deliver(Report report, Options options, SinkContext context) throws IOException {
    Path dir = Path.of(options.require("dir", "the file sink needs a folder (dir: …)"));
    Files.createDirectories(dir);
    String base = report.name();
    for (int n = 2; Files.exists(dir.resolve(base + ".pdf")); n++) {
      base = report.name() + "-" + n;
    }
    Files.write(dir.resolve(base + ".pdf"), report.pdf(), StandardOpenOption.CREATE_NEW);
    Files.write(dir.resolve(base + ".json"), report.json(), StandardOpenOption.CREATE_NEW);
  }
}
