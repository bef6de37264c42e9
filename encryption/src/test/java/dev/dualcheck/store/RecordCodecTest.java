package dev.dualcheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
  @Test
  void roundTripsUnicodeAndLongText() {
    String longText = "ş".repeat(70_000);
    ClinicRecord record =
        new ClinicRecord(RecordKind.NOTE, "N1", Map.of("text", longText, "client_id", "Çİ1"));
    assertEquals(record, RecordCodec.decode(RecordCodec.encode(record)));
  }

  @Test
  void refusesTruncatedOrExtendedBytes() {
    byte[] encoded =
        RecordCodec.encode(new ClinicRecord(RecordKind.CLIENT, "C1", Map.of("given_name", "Ida")));
    assertNull(RecordCodec.decode(Arrays.copyOf(encoded, encoded.length - 1)));
    assertNull(RecordCodec.decode(Arrays.copyOf(encoded, encoded.length + 1)));
  }
}
