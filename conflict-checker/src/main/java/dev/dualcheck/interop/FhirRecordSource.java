package dev.dualcheck.interop;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dualcheck.spi.Options;
import dev.dualcheck.spi.RecordSource;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.CsvFormatException;
import dev.dualcheck.store.CsvRecords;
import dev.dualcheck.store.RecordKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * FHIR R4 JSON (a Bundle, a single resource, or NDJSON with one resource a line): Patient →
 * clients, RelatedPerson → associates, Practitioner → staff; other resources are skipped. Ids come
 * from the identifier of the {@code identifier_system} option, else the resource id. Errors name
 * the file and a JSON pointer ("bundle.json: /entry/3/resource/birthDate: expected a date …").
 */
public final class FhirRecordSource implements RecordSource {

  private static final String DATE_EXPECTED = "expected a date YYYY, YYYY-MM or YYYY-MM-DD";

  /**
   * Option: the identifier systems (comma-separated, first match wins) whose value is the client or
   * staff id, e.g. the clinic's MRN system and its staff number system.
   */
  public static final String IDENTIFIER_SYSTEM = "identifier_system";

  private static final List<String> NAME_USES =
      List.of("usual", "official", "temp", "nickname", "anonymous", "old", "maiden");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "fhir";
  }

  @Override
  public boolean accepts(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".json") || name.endsWith(".ndjson");
  }

  @Override
  public Set<RecordKind> kinds() {
    return EnumSet.of(RecordKind.CLIENT, RecordKind.ASSOCIATE, RecordKind.STAFF);
  }

  @Override
  public List<ClinicRecord> read(Path file, RecordKind kind, Options options)
      throws IOException, CsvFormatException {
    List<Resource> resources = parse(file);
    List<ClinicRecord> records =
        new Mapping(file, options.get(IDENTIFIER_SYSTEM).orElse(null), resources).map();
    return kind == null ? records : records.stream().filter(r -> r.kind() == kind).toList();
  }

  /** A resource and the JSON pointer to it (with the NDJSON line, if any). */
  private record Resource(JsonNode node, String pointer, String fullUrl) {}

  private static List<Resource> parse(Path file) throws IOException, CsvFormatException {
    List<Resource> resources = new ArrayList<>();
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ndjson")) {
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        int lineNo = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          lineNo++;
          if (!line.isBlank()) {
            String where = "line " + lineNo;
            resources.add(new Resource(tree(file, line, where), where + ": ", null));
          }
        }
      }
      return resources;
    }
    JsonNode root = tree(file, Files.readString(file, StandardCharsets.UTF_8), null);
    if ("Bundle".equals(root.path("resourceType").asText())) {
      JsonNode entries = root.path("entry");
      for (int i = 0; i < entries.size(); i++) {
        JsonNode entry = entries.get(i);
        String fullUrl = entry.path("fullUrl").isTextual() ? entry.path("fullUrl").asText() : null;
        resources.add(new Resource(entry.path("resource"), "/entry/" + i + "/resource", fullUrl));
      }
    } else {
      resources.add(new Resource(root, "", null));
    }
    return resources;
  }

  private static JsonNode tree(Path file, String text, String where) throws CsvFormatException {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.isObject()) {
        throw CsvFormatException.at(file, where == null ? "/" : where, "expected a JSON object");
      }
      return node;
    } catch (JsonParseException e) {
      // Jackson's message quotes the offending text: name the place only
      String place =
          (where == null ? "" : where + ", ")
              + "column "
              + e.getLocation().getColumnNr()
              + (where == null ? ", line " + e.getLocation().getLineNr() : "");
      throw CsvFormatException.at(file, place, "malformed JSON");
    } catch (JsonProcessingException e) {
      throw CsvFormatException.at(file, where == null ? "/" : where, "malformed JSON");
    }
  }

  /** Maps resources to records, resolving references within the file. */
  private static final class Mapping {
    private final Path file;
    private final String identifierSystem;
    private final List<Resource> resources;
    private final Map<String, String> clientIds = new LinkedHashMap<>();
    private final Map<String, String> staffIds = new LinkedHashMap<>();

    Mapping(Path file, String identifierSystem, List<Resource> resources) {
      this.file = file;
      this.identifierSystem = identifierSystem;
      this.resources = resources;
    }

    List<ClinicRecord> map() throws CsvFormatException {
      // ids first, so that references resolve whatever the order of the resources
      for (Resource r : resources) {
        String type = r.node().path("resourceType").asText("");
        if (type.isEmpty()) {
          throw fail(r.pointer() + "/resourceType", "expected a resource type");
        }
        if (type.equals("Patient")) {
          remember(r, type, clientIds, id(r));
        } else if (type.equals("Practitioner")) {
          remember(r, type, staffIds, id(r));
        }
      }
      List<ClinicRecord> records = new ArrayList<>();
      for (Resource r : resources) {
        switch (r.node().path("resourceType").asText()) {
          case "Patient" -> records.add(patient(r));
          case "RelatedPerson" -> records.add(relatedPerson(r));
          case "Practitioner" -> records.add(practitioner(r));
          default -> {} // encounters, observations, …: not people
        }
      }
      return records;
    }

    private static void remember(Resource r, String type, Map<String, String> ids, String id) {
      String resourceId = r.node().path("id").asText("");
      if (!resourceId.isEmpty()) {
        ids.put(type + "/" + resourceId, id);
      }
      if (r.fullUrl() != null) {
        ids.put(r.fullUrl(), id);
      }
    }

    private ClinicRecord patient(Resource r) throws CsvFormatException {
      Map<String, String> fields = person(r);
      String id = id(r);
      fields.put("client_id", id);
      JsonNode gp = r.node().path("generalPractitioner");
      for (int i = 0; i < gp.size(); i++) {
        String ref = gp.get(i).path("reference").asText("");
        if (ref.startsWith("Practitioner/") || staffIds.containsKey(ref)) {
          fields.put(
              "clinician_id", staffIds.getOrDefault(ref, ref.substring(ref.indexOf('/') + 1)));
          break;
        }
      }
      JsonNode links = r.node().path("link");
      Set<String> linked = new LinkedHashSet<>();
      for (int i = 0; i < links.size(); i++) {
        String ref = links.get(i).path("other").path("reference").asText("");
        String pointer = r.pointer() + "/link/" + i + "/other/reference";
        if (ref.startsWith("Patient/") || clientIds.containsKey(ref)) {
          linked.add(clientIds.getOrDefault(ref, ref.substring(ref.indexOf('/') + 1)));
        } else if (!ref.startsWith("RelatedPerson/")) {
          throw fail(pointer, "expected a reference to a Patient or RelatedPerson");
        }
      }
      linked.remove(id);
      if (!linked.isEmpty()) {
        fields.put("linked_client_ids", String.join(";", linked));
      }
      return new ClinicRecord(RecordKind.CLIENT, id, fields);
    }

    private ClinicRecord relatedPerson(Resource r) throws CsvFormatException {
      Map<String, String> fields = person(r);
      fields.remove("alias_given_names");
      fields.remove("former_family_names");
      String id = id(r);
      fields.put("associate_id", id);
      String ref = r.node().path("patient").path("reference").asText("");
      if (!ref.startsWith("Patient/") && !clientIds.containsKey(ref)) {
        throw fail(r.pointer() + "/patient/reference", "expected a reference to a Patient");
      }
      fields.put("client_id", clientIds.getOrDefault(ref, ref.substring(ref.indexOf('/') + 1)));
      fields.put("relation", relation(r.node().path("relationship")));
      return new ClinicRecord(RecordKind.ASSOCIATE, id, fields);
    }

    private ClinicRecord practitioner(Resource r) throws CsvFormatException {
      Map<String, String> fields = person(r);
      fields.remove("alias_given_names");
      fields.remove("former_family_names");
      String id = id(r);
      fields.put("staff_id", id);
      fields.put("role", "clinician");
      return new ClinicRecord(RecordKind.STAFF, id, fields);
    }

    /** The id: the configured identifier system's value, else the resource id. */
    private String id(Resource r) throws CsvFormatException {
      JsonNode identifiers = r.node().path("identifier");
      if (identifierSystem != null) {
        for (String system : identifierSystem.split(",")) {
          for (int i = 0; i < identifiers.size(); i++) {
            JsonNode identifier = identifiers.get(i);
            if (system.strip().equals(identifier.path("system").asText())
                && !identifier.path("value").asText("").isBlank()) {
              return identifier.path("value").asText().strip();
            }
          }
        }
      }
      String id = r.node().path("id").asText("");
      if (id.isBlank()) {
        throw fail(
            r.pointer() + (identifierSystem != null ? "/identifier" : "/id"),
            identifierSystem != null
                ? "expected an identifier of the configured system, or a resource id"
                : "expected a resource id");
      }
      return id.strip();
    }

    /** Names, birth date, sex, phone, e-mail and address, as contract fields. */
    private Map<String, String> person(Resource r) throws CsvFormatException {
      JsonNode node = r.node();
      Map<String, String> fields = new LinkedHashMap<>();
      names(r, fields);
      JsonNode birthDate = node.path("birthDate");
      if (!birthDate.isMissingNode()) {
        if (!birthDate.isTextual() || !CsvRecords.isDate(birthDate.asText())) {
          throw fail(r.pointer() + "/birthDate", DATE_EXPECTED);
        }
        fields.put("dob", birthDate.asText());
      }
      switch (node.path("gender").asText("")) {
        case "male" -> fields.put("sex", "M");
        case "female" -> fields.put("sex", "F");
        default -> {}
      }
      JsonNode telecom = node.path("telecom");
      for (int i = 0; i < telecom.size(); i++) {
        JsonNode t = telecom.get(i);
        String value = t.path("value").asText("").strip();
        if (value.isEmpty() || t.path("use").asText("").equals("old")) {
          continue;
        }
        switch (t.path("system").asText("")) {
          case "phone", "sms" -> fields.putIfAbsent("phone", value);
          case "email" -> fields.putIfAbsent("email", value);
          default -> {}
        }
      }
      JsonNode address = preferred(node.path("address"));
      if (address != null) {
        List<String> lines = new ArrayList<>();
        address.path("line").forEach(l -> lines.add(l.asText("").strip()));
        put(fields, "street", String.join(", ", lines.stream().filter(s -> !s.isEmpty()).toList()));
        put(fields, "city", address.path("city").asText(""));
        put(fields, "postal_code", address.path("postalCode").asText(""));
      }
      return fields;
    }

    /** The first home address not marked old, else the first not old. */
    private static JsonNode preferred(JsonNode addresses) {
      JsonNode fallback = null;
      for (JsonNode a : addresses) {
        String use = a.path("use").asText("");
        if (use.equals("old")) {
          continue;
        }
        if (use.equals("home")) {
          return a;
        }
        if (fallback == null) {
          fallback = a;
        }
      }
      return fallback;
    }

    /**
     * Every name by its use: the first official (else usual, else unmarked) name gives given,
     * middle and family; a nickname's given names and any other name's differing given name become
     * alias_given_names; a maiden, old or other name's differing family becomes a former family
     * name. Anonymous names (pseudonyms for privacy) are left out.
     */
    private void names(Resource r, Map<String, String> fields) throws CsvFormatException {
      JsonNode names = r.node().path("name");
      int primary = -1;
      int primaryRank = Integer.MAX_VALUE;
      for (int i = 0; i < names.size(); i++) {
        String use = names.get(i).path("use").asText("");
        if (!use.isEmpty() && !NAME_USES.contains(use)) {
          throw fail(
              r.pointer() + "/name/" + i + "/use",
              "expected one of " + String.join(", ", NAME_USES));
        }
        int rank =
            switch (use) {
              case "official" -> 0;
              case "usual" -> 1;
              case "" -> 2;
              case "temp" -> 3;
              default -> Integer.MAX_VALUE;
            };
        if (rank < primaryRank && hasParts(names.get(i))) {
          primary = i;
          primaryRank = rank;
        }
      }
      if (primary < 0) {
        throw fail(
            r.pointer() + "/name",
            "expected an official, usual or unmarked name with a given or family part");
      }
      Parts main = parts(names.get(primary));
      put(fields, "given_name", main.given().isEmpty() ? "" : main.given().get(0));
      put(
          fields,
          "middle_name",
          String.join(
              " ", main.given().subList(Math.min(1, main.given().size()), main.given().size())));
      put(fields, "family_name", main.family());
      Set<String> aliases = new LinkedHashSet<>();
      Set<String> formers = new LinkedHashSet<>();
      for (int i = 0; i < names.size(); i++) {
        if (i == primary) {
          continue;
        }
        String use = names.get(i).path("use").asText("");
        if (use.equals("anonymous")) {
          continue;
        }
        Parts other = parts(names.get(i));
        if (use.equals("nickname")) {
          aliases.addAll(other.given());
          if (other.given().isEmpty() && other.family().isEmpty() && !other.text().isEmpty()) {
            aliases.add(other.text());
          }
          continue;
        }
        if (!other.given().isEmpty()
            && !other.given().get(0).equalsIgnoreCase(fields.getOrDefault("given_name", ""))) {
          aliases.add(other.given().get(0));
        }
        if (!other.family().isEmpty() && !other.family().equalsIgnoreCase(main.family())) {
          formers.add(other.family());
        }
      }
      put(fields, "alias_given_names", String.join(";", aliases));
      put(fields, "former_family_names", String.join(";", formers));
    }

    private record Parts(List<String> given, String family, String text) {}

    private static boolean hasParts(JsonNode name) {
      Parts p = parts(name);
      return !p.given().isEmpty() || !p.family().isEmpty();
    }

    /** Given names and family; a name with only {@code text} is split at its last word. */
    private static Parts parts(JsonNode name) {
      List<String> given = new ArrayList<>();
      name.path("given").forEach(g -> addIfPresent(given, g.asText("")));
      String family = name.path("family").asText("").strip();
      String text = name.path("text").asText("").strip();
      if (given.isEmpty() && family.isEmpty() && !text.isEmpty()) {
        String[] words = text.split("\\s+");
        for (int i = 0; i < words.length - 1; i++) {
          given.add(words[i]);
        }
        family = words[words.length - 1];
      }
      return new Parts(given, family, text);
    }

    private static void addIfPresent(List<String> list, String value) {
      if (!value.isBlank()) {
        list.add(value.strip());
      }
    }

    /** v3 RoleCode (and FHIR's patient-contact relationship) codes to the contract's relations. */
    private static String relation(JsonNode relationships) {
      for (JsonNode concept : relationships) {
        for (JsonNode coding : concept.path("coding")) {
          String mapped = relationOf(coding.path("code").asText("").toUpperCase(Locale.ROOT));
          if (mapped != null) {
            return mapped;
          }
        }
      }
      return "other";
    }

    private static String relationOf(String code) {
      return switch (code) {
        case "SPS", "HUSB", "WIFE", "DOMPART", "SIGOTHR", "FMRSPS" -> "spouse";
        case "MTH",
            "FTH",
            "PRN",
            "NMTH",
            "NFTH",
            "NPRN",
            "STPMTH",
            "STPFTH",
            "STPPRN",
            "ADOPTMTH",
            "ADOPTFTH",
            "ADOPTP" ->
            "parent";
        case "CHILD", "SON", "DAU", "NCHILD", "STPCHLD", "CHLDADOPT", "CHLDFOST" -> "child";
        case "SIB", "BRO", "SIS", "NSIB", "HSIB", "STPSIB", "TWIN" -> "sibling";
        case "FRND" -> "friend";
        case "NBOR" -> "neighbour";
        case "GUARD", "GUADLTM" -> "guardian";
        case "E" -> "employer"; // v2 table 0131, used in Patient.contact and RelatedPerson
        default -> null;
      };
    }

    private static void put(Map<String, String> fields, String column, String value) {
      if (value != null && !value.isBlank()) {
        fields.put(column, value.strip());
      }
    }

    private CsvFormatException fail(String pointer, String expected) {
      return CsvFormatException.at(file, pointer.isEmpty() ? "/" : pointer, expected);
    }
  }
}
