package dev.dualcheck.report;

import dev.dualcheck.check.ConflictType;
import dev.dualcheck.check.Evidence;
import dev.dualcheck.check.Finding;
import dev.dualcheck.check.Level;
import dev.dualcheck.check.Resolution;
import dev.dualcheck.check.ScanResult;
import dev.dualcheck.report.Layout.Column;
import dev.dualcheck.report.Layout.Entry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Renders a scan's findings as an unsigned PDF: cover with counts, one block per finding with its
 * evidence, resolutions, and an appendix on method. The redacted board copy replaces every person
 * and identifier by a pseudonym and shows field outcomes only.
 */
public final class ReportRenderer {

  private static final float BODY = 9.5f;
  private static final float SMALL = 8.5f;
  private static final float LABEL_WIDTH = 92;

  private final ScanResult result;
  private final ReportContext context;
  private final boolean redact;
  private final Layout layout;
  private final DateTimeFormatter dateTime;
  private final List<Finding> findings;

  private ReportRenderer(ScanResult result, ReportContext context, boolean redact, Layout layout) {
    this.result = result;
    this.context = context;
    this.redact = redact;
    this.layout = layout;
    this.dateTime =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", Locale.US).withZone(context.zone());
    this.findings =
        result.findings().stream()
            .sorted(
                Comparator.comparing(Finding::level)
                    .thenComparing(Finding::type)
                    .thenComparing(Comparator.comparingDouble(Finding::score).reversed())
                    .thenComparing(Finding::id))
            .toList();
  }

