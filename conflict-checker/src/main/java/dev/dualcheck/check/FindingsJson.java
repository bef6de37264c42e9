package dev.dualcheck.check;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings JSON of DESIGN.md (snake_case keys). Names and compared values are left out: the
 * file says which records to look at and why, not who the people are.
 */
public final class FindingsJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private FindingsJson() {}

  public static void write(ScanResult result, OutputStream out) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("scan_id", result.scanId());
    root.put("created", result.created().toString());
    root.put("contacts", result.contacts());
    ArrayNode findings = root.putArray("findings");
    for (Finding f : result.findings()) {
      ObjectNode node = findings.addObject();
      node.put("id", f.id());
      node.put("contact_id", f.contactId());
      node.put("type", f.type().jsonName());
      node.put("level", f.level().jsonName());
      node.put("score", round(f.score(), 4));
      node.put("ref", f.ref());
      node.put("record", f.record());
      ArrayNode evidence = node.putArray("evidence");
      for (Evidence e : f.evidence()) {
        ObjectNode ev = evidence.addObject();
        ev.put("field", e.field());
        ev.put("comparison", e.comparison());
        ev.put("weight", round(e.weight(), 2));
      }
      Resolution r = f.resolution();
      if (r == null) {
        node.putNull("resolution");
      } else {
        ObjectNode res = node.putObject("resolution");
        res.put("decision", r.decision());
        res.put("note", r.note());
        res.put("by", r.by());
        res.put("at", r.at() == null ? null : r.at().toString());
      }
    }
    MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, root);
  }

  /** Reads a findings file; names and compared values come back as null. */
  public static ScanResult read(InputStream in) throws IOException {
    JsonNode root = MAPPER.readTree(in);
    if (root == null || !root.isObject()) {
      throw new IOException("findings JSON: not an object");
    }
    List<Finding> findings = new ArrayList<>();
    int i = 0;
    for (JsonNode f : required(root, "findings", "")) {
      String where = "findings[" + i++ + "]";
      List<Evidence> evidence = new ArrayList<>();
      for (JsonNode e : required(f, "evidence", where)) {
        evidence.add(
            new Evidence(
                text(e, "field", where),
                text(e, "comparison", where),
                required(e, "weight", where).asDouble(),
                null,
                null));
      }
      JsonNode r = f.get("resolution");
      Resolution resolution = null;
      if (r != null && !r.isNull()) {
        JsonNode at = r.get("at");
        resolution =
            new Resolution(
                text(r, "decision", where),
                r.path("note").isNull() ? null : r.path("note").asText(null),
                r.path("by").isNull() ? null : r.path("by").asText(null),
                at == null || at.isNull() ? null : instant(at.asText(), where));
      }
      try {
        findings.add(
            new Finding(
                text(f, "id", where),
                text(f, "contact_id", where),
                ConflictType.fromJsonName(text(f, "type", where)),
                Level.fromJsonName(text(f, "level", where)),
                required(f, "score", where).asDouble(),
                text(f, "ref", where),
                text(f, "record", where),
                evidence,
                resolution,
                null,
                null));
      } catch (IllegalArgumentException e) {
        throw new IOException("findings JSON " + where + ": unknown type or level", e);
      }
    }
    return new ScanResult(
        text(root, "scan_id", ""),
        instant(text(root, "created", ""), "created"),
        required(root, "contacts", "").asInt(),
        findings);
  }

  private static JsonNode required(JsonNode node, String key, String where) throws IOException {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw new IOException("findings JSON " + where + ": missing " + key);
    }
    return value;
  }

  private static String text(JsonNode node, String key, String where) throws IOException {
    return required(node, key, where).asText();
  }

  private static Instant instant(String text, String where) throws IOException {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IOException("findings JSON " + where + ": not an ISO instant", e);
    }
  }

  private static double round(double value, int places) {
    double scale = Math.pow(10, places);
    return Math.round(value * scale) / scale;
  }
}
