package dev.dualcheck.interop;

import dev.dualcheck.spi.ContactSource;
import dev.dualcheck.spi.Options;
import dev.dualcheck.spi.RecordSource;
import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.CsvFormatException;
import dev.dualcheck.store.RecordKind;
import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import ezvcard.property.Address;
import ezvcard.property.Birthday;
import ezvcard.property.Categories;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Organization;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.util.PartialDate;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * vCard 3 and 4 files (a phone's contacts export): as a clinician's declared ties ({@code import
 * ties contacts.vcf --staff S0003}) or as acquaintances to check ({@code scan contacts.vcf --for
 * S0003}). Errors name the card by its number in the file, never its content.
 */
public final class VcardSource implements RecordSource, ContactSource {

  private static final String DATE_EXPECTED = "expected a date YYYY, YYYY-MM or YYYY-MM-DD";

  /** Option: the clinician whose ties these are, or who asks about these acquaintances. */
  public static final String STAFF_ID = "staff_id";

  /** Option: the relation of every tie when the card's categories do not name one. */
  public static final String RELATION = "relation";

  private static final Map<String, String> CATEGORY_RELATIONS =
      Map.ofEntries(
          Map.entry("friend", "friend"),
          Map.entry("friends", "friend"),
          Map.entry("neighbour", "neighbour"),
          Map.entry("neighbor", "neighbour"),
          Map.entry("family", "family"),
          Map.entry("sibling", "sibling"),
          Map.entry("spouse", "spouse"),
          Map.entry("partner", "partner"),
          Map.entry("parent", "parent"),
          Map.entry("child", "child"),
          Map.entry("colleague", "coworker"),
          Map.entry("coworker", "coworker"),
          Map.entry("work", "coworker"));

  @Override
  public String name() {
    return "vcard";
  }

  @Override
  public boolean accepts(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".vcf") || name.endsWith(".vcard");
  }

  @Override
  public Set<RecordKind> kinds() {
    return EnumSet.of(RecordKind.TIE);
  }

  @Override
  public List<ClinicRecord> read(Path file, RecordKind kind, Options options)
      throws IOException, CsvFormatException {
    if (kind != null && kind != RecordKind.TIE) {
      throw CsvFormatException.at(file, "the file", "a vCard file holds ties only");
    }
    String staffId =
        options.require(STAFF_ID, "vCard ties need the clinician's staff id (--staff STAFF_ID)");
    String defaultRelation = options.get(RELATION).orElse("acquaintance");
    List<ClinicRecord> ties = new ArrayList<>();
    for (Card card : cards(file)) {
      Map<String, String> fields = card.fields();
      fields.put("staff_id", staffId);
      fields.put("relation", card.relation() != null ? card.relation() : defaultRelation);
      // the store derives a tie's id from staff id, name and birth date, as for CSV
      ties.add(new ClinicRecord(RecordKind.TIE, staffId + "-vcard-" + card.number(), fields));
    }
    return ties;
  }

  @Override
  public List<ClinicRecord> contacts(Path file, Options options)
      throws IOException, CsvFormatException {
    String staffId =
        options.require(
            STAFF_ID, "a vCard scan needs the staff id of the clinician asking (--for STAFF_ID)");
    List<ClinicRecord> contacts = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Card card : cards(file)) {
      Map<String, String> fields = card.fields();
      String id = card.uid() != null && ids.add(card.uid()) ? card.uid() : "card-" + card.number();
      fields.put("contact_id", id);
      fields.put("kind", "acquaintance");
      fields.put("for_clinician", staffId);
      contacts.add(new ClinicRecord(RecordKind.CONTACT, id, fields));
    }
    return contacts;
  }

  /** One card's person fields, its number in the file (from 1), UID and relation category. */
  private record Card(int number, Map<String, String> fields, String uid, String relation) {}

  private static List<Card> cards(Path file) throws IOException, CsvFormatException {
    List<Card> cards = new ArrayList<>();
    try (VCardReader reader = new VCardReader(file)) {
      for (VCard vcard = reader.readNext(); vcard != null; vcard = reader.readNext()) {
        cards.add(card(file, cards.size() + 1, vcard));
      }
    }
    if (cards.isEmpty()) {
      throw CsvFormatException.at(file, "the file", "expected at least one vCard (BEGIN:VCARD)");
    }
    return cards;
  }

  private static Card card(Path file, int number, VCard vcard) throws CsvFormatException {
    Map<String, String> fields = new LinkedHashMap<>();
    StructuredName n = vcard.getStructuredName();
    if (n != null) {
      put(fields, "given_name", n.getGiven());
      put(fields, "middle_name", String.join(" ", n.getAdditionalNames()));
      put(fields, "family_name", n.getFamily());
    }
    if (!fields.containsKey("given_name") && !fields.containsKey("family_name")) {
      FormattedName fn = vcard.getFormattedName();
      String text = fn == null || fn.getValue() == null ? "" : fn.getValue().strip();
      if (!text.isEmpty()) {
        int last = text.lastIndexOf(' ');
        put(fields, "given_name", last < 0 ? text : text.substring(0, last));
        put(fields, "family_name", last < 0 ? "" : text.substring(last + 1));
      }
    }
    if (!fields.containsKey("given_name") && !fields.containsKey("family_name")) {
      throw CsvFormatException.at(file, "card " + number, "expected a name (N or FN)");
    }
    Birthday birthday = vcard.getBirthday();
    if (birthday != null) {
      String dob = date(birthday);
      if (dob == null && birthday.getText() != null) {
        throw CsvFormatException.at(file, "card " + number + ", BDAY", DATE_EXPECTED);
      }
      put(fields, "dob", dob);
    }
    for (Telephone tel : vcard.getTelephoneNumbers()) {
      String value =
          tel.getText() != null
              ? tel.getText()
              : tel.getUri() == null ? null : tel.getUri().getNumber();
      if (value != null && !value.isBlank()) {
        put(fields, "phone", value);
        break;
      }
    }
    for (Email email : vcard.getEmails()) {
      if (email.getValue() != null && !email.getValue().isBlank()) {
        put(fields, "email", email.getValue());
        break;
      }
    }
    for (Address address : vcard.getAddresses()) {
      put(fields, "street", address.getStreetAddressFull());
      put(fields, "city", address.getLocality());
      put(fields, "postal_code", address.getPostalCode());
      break;
    }
    Organization org = vcard.getOrganization();
    if (org != null && !org.getValues().isEmpty()) {
      put(fields, "employer", org.getValues().get(0));
    }
    String relation = null;
    for (Categories categories : vcard.getCategoriesList()) {
      for (String category : categories.getValues()) {
        String mapped = CATEGORY_RELATIONS.get(category.strip().toLowerCase(Locale.ROOT));
        if (mapped != null && relation == null) {
          relation = mapped;
        }
      }
    }
    String uid = vcard.getUid() == null ? null : vcard.getUid().getValue();
    if (uid != null && (uid.isBlank() || uid.length() > 80)) {
      uid = null;
    }
    return new Card(number, fields, uid == null ? null : uid.strip(), relation);
  }

  /** The birthday as the contract's date; null for a date without a year (--04-02). */
  private static String date(Birthday birthday) {
    try {
      if (birthday.getDate() != null) {
        return LocalDate.from(birthday.getDate()).toString();
      }
    } catch (DateTimeException e) {
      return null;
    }
    PartialDate partial = birthday.getPartialDate();
    if (partial == null || partial.getYear() == null) {
      return null;
    }
    String date = String.format(Locale.ROOT, "%04d", partial.getYear());
    if (partial.getMonth() != null) {
      date += String.format(Locale.ROOT, "-%02d", partial.getMonth());
      if (partial.getDate() != null) {
        date += String.format(Locale.ROOT, "-%02d", partial.getDate());
      }
    }
    return date;
  }

  private static void put(Map<String, String> fields, String column, String value) {
    if (value != null && !value.isBlank()) {
      fields.put(column, value.strip().replaceAll("\\s+", " "));
    }
  }
}
