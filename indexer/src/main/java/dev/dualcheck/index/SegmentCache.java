package dev.dualcheck.index;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decrypted segments shared by all inputs, clones and slices of one directory, least recently used
 * first out, bounded in bytes. Entries are immutable arrays, so readers keep using an evicted one
 * safely. Decrypted bytes live on the heap only, never in a memory map.
 */
final class SegmentCache {
  private record Key(long file, long segment) {}

  private final long maxBytes;
  private final LinkedHashMap<Key, byte[]> entries = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;

  SegmentCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  synchronized byte[] get(long file, long segment) {
    return entries.get(new Key(file, segment));
  }

  synchronized void put(long file, long segment, byte[] plaintext) {
    if (plaintext.length > maxBytes) {
      return;
    }
    byte[] old = entries.put(new Key(file, segment), plaintext);
    if (old != null) {
      bytes -= old.length;
    }
    bytes += plaintext.length;
    Iterator<byte[]> it = entries.values().iterator();
    while (bytes > maxBytes && it.hasNext()) {
      bytes -= it.next().length;
      it.remove();
    }
  }

  /** Drops the segments of a closed file, so its plaintext does not linger. */
  synchronized void remove(long file) {
    Iterator<Map.Entry<Key, byte[]>> it = entries.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Key, byte[]> e = it.next();
      if (e.getKey().file() == file) {
        bytes -= e.getValue().length;
        it.remove();
      }
    }
  }

  synchronized void clear() {
    entries.clear();
    bytes = 0;
  }

  synchronized long bytes() {
    return bytes;
  }
}
