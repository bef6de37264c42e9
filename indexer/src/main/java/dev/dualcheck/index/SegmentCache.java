package dev.dualcheck.index;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decrypted segments shared by all inputs, clones and slices of one directory, bounded in bytes. A
 * hit takes no lock (searcher threads switch segments often); eviction is CLOCK, an approximation
 * of least-recently-used: a segment read since the hand last passed gets a second chance. Entries
 * are immutable arrays, so readers keep using an evicted one safely. Decrypted bytes live on the
 * heap only, never in a memory map.
 */
final class SegmentCache {
  private record Key(long file, long segment) {}

  private static final class Entry {
    final Key key;
    final byte[] plaintext;

    /** Set on every hit, cleared by the clock hand; a benign race if two threads set it. */
    volatile boolean referenced;

    Entry(Key key, byte[] plaintext) {
      this.key = key;
      this.plaintext = plaintext;
    }
  }

  private final long maxBytes;
  private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

  /** Guarded by this: insertion order, walked by the clock hand. */
  private final ArrayDeque<Entry> clock = new ArrayDeque<>();

  private long bytes;

  SegmentCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  byte[] get(long file, long segment) {
    Entry e = entries.get(new Key(file, segment));
    if (e == null) {
      return null;
    }
    if (!e.referenced) {
      e.referenced = true;
    }
    return e.plaintext;
  }

  synchronized void put(long file, long segment, byte[] plaintext) {
    if (plaintext.length > maxBytes) {
      return;
    }
    Entry e = new Entry(new Key(file, segment), plaintext);
    if (entries.putIfAbsent(e.key, e) != null) {
      return; // another thread decrypted the same segment first
    }
    clock.addLast(e);
    bytes += plaintext.length;
    while (bytes > maxBytes) {
      Entry victim = clock.pollFirst();
      if (victim.referenced) {
        victim.referenced = false;
        clock.addLast(victim);
      } else {
        entries.remove(victim.key);
        bytes -= victim.plaintext.length;
      }
    }
  }

  /** Drops the segments of a closed file, so its plaintext does not linger. */
  synchronized void remove(long file) {
    clock.removeIf(
        e -> {
          if (e.key.file() != file) {
            return false;
          }
          entries.remove(e.key);
          bytes -= e.plaintext.length;
          return true;
        });
  }

  synchronized void clear() {
    entries.clear();
    clock.clear();
    bytes = 0;
  }

  synchronized long bytes() {
    return bytes;
  }
}
