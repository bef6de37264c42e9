package dev.dualcheck.cli;

import dev.dualcheck.check.ConflictType;
import dev.dualcheck.check.Finding;
import dev.dualcheck.check.FindingsJson;
import dev.dualcheck.check.MatchSettings;
import dev.dualcheck.check.ScanResult;
import dev.dualcheck.delivery.Certificates;
import dev.dualcheck.delivery.DeliveryException;
import dev.dualcheck.delivery.MailSettings;
import dev.dualcheck.delivery.Recipient;
import dev.dualcheck.delivery.SecureMailer;
import dev.dualcheck.delivery.Sleeper;
import dev.dualcheck.spi.Options;
import dev.dualcheck.spi.PluginException;
import dev.dualcheck.spi.Report;
import dev.dualcheck.spi.SinkContext;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.CsvFormatException;
import dev.dualcheck.store.CsvRecords;
import dev.dualcheck.store.RecordKind;
import dev.dualcheck.store.SigningIdentity;
import dev.dualcheck.store.Store;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The unattended nightly run: import what arrived in the drop folder, scan the new contacts and
 * newly declared ties, write a signed report, mail it encrypted, print one summary line.
 */
@Command(
    name = "nightly",
    description = {
      "Import new exports from the drop folder, scan new contacts and ties, sign and mail the report.",
      "Exit 0 nothing found, 1 findings, 2 bad config or delivery failed (report kept), 3 key or"
          + " tamper problem."
    })
final class NightlyCommand implements Callable<Integer> {

  /** Import order: people a later file may refer to come first. */
  private static final List<RecordKind> ORDER =
      List.of(
          RecordKind.STAFF,
          RecordKind.CLIENT,
          RecordKind.ASSOCIATE,
          RecordKind.NOTE,
          RecordKind.TIE,
          RecordKind.CONTACT);

