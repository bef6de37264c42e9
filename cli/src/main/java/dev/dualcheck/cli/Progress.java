package dev.dualcheck.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long command: a bar redrawn in place on a terminal, plain lines every ten per cent
 * otherwise (logs of a nightly run).
 */
final class Progress {

  private final PrintWriter err;
  private final String label;
  private final int total;
  private final boolean terminal;
  private int done;
  private int lastShown = -1;

  private Progress(PrintWriter err, String label, int total, boolean terminal) {
    this.err = err;
    this.label = label;
    this.total = total;
    this.terminal = terminal;
  }

  static Progress start(PrintWriter err, String label, int total) {
    return new Progress(err, label, total, System.console() != null);
  }

  /** Called with the number of items finished so far. */
  synchronized void update(int finished) {
    done = finished;
    int percent = total == 0 ? 100 : (int) (100L * done / total);
    if (terminal) {
      if (percent != lastShown) {
        int filled = percent / 4;
        err.print(
            String.format(
                Locale.ROOT,
                "\r%s [%s%s] %3d%% %d/%d",
                label,
                "#".repeat(filled),
                " ".repeat(25 - filled),
                percent,
                done,
                total));
        err.flush();
        lastShown = percent;
      }
    } else if (percent / 10 != lastShown / 10 || lastShown < 0) {
      err.println(String.format(Locale.ROOT, "%s: %d/%d (%d%%)", label, done, total, percent));
      lastShown = percent;
    }
  }

  synchronized void finish() {
    if (terminal) {
      err.println();
    }
    err.flush();
  }
}
