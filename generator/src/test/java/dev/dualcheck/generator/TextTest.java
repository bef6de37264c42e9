package dev.dualcheck.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Runs under a Turkish default locale (set by the build): nothing may depend on it. */
class TextTest {
  @Test
  void asciiStripsDiacriticsIncludingLettersNfdLeavesAlone() {
    assertEquals("Muller", Text.ascii("Müller"));
    assertEquals("Lukasz Wojcik", Text.ascii("Łukasz Wójcik"));
    assertEquals("Nguyen Thi Dang", Text.ascii("Nguyễn Thị Đặng"));
    assertEquals("Yilmaz Ismail", Text.ascii("Yılmaz İsmail"));
    assertEquals("Weiss", Text.ascii("Weiß"));
    assertEquals("Gyozo Hegedus", Text.ascii("Győző Hegedűs"));
    assertEquals("O'Brien", Text.ascii("O’Brien"));
  }

  @Test
  void transliterationSpellsOutUmlauts() {
    assertEquals("Mueller", Text.transliterate("Müller"));
    assertEquals("Schroeder", Text.transliterate("Schröder"));
    assertEquals("Groess", Text.transliterate("Größ"));
  }

  @Test
  void caseChangesIgnoreTheDefaultLocale() {
    assertEquals("ismail", Text.lower("ISMAIL"));
    assertEquals("KILIC", Text.upper("kilic"));
    assertEquals("fatma", Text.emailPart("FATMA."));
    assertEquals("fatmayilmaz", Text.emailPart("Fatma Yılmaz"));
  }

  @Test
  void initialTakesOneCodePoint() {
    assertEquals("Ł", Text.initial("Łukasz"));
    assertEquals("", Text.initial(""));
  }
}
