package dev.dualcheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dualcheck.store.ClinicRecord;
import dev.dualcheck.store.RecordKind;
import org.junit.jupiter.api.Test;

/** Runs under the build's Turkish default locale: kinds are lower-cased with Locale.ROOT. */
class PersonTest {

  @Test
  void buildsAContactRecordOfTheContract() {
    ClinicRecord record =
        Person.builder()
            .given(" Bill ")
            .family("Turner")
            .dob("1980-04")
            .kind("INTAKE")
            .forClinician("S0003")
            .phone("  ")
            .build()
            .toRecord();
    assertEquals(RecordKind.CONTACT, record.kind());
    assertEquals("check", record.id());
    assertEquals("Bill", record.get("given_name"));
    assertEquals("1980-04", record.get("dob"));
    assertEquals("intake", record.get("kind"));
    assertEquals("S0003", record.get("for_clinician"));
    assertEquals(false, record.fields().containsKey("phone"), "blank values are left out");
  }

  @Test
  void refusesWithoutNameOrWithBadDateOrKindAndNeverQuotesTheValue() {
    IllegalArgumentException noName =
        assertThrows(IllegalArgumentException.class, () -> Person.builder().dob("1980").build());
    assertEquals("a person needs a given or family name", noName.getMessage());
    IllegalArgumentException badDate =
        assertThrows(
            IllegalArgumentException.class,
            () -> Person.builder().family("Turner").dob("02/04/1980").build());
    assertEquals("dob: expected a date YYYY-MM-DD, YYYY-MM or YYYY", badDate.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Person.builder().family("Turner").dob("1980-02-30").build());
    IllegalArgumentException badKind =
        assertThrows(
            IllegalArgumentException.class,
            () -> Person.builder().family("Turner").kind("friend").build());
    assertEquals("kind: expected intake, referral, acquaintance or hire", badKind.getMessage());
  }

  @Test
  void toStringShowsNoPersonalData() {
    assertEquals(
        "Person check", Person.builder().given("Bill").family("Turner").build().toString());
  }
}
