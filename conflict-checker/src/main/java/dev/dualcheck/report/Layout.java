package dev.dualcheck.report;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A small flowing layout on A4 pages: wrapped paragraphs, headings, ruled tables and key–value
 * blocks that move to a new page rather than split, with a "Page x of y" footer stamped once all
 * pages exist.
 */
final class Layout {

  static final Color INK = new Color(0x1a, 0x1a, 0x1a);
  static final Color MUTED = new Color(0x5f, 0x63, 0x68);
  static final Color RULE = new Color(0xb8, 0xbc, 0xc2);
  static final Color SHADE = new Color(0xee, 0xf0, 0xf3);
  static final Color ACCENT = new Color(0x1f, 0x3a, 0x5f);

  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float MARGIN_X = 60;
  private static final float MARGIN_TOP = 64;
  private static final float MARGIN_BOTTOM = 72;
  private static final float FOOTER_BASELINE = 40;
  private static final float LEADING = 1.38f;
  private static final float CELL_PAD = 4;

  /** A value starting with this is a list item, wrapped with a hanging indent. */
  static final String BULLET = "• ";

  private static final String INDENT = "\u0000";

  final PDFont regular;
  final PDFont bold;
  private final PDDocument doc;
  private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
  private PDPageContentStream out;
  private float y;

  private Layout(PDDocument doc, PDFont regular, PDFont bold) {
    this.doc = doc;
    this.regular = regular;
    this.bold = bold;
  }

  /** Embeds (as subsets) the DejaVu Sans fonts shipped with dualcheck. */
  static Layout open(PDDocument doc) throws IOException {
    return new Layout(doc, font(doc, "DejaVuSans.ttf"), font(doc, "DejaVuSans-Bold.ttf"));
  }

