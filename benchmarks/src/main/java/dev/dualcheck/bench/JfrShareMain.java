package dev.dualcheck.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording's execution samples: the share of samples with a frame in each named class
 * prefix (inclusive time, e.g. how much of an import is spent encrypting), and the hottest methods
 * by self time. Stack traces hold method names only, never data.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dualcheck.bench.JfrShareMain import.jfr \
 *     encryption=com.sun.crypto.provider.,dev.dualcheck.crypto.Aead sqlite=org.sqlite.
 * </pre>
 *
 * {@code -Dthread=NAME} counts only samples of threads whose name contains NAME (e.g. {@code
 * pool-2-} for the second scan's workers, {@code main} for WarmCheckMain); {@code -DskipSeconds=N}
 * drops the first N seconds of samples (start-up and JIT warm-up).
 */
public final class JfrShareMain {
  private static final int TOP = 15;

  private JfrShareMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: JfrShareMain FILE.jfr [label=prefix,prefix ...]");
      System.exit(2);
    }
    List<String> labels = new ArrayList<>();
    List<String[]> prefixes = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      labels.add(args[i].substring(0, eq));
      prefixes.add(args[i].substring(eq + 1).split(","));
    }
    long[] hits = new long[labels.size()];
    Map<String, Long> self = new HashMap<>();
    long samples = 0;
    String thread = System.getProperty("thread", "");
    Instant from = null;
    Duration skip = Duration.ofSeconds(Long.getLong("skipSeconds", 0));
    try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
          continue;
        }
        if (from == null) {
          from = event.getStartTime().plus(skip);
        }
        if (event.getStartTime().isBefore(from) || !onThread(event, thread)) {
          continue;
        }
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
          continue;
        }
        samples++;
        List<RecordedFrame> frames = stack.getFrames();
        self.merge(name(frames.get(0)), 1L, Long::sum);
        for (int l = 0; l < labels.size(); l++) {
          if (matches(frames, prefixes.get(l))) {
            hits[l]++;
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "samples=%d%n", samples);
    for (int l = 0; l < labels.size(); l++) {
      System.out.printf(
          Locale.ROOT,
          "share_%s=%.3f%n",
          labels.get(l),
          samples == 0 ? 0 : hits[l] / (double) samples);
    }
    long total = samples;
    self.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(TOP)
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT, "# %5.1f%% %s%n", 100.0 * e.getValue() / total, e.getKey()));
  }

  private static boolean onThread(RecordedEvent event, String name) {
    if (name.isEmpty()) {
      return true;
    }
    RecordedThread sampled = event.getThread("sampledThread");
    return sampled != null && sampled.getJavaName() != null && sampled.getJavaName().contains(name);
  }

  private static boolean matches(List<RecordedFrame> frames, String[] prefixes) {
    for (RecordedFrame frame : frames) {
      String name = name(frame);
      for (String prefix : prefixes) {
        if (name.startsWith(prefix)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }
}
