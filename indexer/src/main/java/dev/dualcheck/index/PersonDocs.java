package dev.dualcheck.index;

import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/** The index schema: field names and how a record becomes a document. */
final class PersonDocs {

  static final String KEY = "key";
  static final String KIND = "kind";

  /** Marks person documents, so that their number is one docFreq away. */
  static final String PERSON = "person";

  static final String RECORD = "rec";
  static final String GIVEN = "given";
  static final String NICK = "nick";
  static final String FAMILY = "family";
  static final String GIVEN_PHONETIC = "given_ph";
  static final String FAMILY_PHONETIC = "family_ph";
  static final String DOB = "dob";
  static final String PHONE = "phone";
  static final String EMAIL = "email";
  static final String POSTAL = "postal";
  static final String STREET = "street";

  /** The client a note or an associate belongs to. */
  static final String CLIENT = "client";

  /** The clinician who declared a tie. */
  static final String STAFF = "staff";

  static final String TEXT = "text";

  /** Keys of the names a note's capitalised words may be ({@link NoteNames#keys}). */
  static final String MENTION = "mention";

  /** Mention keys are looked up, never scored by frequency or position: documents only. */
  private static final FieldType MENTION_TYPE = new FieldType();

  static {
    MENTION_TYPE.setIndexOptions(IndexOptions.DOCS);
    MENTION_TYPE.setTokenized(true);
    MENTION_TYPE.setOmitNorms(true);
    MENTION_TYPE.freeze();
  }

  private PersonDocs() {}

  static String key(ClinicRecord record) {
    if (record.kind() == RecordKind.NOTE) {
      String version = record.get("version");
      return "note:" + record.id() + ":" + (version.isEmpty() ? "1" : version);
    }
    return record.kind().singular() + ":" + record.id();
  }

  /** The blocking keys of a person, computed the same way for records and for contacts. */
  record Keys(
      Set<String> given,
      Set<String> nick,
      Set<String> family,
      Set<String> givenPhonetic,
      Set<String> familyPhonetic,
      String dob,
      String phone,
      String email,
      String postal,
      Set<String> street) {}

  static Keys keys(ClinicRecord person) {
    Set<String> given = new LinkedHashSet<>();
    given.addAll(NameKeys.tokens(person.get("given_name")));
    given.addAll(NameKeys.tokens(person.get("middle_name")));
    // names the person also goes by (a FHIR nickname), so a check by that name finds them
    given.addAll(NameKeys.tokens(person.get("alias_given_names").replace(';', ' ')));
    // initials only block through their other fields
    given.removeIf(t -> t.length() < 2);
    Set<String> nick = new LinkedHashSet<>();
    for (String g : given) {
      nick.addAll(NameKeys.nicknameKeys(g));
    }
    Set<String> family = new LinkedHashSet<>(NameKeys.familyForms(person.get("family_name")));
    for (String former : person.get("former_family_names").split(";")) {
      family.addAll(NameKeys.familyForms(former));
    }
    // one-letter family tokens (the "o" of "O Brien") block nothing useful
    family.removeIf(t -> t.length() < 2);
    Set<String> givenPhonetic = new LinkedHashSet<>();
    for (String g : given) {
      givenPhonetic.add(NameKeys.phonetic(g));
    }
    Set<String> familyPhonetic = new LinkedHashSet<>();
    for (String f : family) {
      familyPhonetic.add(NameKeys.phonetic(f));
    }
    String dob = person.get("dob").strip();
    return new Keys(
        given,
        nick,
        family,
        givenPhonetic,
        familyPhonetic,
        dob.length() == 10 ? dob : "",
        ContactKeys.phoneTail(person.get("phone")),
        ContactKeys.email(person.get("email")),
        ContactKeys.postal(person.get("postal_code")),
        streetKeys(person.get("street")));
  }

  /** Street name words that tell streets apart: not numbers, not "street" or "road". */
  static Set<String> streetKeys(String street) {
    Set<String> keys = new LinkedHashSet<>();
    for (String t : NameKeys.tokens(street)) {
      if (t.length() >= 4 && !Character.isDigit(t.charAt(0)) && !GENERIC_STREET_WORDS.contains(t)) {
        keys.add(t);
      }
    }
    return keys;
  }

  private static final Set<String> GENERIC_STREET_WORDS =
      Set.of(
          "street",
          "road",
          "avenue",
          "lane",
          "drive",
          "court",
          "place",
          "terrace",
          "close",
          "crescent",
          "circuit",
          "boulevard",
          "blvd",
          "way",
          "apartment",
          "unit",
          "flat",
          "suite",
          "north",
          "south",
          "east",
          "west",
          "strasse",
          "calle");

  /** The document of a record. */
  static Document document(ClinicRecord record) {
    Document doc = new Document();
    doc.add(new StringField(KEY, key(record), Field.Store.NO));
    doc.add(new StringField(KIND, record.kind().singular(), Field.Store.NO));
    // doc values, not stored fields: a candidate is read without decompressing a block of others
    doc.add(new BinaryDocValuesField(RECORD, new BytesRef(RecordCodec.encode(record))));
    if (record.kind() == RecordKind.NOTE) {
      doc.add(new StringField(CLIENT, record.get("client_id"), Field.Store.NO));
      String text = record.get("text");
      doc.add(new TextField(TEXT, String.join(" ", NameKeys.tokens(text)), Field.Store.NO));
      Set<String> keys = new LinkedHashSet<>();
      for (NoteNames.Mention m : NoteNames.in(text)) {
        keys.addAll(NoteNames.keys(m.given().get(0), m.family()));
      }
      if (!keys.isEmpty()) {
        doc.add(new Field(MENTION, String.join(" ", keys), MENTION_TYPE));
      }
      return doc;
    }
    doc.add(new StringField(PERSON, "1", Field.Store.NO));
    if (record.kind() == RecordKind.ASSOCIATE) {
      addOne(doc, CLIENT, record.get("client_id"));
    } else if (record.kind() == RecordKind.TIE) {
      addOne(doc, STAFF, record.get("staff_id"));
    }
    forEachTerm(keys(record), (field, term) -> addOne(doc, field, term));
    return doc;
  }

  /**
   * Each blocking field and term a person document is indexed under, empty values left out; the
   * staff and tie table ({@link SmallKindTable}) reads the same terms, so it matches as Lucene
   * does.
   */
  static void forEachTerm(Keys keys, BiConsumer<String, String> sink) {
    each(sink, GIVEN, keys.given());
    each(sink, NICK, keys.nick());
    each(sink, FAMILY, keys.family());
    each(sink, GIVEN_PHONETIC, keys.givenPhonetic());
    each(sink, FAMILY_PHONETIC, keys.familyPhonetic());
    each(sink, DOB, Set.of(keys.dob()));
    each(sink, PHONE, Set.of(keys.phone()));
    each(sink, EMAIL, Set.of(keys.email()));
    each(sink, POSTAL, Set.of(keys.postal()));
    each(sink, STREET, keys.street());
  }

  private static void each(BiConsumer<String, String> sink, String field, Set<String> values) {
    for (String v : values) {
      if (!v.isEmpty()) {
        sink.accept(field, v);
      }
    }
  }

  private static void addOne(Document doc, String field, String value) {
    if (!value.isEmpty()) {
      doc.add(new StringField(field, value, Field.Store.NO));
    }
  }
}
