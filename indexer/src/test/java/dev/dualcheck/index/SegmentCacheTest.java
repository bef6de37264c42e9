package dev.dualcheck.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The per-file segment tables and the byte bound with CLOCK eviction. */
class SegmentCacheTest {

  @Test
  void hitsAreTheCachedArraysAndTheBoundEvictsUnreadSegmentsFirst() {
    SegmentCache cache = new SegmentCache(3 * 100);
    SegmentCache.Slots a = cache.slots(10);
    byte[][] segments = new byte[4][];
    for (int s = 0; s < 3; s++) {
      segments[s] = new byte[100];
      cache.put(a, s, segments[s]);
    }
    assertEquals(300, cache.bytes());
    assertSame(segments[1], cache.get(a, 1)); // read again: a second chance
    segments[3] = new byte[100];
    cache.put(a, 3, segments[3]);
    assertEquals(300, cache.bytes());
    assertNull(cache.get(a, 0), "the oldest unread segment went first");
    assertSame(segments[1], cache.get(a, 1));
    assertSame(segments[3], cache.get(a, 3));
    assertNull(cache.get(a, 9));
  }

  @Test
  void theFirstDecryptionOfASegmentWinsAndClosingAFileDropsOnlyItsSegments() {
    SegmentCache cache = new SegmentCache(1000);
    SegmentCache.Slots a = cache.slots(2);
    SegmentCache.Slots b = cache.slots(2);
    byte[] first = new byte[10];
    cache.put(a, 0, first);
    cache.put(a, 0, new byte[10]);
    assertSame(first, cache.get(a, 0));
    assertNull(cache.get(b, 0), "files do not share segment numbers");
    cache.put(b, 1, new byte[20]);
    assertEquals(30, cache.bytes());
    cache.remove(a);
    assertNull(cache.get(a, 0));
    assertNotNull(cache.get(b, 1));
    assertEquals(20, cache.bytes());
    cache.clear();
    assertNull(cache.get(b, 1));
    assertEquals(0, cache.bytes());
  }

  @Test
  void aSegmentLargerThanTheWholeCacheIsNotKept() {
    SegmentCache cache = new SegmentCache(50);
    SegmentCache.Slots a = cache.slots(1);
    cache.put(a, 0, new byte[51]);
    assertNull(cache.get(a, 0));
    assertEquals(0, cache.bytes());
  }
}
