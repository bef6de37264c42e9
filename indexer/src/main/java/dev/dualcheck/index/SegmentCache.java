package dev.dualcheck.index;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Decrypted segments shared by all inputs, clones and slices of one directory, bounded in bytes.
 * Each cached file has a table of its segments by number ({@link Slots}), so a hit is one array
 * read: no key object, no hashing, no lock (searcher threads switch segments often, and a hash
 * lookup on every switch was a twelfth of a check). Eviction is CLOCK, an approximation of
 * least-recently-used: a segment read since the hand last passed gets a second chance. Entries are
 * immutable arrays, so readers keep using an evicted one safely. Decrypted bytes live on the heap
 * only, never in a memory map.
 */
final class SegmentCache {

  /** The cached segments of one opened file, by segment number; null where not cached. */
  static final class Slots {
    private final AtomicReferenceArray<Entry> entries;

    private Slots(long segments) {
      if (segments > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("too many segments to cache: " + segments);
      }
      entries = new AtomicReferenceArray<>((int) segments);
    }
  }

  private static final class Entry {
    final Slots owner;
    final int segment;
    final byte[] plaintext;

    /** Set on every hit, cleared by the clock hand; a benign race if two threads set it. */
    volatile boolean referenced;

    Entry(Slots owner, int segment, byte[] plaintext) {
      this.owner = owner;
      this.segment = segment;
      this.plaintext = plaintext;
    }
  }

  private final long maxBytes;

  /** Guarded by this: insertion order, walked by the clock hand. */
  private final ArrayDeque<Entry> clock = new ArrayDeque<>();

  private long bytes;

  SegmentCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** An empty table for a file of {@code segments} segments. */
  Slots slots(long segments) {
    return new Slots(segments);
  }

  byte[] get(Slots slots, long segment) {
    Entry e = slots.entries.get((int) segment);
    if (e == null) {
      return null;
    }
    if (!e.referenced) {
      e.referenced = true;
    }
    return e.plaintext;
  }

  synchronized void put(Slots slots, long segment, byte[] plaintext) {
    if (plaintext.length > maxBytes) {
      return;
    }
    Entry e = new Entry(slots, (int) segment, plaintext);
    if (!slots.entries.compareAndSet(e.segment, null, e)) {
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
        victim.owner.entries.compareAndSet(victim.segment, victim, null);
        bytes -= victim.plaintext.length;
      }
    }
  }

  /** Drops the segments of a closed file, so its plaintext does not linger. */
  synchronized void remove(Slots slots) {
    clock.removeIf(
        e -> {
          if (e.owner != slots) {
            return false;
          }
          slots.entries.compareAndSet(e.segment, e, null);
          bytes -= e.plaintext.length;
          return true;
        });
  }

  synchronized void clear() {
    for (Entry e : clock) {
      e.owner.entries.compareAndSet(e.segment, e, null);
    }
    clock.clear();
    bytes = 0;
  }

  synchronized long bytes() {
    return bytes;
  }
}
