package dev.dualcheck.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class NameKeysTest {

  @Test
  void familyFormsCoverParticlesCompoundsAndJoinedSpellings() {
    assertTrue(NameKeys.familyForms("van den Berg").containsAll(Set.of("berg", "vandenberg")));
    assertTrue(NameKeys.familyForms("Al-Sayed").containsAll(Set.of("sayed", "alsayed")));
    assertTrue(NameKeys.familyForms("O'Brien").contains("obrien"));
    assertTrue(
        NameKeys.familyForms("García-López").containsAll(Set.of("garcia", "lopez", "garcialopez")));
    assertEquals(Set.of(), NameKeys.familyForms(""));
  }

  @Test
  void spellingsAndNicknames() {
    assertTrue(NameKeys.sameSpelling("muller", "mueller"));
    assertTrue(NameKeys.sameSpelling("kowalski", "kowalsky"));
    assertFalse(NameKeys.sameSpelling("muller", "miller"));
    assertTrue(NameKeys.nicknameEquivalent("bill", "william"));
    assertFalse(NameKeys.nicknameEquivalent("bill", "robert"));
    assertEquals(List.of("berg"), NameKeys.core(List.of("van", "den", "berg")));
    assertEquals(List.of("le"), NameKeys.core(List.of("le")));
  }

  @Test
  void contactKeys() {
    assertEquals("5550143", ContactKeys.phoneTail("(202) 555-0143"));
    assertEquals("", ContactKeys.phoneTail("12-34"));
    assertEquals("sw1a1aa", ContactKeys.postal("SW1A 1AA"));
    assertEquals("a@example.org", ContactKeys.email("A+x@Example.org"));
  }

  @Test
  void recordCodecRoundTripsKnownAndExtraColumns() throws Exception {
    ClinicRecord note =
        new ClinicRecord(
            RecordKind.NOTE,
            "N1",
            Map.of("client_id", "C1", "text", "Zoë met Łukasz.", "version", "3"));
    assertEquals(note, RecordCodec.decode(new BytesRef(RecordCodec.encode(note))));
    ClinicRecord empty = new ClinicRecord(RecordKind.STAFF, "S1", Map.of());
    assertEquals(empty, RecordCodec.decode(new BytesRef(RecordCodec.encode(empty))));
  }
}
