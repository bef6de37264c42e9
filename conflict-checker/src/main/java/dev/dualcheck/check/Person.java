package dev.dualcheck.check;

import dev.dualcheck.index.ContactKeys;
import dev.dualcheck.index.NameKeys;
import dev.dualcheck.store.ClinicRecord;
import java.util.ArrayList;
import java.util.List;

/** A person record normalised once for comparison (the cleaner's output). */
final class Person {

  final ClinicRecord record;
  final List<String> given;
  final List<String> middle;
  final List<String> family;
  final List<List<String>> formerFamilies;
  final DateValue dob;
  final String sex;
  final String phone;
  final String email;
  final List<String> street;
  final String city;
  final String postal;
  final String employer;

  Person(ClinicRecord record) {
    this.record = record;
    this.given = NameKeys.tokens(record.get("given_name"));
    this.middle = NameKeys.tokens(record.get("middle_name"));
    this.family = NameKeys.tokens(record.get("family_name"));
    List<List<String>> formers = new ArrayList<>();
    for (String former : record.get("former_family_names").split(";")) {
      List<String> tokens = NameKeys.tokens(former);
      if (!tokens.isEmpty()) {
        formers.add(tokens);
      }
    }
    this.formerFamilies = formers;
    this.dob = DateValue.parse(record.get("dob"));
    this.sex = sex(record.get("sex"));
    this.phone = record.get("phone");
    this.email = ContactKeys.email(record.get("email"));
    this.street = NameKeys.tokens(record.get("street"));
    this.city = NameKeys.fold(record.get("city"));
    this.postal = ContactKeys.postal(record.get("postal_code"));
    this.employer = employerKey(record.get("employer"));
  }

  /** The name as written, for display to those allowed to see it. */
  String displayName() {
    StringBuilder out = new StringBuilder();
    for (String column : new String[] {"given_name", "middle_name", "family_name"}) {
      String value = record.get(column).strip();
      if (!value.isEmpty()) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(value);
      }
    }
    return out.toString();
  }

  private static String sex(String raw) {
    String folded = NameKeys.fold(raw);
    if (folded.startsWith("f") || folded.equals("w")) {
      return "f";
    }
    if (folded.startsWith("m")) {
      return "m";
    }
    return "";
  }

  /** Employer without legal-form words, so "Acme Ltd" and "ACME" agree. */
  static String employerKey(String raw) {
    List<String> kept = new ArrayList<>();
    for (String t : NameKeys.tokens(raw)) {
      switch (t) {
        case "inc",
            "ltd",
            "llc",
            "gmbh",
            "co",
            "corp",
            "corporation",
            "company",
            "plc",
            "the",
            "sa",
            "ag",
            "bv",
            "limited" -> {}
        default -> kept.add(t);
      }
    }
    return String.join(" ", kept);
  }
}