  private static PDFont font(PDDocument doc, String name) throws IOException {
    try (InputStream in = Layout.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("font resource missing from the build: " + name);
      }
      TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
      doc.registerTrueTypeFontForClosing(ttf);
      // Without this PDFBox applies Latin ligatures: "Hoffmann" would copy and extract as
      // "Hoﬀmann", and a name pasted from the report would no longer match the record.
      ttf.setEnableGsub(false);
      return PDType0Font.load(doc, ttf, true);
    }
  }

  float left() {
    return MARGIN_X;
  }

  float width() {
    return PAGE.getWidth() - 2 * MARGIN_X;
  }

  static float leading(float size) {
    return size * LEADING;
  }

  void newPage() throws IOException {
    closePage();
    PDPage page = new PDPage(PAGE);
    doc.addPage(page);
    out = new PDPageContentStream(doc, page);
    y = PAGE.getHeight() - MARGIN_TOP;
  }

  private void closePage() throws IOException {
    if (out != null) {
      out.close();
      out = null;
    }
  }

  /** Starts a new page unless {@code height} still fits on this one. */
  void ensure(float height) throws IOException {
    if (out == null || y - height < MARGIN_BOTTOM) {
      newPage();
    }
  }

  /** True when a block of this height could fit on an empty page. */
  boolean fitsOnAPage(float height) {
    return height <= PAGE.getHeight() - MARGIN_TOP - MARGIN_BOTTOM;
  }

  void space(float height) {
    y -= height;
  }

  // ---- text ----

  /**
   * Makes text printable in {@code font}: NFC (so Vietnamese stacks of accents use the precomposed
   * glyphs), control characters as spaces, characters the font lacks as '?'.
   */
  String printable(PDFont font, String text) {
    if (text == null) {
      return "";
    }
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder sb = new StringBuilder(nfc.length());
    nfc.codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                sb.append(' ');
              } else if (hasGlyph(font, cp)) {
                sb.appendCodePoint(cp);
              } else {
                sb.append('?');
              }
            });
    return sb.toString();
  }

  private boolean hasGlyph(PDFont font, int codePoint) {
    return glyphs
        .computeIfAbsent(font, f -> new HashMap<>())
        .computeIfAbsent(
            codePoint,
            cp -> {
              try {
                font.encode(new String(Character.toChars(cp)));
                return true;
              } catch (IOException | IllegalArgumentException e) {
                return false;
              }
            });
  }

  float textWidth(PDFont font, float size, String printable) throws IOException {
    return font.getStringWidth(printable) / 1000f * size;
  }

  /** Greedy word wrap; a word longer than the line (a hash, a long e-mail) is broken anywhere. */
  List<String> wrap(PDFont font, float size, String text, float maxWidth) throws IOException {
    maxWidth = Math.max(maxWidth, size); // room for at least one glyph per line
    List<String> lines = new ArrayList<>();
    for (String para : (text == null ? "" : text).split("\r\n|\r|\n", -1)) {
      String clean = printable(font, para).trim().replaceAll(" {2,}", " ");
      if (clean.isEmpty()) {
        lines.add("");
        continue;
      }
      StringBuilder line = new StringBuilder();
      for (String word : clean.split(" ")) {
        String candidate = line.length() == 0 ? word : line + " " + word;
        if (textWidth(font, size, candidate) <= maxWidth) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        String rest = word;
        while (!rest.isEmpty() && textWidth(font, size, rest) > maxWidth) {
          int cut = fittingPrefix(font, size, rest, maxWidth);
          lines.add(rest.substring(0, cut));
          rest = rest.substring(cut);
        }
        line.append(rest);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private int fittingPrefix(PDFont font, float size, String s, float maxWidth) throws IOException {
    int cut = 0;
    while (cut < s.length()) {
      int next = s.offsetByCodePoints(cut, 1);
      if (textWidth(font, size, s.substring(0, next)) > maxWidth) {
        break;
      }
      cut = next;
    }
    return Math.max(cut, s.offsetByCodePoints(0, 1));
  }

  /** Draws one already printable line with its baseline at {@code baseline}. */
  void draw(PDFont font, float size, Color color, float x, float baseline, String printable)
      throws IOException {
    if (printable.isEmpty()) {
      return;
    }
    out.beginText();
    out.setFont(font, size);
    out.setNonStrokingColor(color);
    out.newLineAtOffset(x, baseline);
    out.showText(printable);
    out.endText();
  }

  /** A wrapped paragraph that may flow onto the next page line by line. */
  void paragraph(PDFont font, float size, Color color, float indent, String text)
      throws IOException {
    float lead = leading(size);
    for (String line : wrap(font, size, text, width() - indent)) {
      ensure(lead);
      y -= lead;
      draw(font, size, color, MARGIN_X + indent, y + lead - size, line);
    }
  }

  /** A heading kept with at least {@code keepWith} points of what follows. */
  void heading(String text, float size, float spaceBefore, float keepWith) throws IOException {
    float lead = leading(size);
    List<String> lines = wrap(bold, size, text, width());
    if (out != null && y < PAGE.getHeight() - MARGIN_TOP) {
      y -= spaceBefore;
    }
    ensure(lines.size() * lead + keepWith);
    for (String line : lines) {
      y -= lead;
      draw(bold, size, ACCENT, MARGIN_X, y + lead - size, line);
    }
    y -= size * 0.3f;
  }

  void rule(float thickness, Color color) throws IOException {
    ensure(thickness);
    hline(MARGIN_X, MARGIN_X + width(), y, thickness, color);
  }

  private void hline(float x1, float x2, float at, float thickness, Color color)
      throws IOException {
    out.setStrokingColor(color);
    out.setLineWidth(thickness);
    out.moveTo(x1, at);
    out.lineTo(x2, at);
    out.stroke();
  }

  private void fill(float x, float bottom, float w, float h, Color color) throws IOException {
    out.setNonStrokingColor(color);
    out.addRect(x, bottom, w, h);
    out.fill();
  }

  // ---- tables ----

  /** A table column: header text, share of the text width, right-aligned or not. */
  record Column(String header, float share, boolean right) {
    static Column left(String header, float share) {
      return new Column(header, share, false);
    }

    static Column right(String header, float share) {
      return new Column(header, share, true);
    }
  }

  /**
   * A ruled table. Rows never split across pages; the header row repeats on each new page. Cells
   * are wrapped; {@code boldLastRow} sets a totals row in bold.
   */
  void table(List<Column> columns, List<List<String>> rows, float size, boolean boldLastRow)
      throws IOException {
    float lead = leading(size);
    float total = 0;
    for (Column c : columns) {
      total += c.share();
    }
    float[] widths = new float[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = width() * columns.get(i).share() / total;
    }
    List<String> headers = columns.stream().map(Column::header).toList();
    List<List<String>> headerCells = cells(bold, size, headers, widths);
    float headerHeight = rowHeight(headerCells, lead);
    boolean headerDrawn = false;
    for (int r = 0; r < rows.size(); r++) {
      boolean last = r == rows.size() - 1;
      PDFont font = boldLastRow && last ? bold : regular;
      List<List<String>> cells = cells(font, size, rows.get(r), widths);
      // a row taller than a page is carried over in slices of whole lines
      while (true) {
        float height = rowHeight(cells, lead);
        float minSlice = Math.min(height, 3 * lead + 2 * CELL_PAD);
        if (!headerDrawn) {
          ensure(headerHeight + (fitsOnAPage(headerHeight + height) ? height : minSlice));
          tableHeader(columns, widths, headerCells, size, lead);
          headerDrawn = true;
        } else if (y - height < MARGIN_BOTTOM
            && (fitsOnAPage(headerHeight + height) || y - minSlice < MARGIN_BOTTOM)) {
          newPage();
          tableHeader(columns, widths, headerCells, size, lead);
        }
        int room = (int) ((y - MARGIN_BOTTOM - 2 * CELL_PAD) / lead);
        int lines = height <= y - MARGIN_BOTTOM ? Integer.MAX_VALUE : room;
        List<List<String>> now = new ArrayList<>();
        List<List<String>> later = new ArrayList<>();
        boolean more = false;
        for (List<String> cell : cells) {
          int cut = Math.min(cell.size(), lines);
          now.add(cell.subList(0, cut));
          later.add(cell.subList(cut, cell.size()));
          more |= cut < cell.size();
        }
        if (boldLastRow && last) {
          hline(MARGIN_X, MARGIN_X + width(), y, 0.6f, INK);
        }
        drawRow(columns, widths, now, font, size, lead, INK);
        if (!more) {
          hline(MARGIN_X, MARGIN_X + width(), y, last ? 0.9f : 0.3f, last ? INK : RULE);
          break;
        }
        cells = later;
        newPage();
        tableHeader(columns, widths, headerCells, size, lead);
      }
    }
  }

  private void tableHeader(
      List<Column> columns, float[] widths, List<List<String>> headerCells, float size, float lead)
      throws IOException {
    drawRow(columns, widths, headerCells, bold, size, lead, MUTED);
    hline(MARGIN_X, MARGIN_X + width(), y, 0.9f, INK);
  }

  private List<List<String>> cells(PDFont font, float size, List<String> row, float[] widths)
      throws IOException {
    List<List<String>> cells = new ArrayList<>();
    for (int i = 0; i < widths.length; i++) {
      String text = i < row.size() ? row.get(i) : "";
      cells.add(wrap(font, size, text, widths[i] - 2 * CELL_PAD));
    }
    return cells;
  }

  private static float rowHeight(List<List<String>> cells, float lead) {
    int lines = 1;
    for (List<String> cell : cells) {
      lines = Math.max(lines, cell.size());
    }
    return lines * lead + 2 * CELL_PAD;
  }

  private void drawRow(
      List<Column> columns,
      float[] widths,
      List<List<String>> cells,
      PDFont font,
      float size,
      float lead,
      Color color)
      throws IOException {
    float height = rowHeight(cells, lead);
    float x = MARGIN_X;
    for (int i = 0; i < widths.length; i++) {
      float baseline = y - CELL_PAD - size;
      for (String line : cells.get(i)) {
        float lx =
            columns.get(i).right()
                ? x + widths[i] - CELL_PAD - textWidth(font, size, line)
                : x + CELL_PAD;
        draw(font, size, color, lx, baseline, line);
        baseline -= lead;
      }
      x += widths[i];
    }
    y -= height;
  }

  // ---- key–value blocks ----

  /** One labelled entry of a block; each value paragraph starts on its own line. */
  record Entry(String label, List<String> values) {
    static Entry of(String label, String... values) {
      return new Entry(label, List.of(values));
    }
  }

  /**
   * A block with an optional shaded title bar and labelled entries, kept on one page when it fits
   * on one.
   */
  void block(String title, String titleRight, List<Entry> entries, float labelWidth, float size)
      throws IOException {
    float lead = leading(size);
    if (titleRight != null
        && textWidth(regular, size, printable(regular, titleRight)) > width() * 0.4f) {
      // too long to share the title bar: give it a wrapped entry of its own
      List<Entry> withId = new ArrayList<>();
      withId.add(Entry.of("Reference", titleRight));
      withId.addAll(entries);
      entries = withId;
      titleRight = null;
    }
    float valueWidth = width() - labelWidth - 2 * CELL_PAD;
    float hang = textWidth(regular, size, BULLET);
    List<List<String>> wrapped = new ArrayList<>();
    float height = title == null ? 0 : lead + 2 * CELL_PAD + 2;
    for (Entry e : entries) {
      List<String> lines = new ArrayList<>();
      for (String v : e.values()) {
        if (v.startsWith(BULLET)) {
          // hanging indent: continuation lines align with the text after the bullet
          List<String> item = wrap(regular, size, v.substring(BULLET.length()), valueWidth - hang);
          for (int k = 0; k < item.size(); k++) {
            lines.add((k == 0 ? BULLET : INDENT) + item.get(k));
          }
        } else {
          lines.addAll(wrap(regular, size, v, valueWidth));
        }
      }
      if (lines.isEmpty()) {
        lines.add("");
      }
      wrapped.add(lines);
      height += lines.size() * lead + 2;
    }
    if (fitsOnAPage(height)) {
      ensure(height);
    } else {
      ensure(3 * lead + 2 * CELL_PAD);
    }
    if (title != null) {
      float barHeight = lead + 2 * CELL_PAD;
      fill(MARGIN_X, y - barHeight, width(), barHeight, SHADE);
      float baseline = y - CELL_PAD - size;
      String right = titleRight == null ? "" : printable(regular, titleRight);
      float rightWidth = textWidth(regular, size, right);
      String t = shorten(bold, size, printable(bold, title), width() - rightWidth - 4 * CELL_PAD);
      draw(bold, size, INK, MARGIN_X + CELL_PAD, baseline, t);
      draw(regular, size, MUTED, MARGIN_X + width() - CELL_PAD - rightWidth, baseline, right);
      y -= barHeight + 2;
    }
    for (int i = 0; i < entries.size(); i++) {
      List<String> lines = wrapped.get(i);
      for (int j = 0; j < lines.size(); j++) {
        ensure(lead);
        y -= lead;
        float baseline = y + lead - size - (lead - size) / 2;
        if (j == 0) {
          draw(
              bold,
              size * 0.92f,
              MUTED,
              MARGIN_X + CELL_PAD,
              baseline,
              printable(bold, entries.get(i).label()));
        }
        String line = lines.get(j);
        float x = MARGIN_X + labelWidth + CELL_PAD;
        if (line.startsWith(INDENT)) {
          line = line.substring(INDENT.length());
          x += hang;
        }
        draw(regular, size, INK, x, baseline, line);
      }
      y -= 2;
    }
  }

  // ---- finishing ----

  /** The text, or as much of it as fits followed by an ellipsis. */
  private String shorten(PDFont font, float size, String printable, float room) throws IOException {
    if (textWidth(font, size, printable) <= room) {
      return printable;
    }
    int cut = fittingPrefix(font, size, printable, room - textWidth(font, size, "…"));
    return printable.substring(0, cut).stripTrailing() + "…";
  }

  /** Closes the last page and stamps every page's footer: a note on the left, "Page x of y". */
  void finish(String footerLeft) throws IOException {
    closePage();
    int count = doc.getNumberOfPages();
    float size = 7.5f;
    String left = printable(regular, footerLeft);
    for (int i = 0; i < count; i++) {
      PDPage page = doc.getPage(i);
      try (PDPageContentStream stamp =
          new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
        out = stamp;
        hline(MARGIN_X, MARGIN_X + width(), FOOTER_BASELINE + 12, 0.4f, RULE);
        String pageText = String.format(Locale.ROOT, "Page %d of %d", i + 1, count);
        float room = width() - textWidth(regular, size, pageText) - 24;
        draw(regular, size, MUTED, MARGIN_X, FOOTER_BASELINE, shorten(regular, size, left, room));
        draw(
            regular,
            size,
            MUTED,
            MARGIN_X + width() - textWidth(regular, size, pageText),
            FOOTER_BASELINE,
            pageText);
      } finally {
        out = null;
      }
    }
  }
}
