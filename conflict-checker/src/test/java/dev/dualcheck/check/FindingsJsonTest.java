package dev.dualcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FindingsJsonTest {

  private static ScanResult sample() {
    Finding plain =
        new Finding(
            FindingIds.of("K000017", ConflictType.IDENTITY, "client", "C000123"),
            "K000017",
            ConflictType.IDENTITY,
            Level.PROBABLE,
            0.97,
            "C000123",
            "client",
            List.of(new Evidence("given_name", "nickname", 2.4, "Bill", "William")),
            null,
            "Bill Turner",
            "William Turner");
    Finding resolved =
        new Finding(
                FindingIds.of("K000018", ConflictType.NOTE_MENTION, "note", "N1"),
                "K000018",
                ConflictType.NOTE_MENTION,
                Level.POSSIBLE,
                0.6,
                "C000124",
                "note",
                List.of(new Evidence("note_text", "full_name", 12.5, "Anna Berg", null)),
                null,
                "Anna Berg",
                null)
            .withResolution(
                new Resolution(
                    "not_same_person",
                    "checked",
                    "director",
                    Instant.parse("2026-11-28T01:00:00Z")));
    return new ScanResult(
        "S-1", Instant.parse("2026-11-27T23:00:00Z"), 3, List.of(plain, resolved));
  }

  @Test
  void roundTripKeepsEverythingButNamesAndValues() throws Exception {
    ScanResult result = sample();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FindingsJson.write(result, out);
    ScanResult back = FindingsJson.read(new ByteArrayInputStream(out.toByteArray()));
    assertEquals(result.scanId(), back.scanId());
    assertEquals(result.created(), back.created());
    assertEquals(result.contacts(), back.contacts());
    assertEquals(2, back.findings().size());
    for (int i = 0; i < 2; i++) {
      Finding a = result.findings().get(i);
      Finding b = back.findings().get(i);
      assertEquals(a.id(), b.id());
      assertEquals(a.contactId(), b.contactId());
      assertEquals(a.type(), b.type());
      assertEquals(a.level(), b.level());
      assertEquals(a.score(), b.score(), 1e-4);
      assertEquals(a.ref(), b.ref());
      assertEquals(a.record(), b.record());
      assertEquals(a.resolution(), b.resolution());
      assertEquals(a.evidence().get(0).field(), b.evidence().get(0).field());
      assertEquals(a.evidence().get(0).comparison(), b.evidence().get(0).comparison());
      assertEquals(a.evidence().get(0).weight(), b.evidence().get(0).weight(), 0.01);
      assertNull(b.contactName());
      assertNull(b.evidence().get(0).contactValue());
    }
  }

  @Test
  void exactKeySetAndNoPersonalData() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FindingsJson.write(sample(), out);
    String json = out.toString(StandardCharsets.UTF_8);
    assertFalse(json.contains("Bill"), json);
    assertFalse(json.contains("Turner"), json);
    assertFalse(json.contains("Anna"), json);
    JsonNode root = new ObjectMapper().readTree(json);
    assertEquals(Set.of("scan_id", "created", "contacts", "findings"), keys(root));
    JsonNode finding = root.get("findings").get(0);
    assertEquals(
        Set.of(
            "id",
            "contact_id",
            "type",
            "level",
            "score",
            "ref",
            "record",
            "evidence",
            "resolution"),
        keys(finding));
    assertTrue(finding.get("resolution").isNull());
    assertEquals("identity", finding.get("type").asText());
    assertEquals("probable", finding.get("level").asText());
    assertEquals(Set.of("field", "comparison", "weight"), keys(finding.get("evidence").get(0)));
    assertEquals(
        Set.of("decision", "note", "by", "at"),
        keys(root.get("findings").get(1).get("resolution")));
    assertEquals("2026-11-27T23:00:00Z", root.get("created").asText());
  }

  @Test
  void idsAreStableAndDistinct() {
    String id = FindingIds.of("K1", ConflictType.IDENTITY, "client", "C1");
    assertEquals(id, FindingIds.of("K1", ConflictType.IDENTITY, "client", "C1"));
    assertTrue(id.matches("F-[0-9a-f]{16}"), id);
    assertNotEquals(id, FindingIds.of("K1", ConflictType.ASSOCIATE, "client", "C1"));
    assertNotEquals(id, FindingIds.of("K1", ConflictType.IDENTITY, "client", "C2"));
    assertNotEquals(id, FindingIds.of("K2", ConflictType.IDENTITY, "client", "C1"));
  }

  @Test
  void waterfallListsEveryField() {
    String text = Explanation.waterfall(sample().findings().get(0));
    assertTrue(text.contains("given_name"), text);
    assertTrue(text.contains("nickname"), text);
    assertTrue(text.contains("+2.40"), text);
    assertTrue(text.contains("total"), text);
    assertTrue(text.contains("probable identity C000123"), text);
  }

  private static Set<String> keys(JsonNode node) {
    Set<String> keys = new HashSet<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
