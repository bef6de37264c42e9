package dev.dualcheck.generator;

import java.time.LocalDate;

/**
 * One generated person: the fields written to the CSV files, plus the facts behind them (the exact
 * birth date, the bare phone digits) that noise needs to derive another rendering.
 */
final class Person {
  Culture culture;
  String given = "";
  String middle = "";
  String family = "";

  /** As written: full, partial ISO or empty. */
  String dob = "";

  LocalDate birth;
  String sex = "";

  /** As written, in some format; empty when unknown. */
  String phone = "";

  Phone number;
  String email = "";
  String street = "";
  String city = "";
  String postalCode = "";
  String employer = "";

  /** Earlier family names (maiden names), oldest first; written `;`-separated. */
  String formerFamily = "";

  Person copy() {
    Person p = new Person();
    p.culture = culture;
    p.given = given;
    p.middle = middle;
    p.family = family;
    p.dob = dob;
    p.birth = birth;
    p.sex = sex;
    p.phone = phone;
    p.number = number;
    p.email = email;
    p.street = street;
    p.city = city;
    p.postalCode = postalCode;
    p.employer = employer;
    p.formerFamily = formerFamily;
    return p;
  }

  boolean female() {
    return "F".equals(sex);
  }

  /** Given and family name as a person would say them, for notes and referrals. */
  String displayName() {
    if (given.isEmpty()) {
      return family;
    }
    if (family.isEmpty()) {
      return given;
    }
    return given + " " + family;
  }

  /**
   * A phone number as its country and national significant digits, so any rendering can be derived
   * from it.
   */
  record Phone(int countryCode, String national) {}
}