  @ParentCommand Main main;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      required = true,
      description = "The YAML config.")
  Path configFile;

  @Override
  public Integer call() throws Exception {
    NightlyConfig config = NightlyConfig.read(configFile);
    Files.createDirectories(config.outputFolder());
    try (FileChannel channel =
            FileChannel.open(
                config.outputFolder().resolve(".nightly.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      if (lock == null) {
        throw new UsageException("another nightly run is in progress for " + config.store());
      }
      return run(config);
    }
  }

  private int run(NightlyConfig config) throws Exception {
    List<Path> arrived = arrivals(config.dropFolder());
    if (arrived.isEmpty()) {
      main.out.println("nightly: nothing new in " + config.dropFolder() + "; nothing to do");
      return Exit.OK;
    }
    LocalDate today = LocalDate.ofInstant(main.clock.instant(), ZoneId.systemDefault());
    try (Workspace workspace =
        Workspace.of(
            Store.openWithKeyFile(config.store(), config.keyFile(), main.clock),
            main,
            config.plugins())) {
      Store store = workspace.store;
      String fingerprint = Reports.fingerprint(store, arrived);
      List<ClinicRecord> toScan = new ArrayList<>();
      Map<String, String> tieDeclaredBy = new HashMap<>();
      int imported = 0;
      int failed = 0;
      for (Path file : inImportOrder(arrived)) {
        RecordKind kind = kindOf(file);
        try {
          if (kind == null) {
            throw new UsageException(
                "not a dualcheck export: neither its name nor its header names a record kind");
          }
          if (kind == RecordKind.CONTACT) {
            toScan.addAll(CsvRecords.read(kind, file));
          } else if (kind == RecordKind.TIE) {
            // a tie file is a therapist's acquaintances: small enough to keep what was written
            for (ClinicRecord tie : store.importCsv(kind, file)) {
              ClinicRecord contact = asContact(tie);
              toScan.add(contact);
              tieDeclaredBy.put(contact.id(), tie.get("staff_id"));
            }
          } else {
            store.importCsv(kind, file, written -> {}); // streamed: holds no list of the rows
          }
          moveTo(file, config.dropFolder().resolve("processed"), null);
          imported++;
        } catch (CsvFormatException | UsageException e) {
          moveTo(file, config.dropFolder().resolve("failed"), e.getMessage());
          failed++;
        }
      }
      workspace.update();

      workspace.dualcheck.settings(
          MatchSettings.defaults().withDefaultRegion(config.defaultPhoneRegion()));
      ScanResult scanned = workspace.dualcheck.scan(toScan, done -> {}); // decisions applied
      ScanResult result =
          new ScanResult(
              scanned.scanId(),
              scanned.created(),
              scanned.contacts(),
              scanned.findings().stream().filter(f -> !isOwnTie(f, tieDeclaredBy)).toList());

      String base = "dualcheck-" + today;
      Path json = uniqueFile(config.outputFolder(), base, ".json");
      Path pdf = uniqueFile(config.outputFolder(), base, ".pdf");
      try (OutputStream out = Files.newOutputStream(json)) {
        FindingsJson.write(result, out);
      }
      Reports.writeSigned(store, result, fingerprint, false, pdf, main.clock);
      store.audit(
          "nightly",
          null,
          null,
          imported
              + " files imported, "
              + result.contacts()
              + " contacts scanned, "
              + result.findings().size()
              + " findings");

      String summary =
          String.format(
              Locale.ROOT,
              "nightly %s: imported %d file(s)%s, scanned %d contact(s), %d finding(s), report %s",
              today,
              imported,
              failed > 0
                  ? " (" + failed + " failed, see " + config.dropFolder().resolve("failed") + ")"
                  : "",
              result.contacts(),
              result.findings().size(),
              pdf);
      for (NightlyConfig.Sink sink : config.sinks()) {
        summary += deliverTo(sink, workspace, result, base, json, pdf);
      }
      if (config.mail() != null) {
        try {
          int recipients = deliver(config, store, result, today, pdf);
          summary += ", mailed to " + recipients + " recipient(s)";
        } catch (DeliveryException e) {
          main.out.println(summary);
          main.err.println(
              "nightly: delivery failed, the report stays at " + pdf + ": " + e.getMessage());
          return Exit.USAGE;
        }
      }
      main.out.println(summary);
      return result.findings().isEmpty() ? Exit.OK : Exit.FOUND;
    }
  }

  /** Hands the report to a configured sink; a failure is reported and the run goes on. */
  private String deliverTo(
      NightlyConfig.Sink sink,
      Workspace workspace,
      ScanResult result,
      String base,
      Path json,
      Path pdf)
      throws IOException {
    Store store = workspace.store;
    SigningIdentity identity = store.signingIdentity();
    SinkContext context =
        new SinkContext() {
          @Override
          public String clinicName() {
            return store.clinicName();
          }

          @Override
          public java.security.PrivateKey signingKey() {
            return identity.key();
          }

          @Override
          public List<java.security.cert.X509Certificate> signingChain() {
            return identity.chain();
          }

          @Override
          public java.time.Clock clock() {
            return main.clock;
          }
        };
    String subject = "scan " + base + ": " + result.findings().size() + " finding(s) to review";
    try {
      workspace
          .dualcheck
          .plugins()
          .reportSink(sink.name())
          .deliver(
              new Report(base, subject, result, Files.readAllBytes(pdf), Files.readAllBytes(json)),
              new Options(sink.options()),
              context);
      return ", delivered to " + sink.name();
    } catch (IOException | RuntimeException e) {
      main.err.println(
          "nightly: sink '"
              + sink.name()
              + "' failed, the report stays at "
              + pdf
              + ": "
              + (e instanceof PluginException || e instanceof IOException
                  ? e.getMessage()
                  : e.getClass().getSimpleName()));
      return ", sink " + sink.name() + " failed";
    }
  }

  private int deliver(
      NightlyConfig config, Store store, ScanResult result, LocalDate today, Path pdf)
      throws IOException, DeliveryException, UsageException {
    NightlyConfig.Mail mail = config.mail();
    List<Recipient> recipients = new ArrayList<>();
    for (NightlyConfig.Recipient recipient : mail.recipients()) {
      recipients.add(new Recipient(recipient.address(), certificate(recipient)));
    }
    char[] password =
        mail.passwordFile() == null ? null : StoreOptions.firstLine(mail.passwordFile());
    MailSettings settings =
        new MailSettings(
            mail.host(),
            mail.port(),
            mail.starttlsRequired(),
            mail.username(),
            password,
            mail.from(),
            Duration.ofSeconds(mail.connectTimeoutSeconds()),
            Duration.ofSeconds(mail.readTimeoutSeconds()),
            mail.attempts(),
            Duration.ofSeconds(5),
            Optional.ofNullable(mail.trustStore()));
    SigningIdentity identity = store.signingIdentity();
    SecureMailer mailer =
        new SecureMailer(settings, identity.key(), identity.chain(), main.clock, Sleeper.system());
    int count = result.findings().size();
    String subject =
        "dualcheck nightly scan "
            + today
            + ": "
            + count
            + (count == 1 ? " finding" : " findings")
            + " to review";
    String body =
        "The signed report of tonight's scan is attached (PDF, signed by "
            + store.clinicName()
            + ").\nVerify it with: dualcheck report verify "
            + pdf.getFileName()
            + " --trust clinic.pem\n";
    mailer.send(recipients, subject, body, pdf.getFileName().toString(), Files.readAllBytes(pdf));
    return recipients.size();
  }

  private static java.security.cert.X509Certificate certificate(NightlyConfig.Recipient recipient)
      throws UsageException, IOException {
    if (recipient.certificate() == null) {
      return null; // SecureMailer refuses to send unencrypted and names the recipient
    }
    try {
      return Certificates.readPem(recipient.certificate());
    } catch (java.security.GeneralSecurityException e) {
      throw new UsageException("not a certificate: " + recipient.certificate());
    }
  }

  /** A tie declared tonight, checked like an acquaintance of the clinician who declared it. */
  private static ClinicRecord asContact(ClinicRecord tie) {
    Map<String, String> fields = new HashMap<>(tie.fields());
    String staffId = fields.remove("staff_id");
    fields.remove("relation");
    fields.put("contact_id", "tie-" + tie.id());
    fields.put("kind", "acquaintance");
    fields.put("for_clinician", staffId);
    return new ClinicRecord(RecordKind.CONTACT, "tie-" + tie.id(), fields);
  }

  /** A newly declared tie matches its own clinician's declarations: that is not a conflict. */
  private static boolean isOwnTie(Finding finding, Map<String, String> tieDeclaredBy) {
    return finding.type() == ConflictType.THERAPIST_TIE
        && finding.ref().equals(tieDeclaredBy.get(finding.contactId()));
  }

  private static List<Path> arrivals(Path dropFolder) throws IOException, UsageException {
    if (!Files.isDirectory(dropFolder)) {
      throw new UsageException("drop folder not found: " + dropFolder);
    }
    try (Stream<Path> files = Files.list(dropFolder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
          .sorted()
          .toList();
    }
  }

  private static List<Path> inImportOrder(List<Path> files) throws IOException {
    Map<Path, Integer> rank = new HashMap<>();
    for (Path file : files) {
      RecordKind kind = kindOf(file);
      rank.put(file, kind == null ? -1 : ORDER.indexOf(kind));
    }
    return files.stream().sorted(Comparator.comparing(rank::get)).toList();
  }

  /** The record kind by file name (clients-2026-11-27.csv) or else by header row. */
  static RecordKind kindOf(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    for (RecordKind kind : ORDER) {
      if (name.startsWith(kind.fileName())) {
        return kind;
      }
    }
    String header;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      header = reader.readLine();
    } catch (java.nio.charset.MalformedInputException e) {
      return null;
    }
    if (header == null) {
      return null;
    }
    List<String> columns =
        Stream.of(header.replace("\uFEFF", "").split(",")).map(String::strip).toList();
    for (RecordKind kind : ORDER) {
      if (kind.columns().containsAll(columns) && columns.contains(kind.columns().get(1))) {
        return kind;
      }
    }
    return null;
  }

  private static void moveTo(Path file, Path folder, String reason) throws IOException {
    Files.createDirectories(folder);
    Path target = uniqueFile(folder, file.getFileName().toString(), "");
    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    if (reason != null) {
      Files.writeString(
          target.resolveSibling(target.getFileName() + ".reason"),
          reason + "\n",
          StandardCharsets.UTF_8);
    }
  }

  private static Path uniqueFile(Path folder, String base, String extension) {
    Path candidate = folder.resolve(base + extension);
    for (int n = 2; Files.exists(candidate); n++) {
      candidate = folder.resolve(base + "-" + n + extension);
    }
    return candidate;
  }
}
