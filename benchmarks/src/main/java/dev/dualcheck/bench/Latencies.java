package dev.dualcheck.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/** Per-call times in nanoseconds (wall or CPU) and their percentiles (nearest rank). */
final class Latencies {
  private final long[] nanos;
  private int size;

  Latencies(int capacity) {
    nanos = new long[capacity];
  }

  void add(long elapsedNanos) {
    nanos[size++] = elapsedNanos;
  }

  /**
   * A clock of this thread's CPU time, so that latencies on a machine shared with other busy
   * processes can be told apart from the time spent waiting for a core.
   */
  static long cpuNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  double percentileMillis(double p) {
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
  }

  double meanMillis() {
    long total = 0;
    for (int i = 0; i < size; i++) {
      total += nanos[i];
    }
    return total / 1e6 / size;
  }

  double totalSeconds() {
    return meanMillis() * size / 1e3;
  }

  /** {@code prefix_p50_ms=… prefix_p95_ms=…}: lines the end-to-end script reads. */
  void print(String prefix) {
    System.out.printf(
        Locale.ROOT,
        "%s_n=%d%n%s_mean_ms=%.3f%n%s_p50_ms=%.3f%n%s_p95_ms=%.3f%n%s_p99_ms=%.3f%n",
        prefix,
        size,
        prefix,
        meanMillis(),
        prefix,
        percentileMillis(50),
        prefix,
        percentileMillis(95),
        prefix,
        percentileMillis(99));
  }
}