  /**
   * Renders the report.
   *
   * @param redact true for the licensing board's copy: pseudonyms instead of names and ids, field
   *     outcomes without values, no contact details, no reviewer notes
   * @return the PDF, unsigned
   */
  public static byte[] render(ScanResult result, ReportContext context, boolean redact)
      throws IOException {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(context, "context");
    try (PDDocument doc = new PDDocument()) {
      Layout layout = Layout.open(doc);
      ReportRenderer renderer = new ReportRenderer(result, context, redact, layout);
      renderer.cover();
      renderer.findingsSection();
      renderer.resolutionsSection();
      renderer.methodAppendix();
      layout.finish(renderer.footer());
      renderer.metadata(doc);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  private void metadata(PDDocument doc) {
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(
        "Dual-relationship conflict report"
            + (redact ? " (board copy)" : "")
            + ", scan "
            + result.scanId());
    info.setAuthor(context.clinicName());
    info.setCreator("dualcheck " + context.softwareVersion());
    info.setProducer("dualcheck " + context.softwareVersion());
    Calendar created = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
    created.setTimeInMillis(result.created().toEpochMilli());
    info.setCreationDate(created);
  }

  private String footer() {
    String copy =
        redact
            ? "Redacted copy for the licensing board"
            : "Confidential: contains protected health information";
    return "Scan " + result.scanId() + "  ·  " + copy;
  }

  // ---- cover ----

  private void cover() throws IOException {
    layout.newPage();
    layout.paragraph(
        layout.bold, 8.5f, Layout.MUTED, 0, redact ? "BOARD COPY · REDACTED" : "CONFIDENTIAL");
    layout.space(6);
    layout.paragraph(layout.bold, 22, Layout.ACCENT, 0, "Dual-relationship conflict report");
    layout.space(2);
    layout.paragraph(layout.regular, 14, Layout.INK, 0, context.clinicName());
    layout.space(14);
    layout.rule(1.2f, Layout.ACCENT);
    layout.space(10);

    long open = findings.stream().filter(f -> f.resolution() == null).count();
    List<Entry> facts = new ArrayList<>();
    facts.add(Entry.of("Scan", result.scanId()));
    facts.add(Entry.of("Created", dateTime.format(result.created()) + " (" + context.zone() + ")"));
    facts.add(Entry.of("Run by", redact ? pseudonym(result.scanId(), "ran_by") : context.ranBy()));
    facts.add(Entry.of("Contacts checked", Integer.toString(result.contacts())));
    facts.add(
        Entry.of(
            "Findings",
            String.format(
                Locale.US,
                "%d (%d open, %d resolved)",
                findings.size(),
                open,
                findings.size() - open)));
    facts.add(Entry.of("Data fingerprint", context.dataFingerprint()));
    facts.add(Entry.of("Software", "dualcheck " + context.softwareVersion()));
    layout.block(null, null, facts, 110, 10);

    if (redact) {
      layout.space(10);
      layout.block(
          "This copy is redacted",
          null,
          List.of(
              Entry.of(
                  "",
                  "People and the clinic's identifiers appear only as pseudonyms (P-…, R-…). Names,"
                      + " dates of birth, phone numbers, e-mail and postal addresses, matched values"
                      + " and reviewers' notes are withheld; each finding keeps its type, level,"
                      + " score and the outcome and weight of every compared field. The clinic can"
                      + " map each pseudonym back to its record on request.")),
          4,
          BODY);
    }

    layout.heading("Findings by type and level", 13, 22, 80);
    List<Column> columns = new ArrayList<>();
    columns.add(Column.left("Type", 3.2f));
    for (Level level : Level.values()) {
      columns.add(Column.right(levelLabel(level), 1.3f));
    }
    columns.add(Column.right("Total", 1.3f));
    Map<ConflictType, int[]> counts = new EnumMap<>(ConflictType.class);
    for (ConflictType t : ConflictType.values()) {
      counts.put(t, new int[Level.values().length]);
    }
    int[] totals = new int[Level.values().length];
    for (Finding f : findings) {
      counts.get(f.type())[f.level().ordinal()]++;
      totals[f.level().ordinal()]++;
    }
    List<List<String>> rows = new ArrayList<>();
    for (ConflictType t : ConflictType.values()) {
      rows.add(countRow(typeLabel(t), counts.get(t)));
    }
    rows.add(countRow("All types", totals));
    layout.table(columns, rows, BODY, true);

    layout.heading("How to read this report", 13, 22, 40);
    layout.paragraph(
        layout.regular,
        BODY,
        Layout.INK,
        0,
        "Each finding links one checked contact to a record the clinic holds: a current or former"
            + " client, a client's relative or associate, a name in a client's case notes, a staff"
            + " member, a clinician's declared personal tie, or a client who referred the contact."
            + " Levels follow FHIR's match grades (certain, probable, possible). The evidence lists"
            + " every compared field with the comparison it reached and its weight in bits"
            + " (log2 m/u, Fellegi–Sunter): positive weights count for the match, negative ones"
            + " against. Resolutions record the reviewer's decision; resolved findings stay in"
            + " every later report.");
  }

  private static List<String> countRow(String label, int[] counts) {
    List<String> row = new ArrayList<>();
    row.add(label);
    int sum = 0;
    for (int c : counts) {
      row.add(c == 0 ? "–" : Integer.toString(c));
      sum += c;
    }
    row.add(Integer.toString(sum));
    return row;
  }

  // ---- findings ----

  private void findingsSection() throws IOException {
    layout.newPage();
    layout.heading("Findings", 16, 0, 60);
    if (findings.isEmpty()) {
      layout.paragraph(
          layout.regular,
          BODY,
          Layout.INK,
          0,
          String.format(
              Locale.US,
              "No findings: none of the %d contacts checked matched a record the clinic holds.",
              result.contacts()));
      return;
    }
    layout.paragraph(
        layout.regular,
        SMALL,
        Layout.MUTED,
        0,
        "Strongest first: by level, then type, then score.");
    layout.space(8);
    for (int i = 0; i < findings.size(); i++) {
      findingBlock(i + 1, findings.get(i));
      layout.space(10);
    }
  }

  private void findingBlock(int number, Finding f) throws IOException {
    String title =
        String.format(
            Locale.US,
            "%d.  %s  ·  %s  ·  score %.2f",
            number,
            typeLabel(f.type()),
            levelLabel(f.level()),
            f.score());
    List<Entry> entries = new ArrayList<>();
    if (redact) {
      entries.add(Entry.of("Contact", pseudonym(f.id(), "contact")));
      entries.add(Entry.of("Matched", recordLabel(f.record()) + " " + pseudonym(f.id(), "record")));
    } else {
      entries.add(Entry.of("Contact", nameOrDash(f.contactName()) + "  (" + f.contactId() + ")"));
      entries.add(
          Entry.of(
              "Matched",
              nameOrDash(f.recordName())
                  + "  ("
                  + recordLabel(f.record())
                  + ", ref "
                  + f.ref()
                  + ")"));
    }
    List<String> evidence = new ArrayList<>();
    for (Evidence e : f.evidence()) {
      evidence.add(Layout.BULLET + evidenceLine(e));
    }
    if (evidence.isEmpty()) {
      evidence.add("—");
    }
    entries.add(new Entry("Evidence", evidence));
    Resolution r = f.resolution();
    entries.add(
        Entry.of(
            "Resolution",
            r == null
                ? "open: awaiting review"
                : decisionLabel(r.decision()) + ", " + when(r.at()) + " (see Resolutions)"));
    layout.block(title, findingRef(f), entries, LABEL_WIDTH, BODY);
  }

  private String evidenceLine(Evidence e) {
    String field = humanise(e.field());
    String comparison = humanise(e.comparison());
    // a no-break space keeps "-0.6 bits" on one line
    String weight = String.format(Locale.US, "%+.1f\u00a0bits", e.weight());
    if (redact) {
      return field + ": " + comparison + ", " + weight;
    }
    String values;
    String c = e.contactValue();
    String r = e.recordValue();
    if (blank(c) && blank(r)) {
      values = "";
    } else if (Objects.equals(c, r)) {
      values = c + ", ";
    } else {
      values = (blank(c) ? "—" : c) + " ~ " + (blank(r) ? "—" : r) + ", ";
    }
    return field + ": " + comparison + ", " + values + weight;
  }

  // ---- resolutions ----

  private void resolutionsSection() throws IOException {
    layout.heading("Resolutions", 16, 26, 120);
    List<Integer> resolved = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      if (findings.get(i).resolution() != null) {
        resolved.add(i);
      }
    }
    if (resolved.isEmpty()) {
      layout.paragraph(
          layout.regular, BODY, Layout.INK, 0, "No finding in this report has been resolved yet.");
      return;
    }
    if (redact) {
      layout.paragraph(
          layout.regular,
          SMALL,
          Layout.MUTED,
          0,
          "Reviewers appear as pseudonyms and their notes are withheld; times are given relative to"
              + " this scan.");
      layout.space(4);
    }
    List<Column> columns = new ArrayList<>();
    columns.add(Column.right("#", 0.5f));
    columns.add(Column.left("Finding", 2.1f));
    columns.add(Column.left("Decision", 1.9f));
    columns.add(Column.left("By", 1.8f));
    columns.add(Column.left("When", 1.9f));
    if (!redact) {
      columns.add(Column.left("Note", 4.4f));
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i : resolved) {
      Finding f = findings.get(i);
      Resolution r = f.resolution();
      List<String> row = new ArrayList<>();
      row.add(Integer.toString(i + 1));
      row.add(findingRef(f));
      row.add(decisionLabel(r.decision()));
      row.add(redact ? pseudonym(f.id(), "reviewer") : nameOrDash(r.by()));
      row.add(when(r.at()));
      if (!redact) {
        row.add(blank(r.note()) ? "—" : r.note());
      }
      rows.add(row);
    }
    layout.table(columns, rows, SMALL, false);
  }

  // ---- appendix ----

  private void methodAppendix() throws IOException {
    layout.newPage();
    layout.heading("Appendix: method", 16, 0, 60);
    layout.heading("What was checked", 11.5f, 6, 30);
    layout.paragraph(layout.regular, BODY, Layout.INK, 0, context.method());

    layout.heading("Thresholds", 11.5f, 16, 60);
    List<List<String>> rows = new ArrayList<>();
    for (Level level : Level.values()) {
      Double t = context.thresholds().get(level);
      rows.add(
          List.of(
              levelLabel(level),
              t == null ? "not set" : String.format(Locale.US, "score ≥ %.2f", t)));
    }
    layout.table(
        List.of(Column.left("Level", 2), Column.left("Reported when", 5)), rows, BODY, false);

    layout.heading("Scores and evidence", 11.5f, 16, 30);
    layout.paragraph(
        layout.regular,
        BODY,
        Layout.INK,
        0,
        "Candidates are fetched from an encrypted search index by blocking keys (name forms,"
            + " phonetic codes, dates, phones, e-mail). Each candidate is then compared field by"
            + " field after normalisation (Unicode folding, particles, hyphenated and swapped"
            + " names, nicknames, partial dates, phones in E.164, canonical e-mail). Every"
            + " comparison level carries a Fellegi–Sunter weight in bits; common names weigh"
            + " less. The score is the match probability the weights add up to; the level is the"
            + " strongest whose threshold the score reaches. A name found only in case notes is at"
            + " most possible unless something else corroborates it.");

    if (redact) {
      layout.heading("Pseudonyms", 11.5f, 16, 30);
      layout.paragraph(
          layout.regular,
          BODY,
          Layout.INK,
          0,
          "P-… is the first 10 hexadecimal digits of SHA-256 over the finding's identifier and the"
              + " person's role in it (contact, record, reviewer); R-… likewise identifies the"
              + " finding. Pseudonyms differ between findings, so the same person cannot be"
              + " followed across findings in this copy; the clinic, which holds the identifiers,"
              + " can recompute them.");
    }

    layout.heading("This report", 11.5f, 16, 60);
    List<Entry> facts = new ArrayList<>();
    facts.add(Entry.of("Software", "dualcheck " + context.softwareVersion()));
    facts.add(Entry.of("Data fingerprint", context.dataFingerprint()));
    facts.add(Entry.of("Time zone", context.zone().getId()));
    facts.add(
        Entry.of(
            "Signature",
            "The clinic signs this file with its key (PAdES baseline B-B). Anyone can check it"
                + " offline: dualcheck report verify REPORT.pdf --trust CLINIC-CERTIFICATE. Any"
                + " change to the file after signing, including an added revision, makes the check"
                + " fail."));
    layout.block(null, null, facts, 110, BODY);
  }

  // ---- wording ----

  private String findingRef(Finding f) {
    return redact ? pseudonym(f.id(), "finding").replaceFirst("^P-", "R-") : f.id();
  }

  private String when(Instant at) {
    if (at == null) {
      return "—";
    }
    if (!redact) {
      return dateTime.format(at);
    }
    long days = Duration.between(at, result.created()).toDays();
    if (days == 0) {
      return "same day as this scan";
    }
    return Math.abs(days)
        + (Math.abs(days) == 1 ? " day " : " days ")
        + (days > 0 ? "before" : "after")
        + " this scan";
  }

  /**
   * {@code P-} and 10 hex digits of SHA-256(finding id, role): stable, unlinkable across findings.
   */
  static String pseudonym(String findingId, String role) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest((findingId + "\u0000" + role).getBytes(StandardCharsets.UTF_8));
      return "P-" + HexFormat.of().formatHex(digest).substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  static String typeLabel(ConflictType type) {
    return switch (type) {
      case IDENTITY -> "Identity";
      case ASSOCIATE -> "Associate of a client";
      case NOTE_MENTION -> "Named in case notes";
      case STAFF -> "Staff member";
      case THERAPIST_TIE -> "Clinician's personal tie";
      case REFERRAL_SOURCE -> "Referred by a client";
    };
  }

  static String levelLabel(Level level) {
    return switch (level) {
      case CERTAIN -> "Certain";
      case PROBABLE -> "Probable";
      case POSSIBLE -> "Possible";
    };
  }

  private static String recordLabel(String record) {
    if (record == null) {
      return "record";
    }
    return switch (record) {
      case "client" -> "client";
      case "associate" -> "associate of a client";
      case "note" -> "case note of a client";
      case "staff" -> "staff member";
      case "tie" -> "declared tie of a clinician";
      default -> humanise(record);
    };
  }

  private static String decisionLabel(String decision) {
    return decision == null ? "—" : humanise(decision);
  }

  /** {@code given_name} → {@code given name}. */
  private static String humanise(String code) {
    return code == null ? "—" : code.replace('_', ' ');
  }

  private static String nameOrDash(String s) {
    return blank(s) ? "—" : s;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
